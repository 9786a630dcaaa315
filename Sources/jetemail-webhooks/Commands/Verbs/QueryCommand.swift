import Glibc
import JetEmailClient
import WebhookTUI

/// `query [filters] [--limit N] [--offset N] [--all] [--json]`: the delivery log, with the
/// official CLI's spellings too (`--uuid`, `--date-from`, `--date-to`).
struct QueryCommand: Command {
    static let name = "query"
    static let abstract = "Show the delivery log: what was sent to your webhooks, and how it went."
    static let discussion = """
        Newest first. TIME is unix seconds, ISO 8601 (2026-11-27, 2026-11-27T14:00,
        …Z or …+01:00; without a zone, local time) or a time ago (90m, 6h, 2d).
        --all pages through everything (1000 a page unless --limit), printing as it
        goes and waiting out a rate limit (429) as JetEmail asks.
        """
    static let options: [OptionSpec] = [
        .value("webhook", "uuid", "Only deliveries to this webhook (also --uuid)."),
        .value("uuid", "uuid", "The official CLI's name for --webhook."),
        .value("event-id", "id", "Only this event."),
        .value("source-uid", "uid", "Only events about this source message."),
        .value("event-type", "type", "Only this event type.").choosing { DeliveryQuery.eventTypes },
        .value("status", "status", "success, failed, retry or pending.").choosing { DeliveryStatus.allCases.map(\.rawValue) },
        .value("since", "time", "Only deliveries at or after TIME."),
        .value("until", "time", "Only deliveries at or before TIME."),
        .value("date-from", "unix", "As --since, in unix seconds (the official CLI's name)."),
        .value("date-to", "unix", "As --until, in unix seconds (the official CLI's name)."),
        .value("limit", "n", "Events per page, 1-1000 (default 50; 1000 with --all)."),
        .value("offset", "n", "Skip this many events first."),
        .flag("all", "Fetch every page, not just one."),
        .flag("json", "Print JSON even on a terminal."),
    ] + APIAccess.options

    let access: APIAccess
    let query: DeliveryQuery
    let all: Bool
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        all = arguments.flag("all")
        json = arguments.flag("json")
        let clock = SystemClock.wallClock()
        func one(_ a: String, _ b: String) throws(UsageError) -> String? {
            if let x = arguments.string(a), let y = arguments.string(b), x != y { throw UsageError("--\(a) and --\(b) name the same filter; give one.") }
            return arguments.string(a) ?? arguments.string(b)
        }
        func time(_ name: String, _ unixName: String) throws(UsageError) -> Int? {
            if arguments.string(name) != nil, arguments.string(unixName) != nil { throw UsageError("--\(name) and --\(unixName) name the same bound; give one.") }
            if let text = arguments.string(unixName) {
                guard let n = Int(text) else { throw UsageError("--\(unixName) takes unix seconds, not '\(TerminalSafe.escaped(text))'.") }
                return n
            }
            guard let text = arguments.string(name) else { return nil }
            guard let t = TimeArgument.parse(text, now: Int(clock.epochAtStart), utcOffset: clock.utcOffset) else {
                throw UsageError("--\(name): '\(TerminalSafe.escaped(text))' is not a time (unix seconds, ISO 8601 such as 2026-11-27T14:00, or 90m, 6h, 2d).")
            }
            return t
        }
        var q = DeliveryQuery(uuid: try one("webhook", "uuid"), eventID: arguments.string("event-id"), sourceUID: arguments.string("source-uid"),
                              eventType: arguments.string("event-type"), dateFrom: try time("since", "date-from"), dateTo: try time("until", "date-to"),
                              limit: try arguments.optionalInt("limit"), offset: try arguments.optionalInt("offset"))
        if let status = arguments.string("status") {
            guard let s = DeliveryStatus(rawValue: status.lowercased()) else {
                throw UsageError("--status must be one of: \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            q.status = s
        }
        if all, q.limit == nil { q.limit = 1000 }
        if let problem = q.problem { throw UsageError(problem.prefix(1).uppercased() + problem.dropFirst() + ".") }
        query = q
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let clock = SystemClock.wallClock()
            if !all {
                let page: DeliveryPage
                do { page = try await client.queryDeliveries(query) } catch { throw APIAccess.failRead(error) }
                try APIAccess.print(APIAccess.wantsJSON(json) ? WebhookOutput.json(page)
                                    : DeliveryOutput.table(page.events, total: page.total, offset: page.offset, clock: clock))
                return
            }
            // Printed page by page, so that 200,000 events never sit in memory at once.
            let asJSON = APIAccess.wantsJSON(json)
            var printed = 0
            if asJSON { try APIAccess.print("{\"events\": [", newline: false) }
            let total = try await Self.everyPage(query, client: client) { events in
                if asJSON {
                    let text = events.map { WebhookOutput.json($0) }.joined(separator: ",\n")
                    try APIAccess.print((printed == 0 ? "\n" : ",\n") + text, newline: false)
                } else {
                    try APIAccess.print(DeliveryOutput.rows(events, clock: clock, header: printed == 0), newline: false)
                }
                printed += events.count
            }
            try APIAccess.print(asJSON ? "\n], \"total\": \(total)}" : (printed == 0 ? "No deliveries match." : "\(printed) of \(total)"))
        }
    }

    /// Page after page until the total is reached or a page comes back short. A 429 is waited
    /// out (its Retry-After, said on stderr) and the same page asked again; an event seen twice
    /// (the log grew meanwhile, shifting the pages) is kept once.
    @MainActor static func everyPage(_ first: DeliveryQuery, client: JetEmailClient, maximumWait: Int = 3_600,
                                     each: ([Delivery]) throws -> Void) async throws -> Int {
        var query = first
        var seen = Set<String>()
        var count = 0
        var total = 0
        while true {
            let page: DeliveryPage
            do { page = try await client.queryDeliveries(query) } catch .rateLimited(let retryAfter, _) {
                let wait = retryAfter ?? 60
                guard wait <= maximumWait else {
                    StandardError.write("Rate limited by JetEmail for \(wait) s; giving up after \(count) events.")
                    throw ExitCode(1)
                }
                StandardError.write("Rate limited by JetEmail: waiting \(wait) s before page \((query.offset ?? 0) / max(1, query.limit ?? 1000) + 1)…")
                try await Task.sleep(for: .seconds(wait))
                continue
            } catch { throw APIAccess.failRead(error) }
            total = page.total
            let fresh = page.events.filter { seen.insert($0.id + "\u{0}" + $0.uuid).inserted }
            count += fresh.count
            if !fresh.isEmpty { try each(fresh) }
            let next = (query.offset ?? 0) + page.events.count
            if page.events.isEmpty || page.events.count < (query.limit ?? 1000) || next >= page.total { break }
            query.offset = next
        }
        return total
    }
}
