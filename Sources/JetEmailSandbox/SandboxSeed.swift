import JetEmailClient

/// Realistic webhooks for `sandbox --seed N`, the demo, tests and benchmarks: varied names, URLs
/// and event sets, both statuses, some filters, and one with `outbound.queued` (a name the create
/// enum lacks, as the real API returns). The same N gives the same webhooks, except their uuids.
public enum SandboxSeed {
    static let services = ["Orders", "Billing", "Bounce handler", "CRM sync", "Support inbox", "Analytics", "Fraud check",
                           "Newsletter", "Audit log", "Slack relay", "Data warehouse", "Inbound parser"]
    static let regions = ["", " (EU)", " (US)", " staging", " v2", " backup"]
    static let hosts = ["hooks.example.com", "api.acme.io", "events.internal.example.net", "n8n.example.org",
                        "ingest.example.com:8443", "webhooks.shop.example"]

    public static func webhooks(_ count: Int, now: Int) -> [Webhook] {
        let all = EventType.allCases
        return (0..<max(0, count)).map { i in
            let service = services[i % services.count]
            let suffix = regions[(i / services.count) % regions.count]
            let round = i / (services.count * regions.count)
            let name = service + suffix + (round > 0 ? " \(round + 1)" : "")
            let host = hosts[(i * 7) % hosts.count]
            let path = service.lowercased().replacingSpaces + (i % 3 == 0 ? "/jetemail" : "/webhook") + (i % 5 == 0 ? "?token=abc123" : "")
            var events: [EventName]
            switch i % 4 {
            case 0: events = EventType.outbound.map(EventName.init)
            case 1: events = EventType.inbound.map(EventName.init)
            case 2: events = [EventName(.outboundBounced), EventName(.outboundComplaint), EventName(.outboundRejected)]
            default: events = [EventName(all[i % all.count])]
            }
            if i == 1 { events.append(EventName("outbound.queued")) }
            let users: [String]? = i % 6 == 0 ? [SandboxConfiguration.defaultOwnedUsers[i % 2]] : nil
            let domains: [String]? = i % 4 == 1 && i % 8 == 1 ? [SandboxConfiguration.defaultOwnedDomains[0]] : nil
            let created = now - 86_400 * (count - i) - 3_600 * (i % 24)
            return Webhook(uuid: RandomToken.uuid(), name: name, url: "https://\(host)/\(path)", events: events,
                           status: i % 5 == 3 ? .disabled : .enabled, filterUsers: users, filterDomains: domains,
                           createdAt: created, lastModified: created + (i % 3) * 7_200)
        }
    }
}

private extension String {
    var replacingSpaces: String { String(map { $0 == " " ? "-" : $0 }) }
}
