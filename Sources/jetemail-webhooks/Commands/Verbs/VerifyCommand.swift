import Glibc
import JetEmailClient

/// `verify --secret-file FILE --signature SIG [--timestamp T]`: checks a delivery's signature
/// against the body on stdin. Exit 0 valid, 1 not (mismatch, malformed, stale), 2 usage.
struct VerifyCommand: Command {
    static let name = "verify"
    static let abstract = "Check a webhook signature against a body read on standard input."
    static let discussion = """
        SIG is the X-Webhook-Signature header (sha256=…), T the X-Webhook-Timestamp
        header: a timestamp more than 300 s old is stale (exit 1), as JetEmail's SDKs
        refuse it. The body must be the raw bytes received (at most 16 MiB).
        Exit 0 valid, 1 not valid, 2 usage.
        """
    static let options: [OptionSpec] = [
        .value("secret-file", "path", "File holding the webhook's signing secret."),
        .value("signature", "sig", "The X-Webhook-Signature header's value."),
        .value("timestamp", "unix", "The X-Webhook-Timestamp header's value, to check its age."),
    ]

    static let bodyLimit = 16 << 20

    let secretFile: String
    let signature: String
    let timestamp: Int?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let secretFile = arguments.string("secret-file") else { throw UsageError("Give --secret-file FILE.") }
        guard let signature = arguments.string("signature") else { throw UsageError("Give --signature SIG (the X-Webhook-Signature header).") }
        self.secretFile = secretFile
        self.signature = signature
        timestamp = try arguments.optionalInt("timestamp")
    }

    @MainActor func begin() throws -> CommandWork {
        let secret = try SecretFileReading.secret(atPath: secretFile)
        if isatty(STDIN_FILENO) != 0 { StandardError.write("Reading the body from standard input (end with Ctrl-D)…") }
        let body = try Self.readStandardInput()
        let verdict = WebhookSignature.verify(body: body, secret: secret, signature: signature, timestamp: timestamp, now: SystemClock.unixNow)
        try APIAccess.print(verdict.description)
        if !verdict.isValid { throw ExitCode(1) }
        return {}
    }

    static func readStandardInput() throws -> [UInt8] {
        var body: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                StandardError.write("Cannot read standard input: \(String(cString: strerror(errno))).")
                throw ExitCode(2)
            }
            if n == 0 { return body }
            body += buffer[0..<n]
            if body.count > bodyLimit {
                StandardError.write("The body on standard input is larger than 16 MiB; nothing was checked.")
                throw ExitCode(2)
            }
        }
    }
}
