import Glibc
import JetEmailClient

/// `verify --secret-file FILE --signature SIG [--timestamp T] [--scheme event|inbound]
/// [--webhook-id ID]`: checks a delivery's signature against the body on stdin, in either of
/// JetEmail's schemes. Exit 0 valid, 1 not (mismatch, malformed, stale), 2 usage.
struct VerifyCommand: Command {
    static let name = "verify"
    static let abstract = "Check a webhook signature against a body read on standard input."
    static let discussion = """
        SIG is the X-Webhook-Signature header, T the X-Webhook-Timestamp header: a
        timestamp more than 300 s old is stale (exit 1), as JetEmail's SDKs refuse it.
        Event webhooks sign the body (sha256=…); inbound-domain webhooks sign
        {webhook_id}.{timestamp}.{body} with no prefix, so --webhook-id (X-Webhook-ID) and
        --timestamp are needed. The scheme is event when SIG starts with sha256=,
        inbound otherwise. The body must be the raw bytes received (at most 16 MiB).
        --secret-file may be given several times (during a secret's rotation a receiver
        accepts the old and the new): the signature is valid when any one of them made it, and
        the file that matched is named. Exit 0 valid, 1 not valid, 2 usage.
        """
    static let options: [OptionSpec] = [
        .repeated("secret-file", "path", "File holding the webhook's signing secret; repeated, any one of them may have signed it (a rotation's overlap)."),
        .value("signature", "sig", "The X-Webhook-Signature header's value."),
        .value("timestamp", "unix", "The X-Webhook-Timestamp header's value, to check its age (signed, in the inbound scheme)."),
        .value("scheme", "scheme", "event (a webhook's) or inbound (an inbound domain's); by default, from the signature's form.")
            .choosing { WebhookSignature.Scheme.allCases.map(\.rawValue) },
        .value("webhook-id", "id", "The X-Webhook-ID header's value (the inbound scheme signs it)."),
    ]

    static let bodyLimit = 16 << 20

    let secretFiles: [String]
    let signature: String
    let timestamp: Int?
    let scheme: WebhookSignature.Scheme
    /// The inbound scheme's signed parts: the webhook id and the timestamp as given.
    let inbound: (webhookID: String, timestamp: String)?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        let secretFiles = arguments.strings("secret-file")
        guard !secretFiles.isEmpty else { throw UsageError("Give --secret-file FILE.") }
        guard let signature = arguments.string("signature") else { throw UsageError("Give --signature SIG (the X-Webhook-Signature header).") }
        self.secretFiles = secretFiles
        self.signature = signature
        let prefixed = signature.trimmingWhitespace().lowercased().hasPrefix("sha256=")
        if let named = arguments.string("scheme") {
            guard let chosen = WebhookSignature.Scheme(rawValue: named) else { throw UsageError("--scheme must be event or inbound.") }
            scheme = chosen
        } else if prefixed {
            scheme = .event
        } else if arguments.string("webhook-id") != nil {
            scheme = .inbound
        } else {
            throw UsageError("This signature has no sha256= prefix, so it is not an event webhook's: an inbound domain's signs "
                             + "{webhook_id}.{timestamp}.{body}. Give --webhook-id ID (the X-Webhook-ID header) and --timestamp T, "
                             + "or --scheme event.")
        }
        switch scheme {
        case .event:
            if arguments.string("webhook-id") != nil { throw UsageError("--webhook-id goes with --scheme inbound (event webhooks do not sign it).") }
            timestamp = try arguments.optionalInt("timestamp")
            inbound = nil
        case .inbound:
            guard let id = arguments.string("webhook-id") else { throw UsageError("The inbound scheme signs the webhook id: give --webhook-id ID (the X-Webhook-ID header).") }
            guard let stamp = arguments.string("timestamp") else { throw UsageError("The inbound scheme signs the timestamp: give --timestamp T (the X-Webhook-Timestamp header).") }
            timestamp = nil
            inbound = (id, stamp)
        }
    }

    @MainActor func begin() throws -> CommandWork {
        // Every file is read (and refused, exit 2) before the body is.
        let secrets = try secretFiles.map { try SecretFileReading.secret(atPath: $0) }
        if isatty(STDIN_FILENO) != 0 { StandardError.write("Reading the body from standard input (end with Ctrl-D)…") }
        let body = try Self.readStandardInput()
        let verdicts = secrets.map { secret in
            inbound.map {
                WebhookSignature.verifyInbound(body: body, secret: secret, signature: signature, webhookID: $0.webhookID, timestamp: $0.timestamp,
                                               now: SystemClock.unixNow)
            } ?? WebhookSignature.verify(body: body, secret: secret, signature: signature, timestamp: timestamp, now: SystemClock.unixNow)
        }
        let (line, valid) = Self.verdict(verdicts, files: secretFiles)
        try APIAccess.print(line)
        if !valid { throw ExitCode(1) }
        return {}
    }

    /// One secret: its verdict. Several: the one that signed it, named (or, when the signature
    /// matched one but its time is refused, that one's verdict), else that none did.
    static func verdict(_ verdicts: [WebhookSignature.Verdict], files: [String]) -> (String, Bool) {
        guard verdicts.count > 1 else { return (verdicts.first?.description ?? "invalid", verdicts.first?.isValid ?? false) }
        let named = { (index: Int) in "\(TerminalSafe.escaped(files[index])) (\(index + 1) of \(files.count))" }
        if let index = verdicts.firstIndex(where: \.isValid) {
            return ("valid: the body was signed with the secret in \(named(index))", true)
        }
        if let index = verdicts.firstIndex(where: { if case .stale = $0 { true } else if case .fromTheFuture = $0 { true } else { false } }) {
            return (verdicts[index].description + " (the secret in \(named(index)))", false)
        }
        if let malformed = verdicts.first(where: { if case .malformed = $0 { true } else { false } }) { return (malformed.description, false) }
        return ("invalid: this body was signed with none of the \(files.count) secrets (or it was changed on the way)", false)
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
