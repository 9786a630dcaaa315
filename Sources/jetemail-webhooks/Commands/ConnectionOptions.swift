import FoundationEssentials
import Glibc
import JetEmailClient
import JetEmailHTTP
import PosixSupport
import Synchronization

/// The one request pacer of the process, made on first use.
final class PacerHolder: Sendable {
    private let made = Mutex<RequestPacer?>(nil)

    func pacer(limit: Int, longestWait: Int, ledger: @autoclosure () -> any BudgetLedger) -> RequestPacer {
        made.withLock { pacer in
            if let pacer { return pacer }
            let new = RequestPacer(limit: limit, ledger: ledger(), longestWait: longestWait)
            pacer = new
            return new
        }
    }
}

/// Where and how to reach the API; shared by every command that talks to it.
struct ConnectionOptions: Sendable {
    static let options: [OptionSpec] = [
        .value("api-key-file", "path", "File holding the API key (keeps it out of argv and shell history)."),
        .value("profile", "name", "Profile of the jetemail CLI's config file to take the key from."),
        .value("base-url", "url", "API base URL (default: $JETEMAIL_BASE_URL, else https://api.jetemail.com)."),
        .value("ca-file", "path", "PEM file of extra CA certificates to trust, besides the system store."),
        .value("timeout", "seconds", "Give up waiting for an answer after this many seconds (1-600, default 30)."),
        .value("max-wait", "seconds", "Give up when JetEmail's rate limit (429) asks for a longer wait than this, 0-3600 (default 3600); shorter waits are said and sat out."),
        .value("max-rate", "n", "At most N requests a minute for the account, shared by every process of this program on this machine, 1-240 (default 200, or max_rate in the config file; JetEmail allows 240)."),
    ]

    let apiKeyFile: String?
    let profile: String?
    let baseURL: String?
    let caFile: String?
    let timeout: Int
    /// `--max-rate`, if given (else the config file's `max_rate`, else the default).
    let maxRate: Int?
    /// `--max-wait`: the longest 429 wait sat out.
    let maxWait: Int
    /// Every API call of this process waits here for the request budget (made on first use,
    /// once: a key typed later shares it).
    let pacer = PacerHolder()

    init(_ arguments: ParsedArguments) throws(UsageError) {
        apiKeyFile = arguments.string("api-key-file")
        profile = arguments.string("profile")
        baseURL = arguments.string("base-url")
        caFile = arguments.string("ca-file")
        timeout = try arguments.int("timeout", default: 30)
        guard (1...600).contains(timeout) else { throw UsageError("--timeout must be from 1 to 600 seconds.") }
        maxWait = try arguments.int("max-wait", default: RetryAfter.longestWait)
        guard (0...RetryAfter.longestWait).contains(maxWait) else { throw UsageError("--max-wait must be from 0 to \(RetryAfter.longestWait) seconds.") }
        maxRate = try arguments.optionalInt("max-rate")
        if let maxRate, !RequestBudget.rates.contains(maxRate) {
            throw UsageError("--max-rate must be from \(RequestBudget.rates.lowerBound) to \(RequestBudget.rates.upperBound) requests a minute.")
        }
    }

    /// The flags given, as words to repeat in a command printed for later (a recover's resume):
    /// what reaches the same account the same way. Paths, names and numbers only: no secret.
    var words: [String] {
        [("api-key-file", apiKeyFile), ("profile", profile), ("base-url", baseURL), ("ca-file", caFile), ("max-rate", maxRate.map(String.init)),
         ("max-wait", maxWait == RetryAfter.longestWait ? nil : String(maxWait))]
            .flatMap { flag, value in value.map { ["--" + flag, $0] } ?? [] }
    }

    /// The process's request pacer, at the budget's rate, sharing the account's window with every
    /// process of the program that talks to the same API host (the ledger). The demo's sandbox
    /// keeps its own (`demoPacer`).
    func pacer(environment: [String: String]) -> RequestPacer {
        pacer.pacer(limit: budgetRate(environment: environment), longestWait: maxWait, ledger: ledger(environment: environment))
    }

    /// The demo sandbox's budget: its own, in memory, at the same rate.
    func demoPacer(environment: [String: String]) -> RequestPacer {
        pacer.pacer(limit: budgetRate(environment: environment), longestWait: maxWait, ledger: LocalBudgetLedger())
    }

    /// The shared ledger for the API host these options reach; this process's own if the base
    /// URL cannot be read (the client will not be made then anyway).
    func ledger(environment: [String: String]) -> any BudgetLedger {
        guard let base = try? BaseURL.resolve(flag: baseURL, environment: environment) else { return LocalBudgetLedger() }
        return FileBudgetLedger(path: FileBudgetLedger.path(for: base, environment: environment))
    }

    /// The request budget: `--max-rate`, else `max_rate` in the config file, else the default.
    func budgetRate(environment: [String: String]) -> Int {
        maxRate ?? APIKeyResolver(keyFile: apiKeyFile, profile: profile, environment: environment).configuredMaxRate() ?? RequestBudget.defaultRate
    }

    /// The client, with the key found the usual way, and warnings about that key.
    func makeClient(environment: [String: String] = ProcessEnvironment.current) throws(ConfigurationError)
        -> (client: JetEmailClient, maskedKey: String, warnings: [String]) {
        let resolved = try APIKeyResolver(keyFile: apiKeyFile, profile: profile, environment: environment).resolve()
        return (try makeClient(key: resolved.key, environment: environment), resolved.key.masked, resolved.warnings)
    }

    /// The client for a key given directly (typed at the form's prompt).
    func makeClient(key: APIKey, environment: [String: String]) throws(ConfigurationError) -> JetEmailClient {
        let (base, transport) = try makeTransport(environment: environment)
        return JetEmailClient(baseURL: base, key: key, transport: transport, pacer: pacer(environment: environment))
    }

    /// Where requests go and how (base URL, proxy, CA file): everything but the key.
    func makeTransport(environment: [String: String]) throws(ConfigurationError) -> (BaseURL, AsyncHTTPTransport) {
        let base = try BaseURL.resolve(flag: baseURL, environment: environment)
        let proxy = try ProxySettings.forTarget(base, environment: environment)
        return (base, try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: timeout, caFile: caFile, proxy: proxy)))
    }
}
