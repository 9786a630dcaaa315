import JetEmailClient
import JetEmailHTTP
import PosixSupport

/// The checks that go to the network: name resolution, TCP and TLS to the API (or TCP to the
/// proxy that stands before it), each timed; the key accepted by one read-only call; and the
/// clock against that answer's `Date` header.
enum DoctorNetworkChecks {
    /// Past these, the clock is a warning, then an error: JetEmail's receivers refuse a
    /// signature timestamp more than 300 s from their clock.
    static let skewWarning = 30, skewError = WebhookSignature.staleAfterSeconds

    @MainActor static func all(connection: ConnectionOptions, environment: [String: String]) async -> [DoctorCheck] {
        guard let base = try? BaseURL.resolve(flag: connection.baseURL, environment: environment) else { return [] }
        let proxy = try? ProxySettings.forTarget(base, environment: environment)
        var checks: [DoctorCheck] = []
        let host = proxy?.host ?? base.host
        let port = proxy?.port ?? base.port ?? (base.scheme == "https" ? 443 : 80)
        let tls = proxy == nil && base.scheme == "https"
        let steps = await ConnectionProbe.run(host: host, port: port, tls: tls, caFile: connection.caFile, timeout: min(connection.timeout, 10))
        let via = proxy.map { " (the proxy \($0.host):\($0.port))" } ?? ""
        for step in steps {
            let name = switch step.kind { case .dns: "name"; case .tcp: "TCP"; case .tls: "TLS" }
            if step.ok {
                let found = step.kind != .dns ? step.detail : step.detail == host ? "\(host) (an address: nothing to resolve)" : "\(host) is \(step.detail)"
                checks.append(.ok(name, "\(found)\(via) in \(step.milliseconds) ms"))
            } else {
                let advice: String = switch step.kind {
                case .dns: "Check the host name and this machine's DNS (resolv.conf)."
                case .tcp: proxy == nil ? "A firewall, or nothing listening at \(host):\(port)? An HTTPS_PROXY may be needed." : "Is the proxy running and reachable?"
                case .tls: "A plain-HTTP port, or a TLS-intercepting proxy: --ca-file FILE adds its CA."
                }
                checks.append(.error(name, step.detail + via, advice))
            }
        }
        guard steps.allSatisfy(\.ok) else {
            checks.append(.error("key accepted", "not tried: the API cannot be reached", nil))
            return checks
        }
        let made: (client: JetEmailClient, maskedKey: String, warnings: [String])
        do { made = try connection.makeClient(environment: environment) } catch {
            checks.append(.error("key accepted", "not tried: \(error.description)", nil))
            return checks
        }
        let sent = SystemClock.unixNow
        do {
            let answer = try await made.client.checkKey()
            checks.append(.ok("key accepted", "\(made.maskedKey) can read the webhooks (\(answer.webhooks); one read-only call)"))
            checks.append(clock(serverDate: answer.serverDate, sent: sent, received: SystemClock.unixNow))
        } catch {
            let advice: String? = switch error {
            case .unauthorized: "JetEmail refused this key (401): check it in the dashboard; an api_ key is needed (transactional_ keys only send mail)."
            case .rateLimited: "The account is rate limited now; try again in a few minutes."
            case .network(.proxy, _): "The proxy refused or failed: check HTTPS_PROXY and its credentials."
            default: nil
            }
            checks.append(.error("key accepted", error.message(doing: .read), advice))
        }
        return checks
    }

    /// The local clock against the server's `Date` (to the second: the answer's round trip is
    /// allowed for).
    static func clock(serverDate: String?, sent: Int, received: Int) -> DoctorCheck {
        guard let serverDate, let server = HTTPDate.parse(serverDate) else {
            return .warning("clock", "the API's answer had no readable Date header, so the clock was not compared", nil)
        }
        // The server stamped its answer between sending and receiving: off by the distance to that interval.
        let skew = server < sent ? sent - server : server > received ? received - server : 0
        let words = skew == 0 ? "in step with the API's (to the second)" : "\(abs(skew)) s \(skew > 0 ? "ahead of" : "behind") the API's"
        if abs(skew) > skewError {
            return .error("clock", "this machine's clock is \(words)", "Signatures are refused past \(skewError) s (JetEmail's window): fix the time (NTP: timedatectl set-ntp true).")
        }
        if abs(skew) > skewWarning {
            return .warning("clock", "this machine's clock is \(words)", "Within JetEmail's \(skewError) s signature window, but drifting: check NTP.")
        }
        return .ok("clock", words)
    }
}
