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
        goes and waiting out a rate limit (429) as JetEmail asks. --follow prints new
        events as they arrive (asked for every --interval seconds, default 5), oldest
        first, each once, until Ctrl-C (JSON lines when not on a terminal).
        """
    static let options: [OptionSpec] = [
        .value("webhook", "uuid", "Only deliveries to this webhook (its uuid or exact name; also --uuid)."),
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
        .flag("follow", "Print new events as they arrive, until Ctrl-C."),
        .value("interval", "seconds", "With --follow: seconds between asks (default 5, 1-3600)."),
        .flag("json", "Print JSON even on a terminal."),
    ] + APIAccess.options

    let access: APIAccess
    let query: DeliveryQuery
    let all: Bool
    let json: Bool
    /// `--follow`: seconds between polls.
    let followEvery: Int?

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
            try TimeArgument.option(arguments, name, unixName: unixName, clock: clock)
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
        let interval = try arguments.optionalInt("interval")
        if interval != nil, !arguments.flag("follow") { throw UsageError("--interval goes with --follow.") }
        if let interval, !(1...3600).contains(interval) { throw UsageError("--interval must be from 1 to 3600 seconds.") }
        if arguments.flag("follow"), all { throw UsageError("Give --all or --follow, not both.") }
        if arguments.flag("follow"), q.offset != nil || q.limit != nil { throw UsageError("--follow asks for what is new; it takes no --limit or --offset.") }
        followEvery = arguments.flag("follow") ? interval ?? 5 : nil
        if let problem = q.problem { throw UsageError(problem.prefix(1).uppercased() + problem.dropFirst() + ".") }
        query = q
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            var query = self.query
            if let reference = query.uuid { query.uuid = try await APIAccess.resolveWebhook(reference, client: client) }
            let clock = SystemClock.wallClock()
            let asJSON = APIAccess.wantsJSON(json)
            // On a terminal the table names webhooks (one list call); a log of one webhook has
            // no webhook column.
            let names = asJSON || query.uuid != nil ? nil : await Self.webhookNames(client)
            let width = TextTable.terminalWidth()
            if let every = followEvery {
                // Follow polls are background work in the account's budget: a person elsewhere goes first.
                try await Self.follow(query, every: every, client: client.with(priority: .background)) { events, first in
                    try APIAccess.print(asJSON ? events.map { WebhookOutput.jsonLine($0) + "\n" }.joined()
                                        : DeliveryOutput.rows(events, clock: clock, header: first, width: width, names: names), newline: false)
                }
                return
            }
            if !all {
                let page: DeliveryPage
                do { page = try await client.queryDeliveries(query) } catch { throw APIAccess.fail(error, doing: .read) }
                try APIAccess.print(asJSON ? WebhookOutput.json(page)
                                    : DeliveryOutput.table(page.events, total: page.total, offset: page.offset, clock: clock, width: width, names: names))
                return
            }
            // Printed page by page, so that 200,000 events never sit in memory at once. JSON that
            // was started is always finished, so a failure midway still leaves valid JSON.
            var printed = 0
            if asJSON { try APIAccess.print("{\"events\": [", newline: false) }
            let total: Int
            do {
                total = try await Self.everyPage(query, client: client) { events in
                    if asJSON {
                        let text = events.map { WebhookOutput.json($0) }.joined(separator: ",\n")
                        try APIAccess.print((printed == 0 ? "\n" : ",\n") + text, newline: false)
                    } else {
                        try APIAccess.print(DeliveryOutput.rows(events, clock: clock, header: printed == 0, width: width, names: names), newline: false)
                    }
                    printed += events.count
                }
            } catch {
                if asJSON { try? APIAccess.print("\n], \"complete\": false}") }
                throw error
            }
            try APIAccess.print(asJSON ? "\n], \"total\": \(total), \"complete\": true}"
                                : (printed == 0 ? "No deliveries match." : "\(printed) of \(total) · \(DeliveryOutput.zone(clock))"))
        }
    }

    /// `--follow`: every `every` seconds, what is new since the last ask (from now, or from
    /// --since), printed oldest first, each once. A 429 is waited out by the request path (which
    /// says so on stderr); an answer that fails for a while (no answer, a 5xx) is said on stderr
    /// and asked again; a refusal (a wrong key, a bad filter, 429 after 429) ends it. Runs until
    /// the process is stopped.
    @MainActor static func follow(_ base: DeliveryQuery, every: Int, client: JetEmailClient,
                                  sleep: (Int) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
                                  print: ([Delivery], Bool) throws -> Void) async throws {
        var news = NewDeliveries(from: base.dateFrom ?? SystemClock.unixNow)
        var printedAny = false
        while true {
            let page: DeliveryPage
            do throws(JetEmailError) {
                page = try await client.queryDeliveries(news.query(base))
            } catch {
                switch error {
                case .rateLimited:
                    StandardError.write((await client.pacer?.gaveUpMessage(then: "Stopped following.")) ?? error.readMessage)
                    throw ExitCode(1)
                case .noAnswer, .network, .server, .answerUnusable, .malformedResponse:
                    StandardError.write(error.readMessage + " Asking again in \(every) s.")
                    try await sleep(every)
                default:
                    throw APIAccess.fail(error, doing: .read)
                }
                continue
            }
            let new = news.fresh(page.events, now: SystemClock.unixNow)
            if !new.isEmpty {
                try print(new.reversed(), !printedAny)
                printedAny = true
            }
            if page.total > page.events.count {
                StandardError.write("More than \(NewDeliveries.pollLimit) new events in \(every) s: some were not printed (query --since shows them).")
            }
            try await sleep(every)
        }
    }

    /// Webhook names by uuid, for the table; none when the list cannot be read (uuids show).
    @MainActor static func webhookNames(_ client: JetEmailClient) async -> [String: String] {
        guard let list = try? await client.listWebhooks() else { return [:] }
        var names: [String: String] = [:]
        for webhook in list { names[webhook.uuid] = webhook.name }
        return names
    }

    /// Page after page, by what each page brought (a server may answer fewer rows than the
    /// limit), until the total is reached or a page comes back empty. A 429 is waited out by the
    /// request path (its Retry-After, at least a few seconds, longer with each 429 in a row, said
    /// on stderr) and the same page asked again, up to a bound. An event seen on the page before (the log grew
    /// meanwhile, shifting the pages) is kept once; a page that brings nothing new (a server that
    /// ignores offset) ends the run, said on stderr, exit 1. Memory holds two pages of ids.
    @MainActor static func everyPage(_ first: DeliveryQuery, client: JetEmailClient,
                                     each: ([Delivery]) throws -> Void) async throws -> Int {
        var query = first
        var previous = Set<String>()
        var count = 0
        var total = 0
        var pageNumber = 1
        while true {
            let page: DeliveryPage
            do {
                page = try await client.queryDeliveries(query)
            } catch .rateLimited {
                StandardError.write((await client.pacer?.gaveUpMessage(then: "Stopped after \(count) events of page \(pageNumber).")) ?? "Rate limited by JetEmail.")
                throw ExitCode(1)
            } catch { throw APIAccess.fail(error, doing: .read) }
            total = page.total
            var ids = Set<String>()
            let fresh = page.events.filter { event in
                let key = event.id + "\u{0}" + event.uuid
                return ids.insert(key).inserted && !previous.contains(key)
            }
            if page.events.isEmpty { break }
            if fresh.isEmpty {
                StandardError.write("Page \(pageNumber) brought only events already printed (the server seems to ignore offset); "
                                    + "stopped after \(count) events of \(total).")
                throw ExitCode(1)
            }
            count += fresh.count
            try each(fresh)
            previous = ids
            let next = (query.offset ?? 0) + page.events.count
            if next >= page.total { break }
            query.offset = next
            pageNumber += 1
        }
        return total
    }
}
