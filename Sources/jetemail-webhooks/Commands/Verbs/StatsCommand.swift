import Glibc
import PosixSupport
import JetEmailClient
import TerminalUI

/// `stats [--webhook UUID] [--since TIME] [--until TIME] [--json]`: deliveries per webhook by
/// status (all webhooks when none is named), counted with `limit: 1` queries paced by the
/// request budget: which receiver is failing, from a script or a terminal.
struct StatsCommand: Command {
    static let name = "stats"
    static let abstract = "Count deliveries per webhook by status (default: the last 24 hours)."
    static let discussion = """
        Each figure is the total of a one-row query (JetEmail has no stats endpoint): five
        requests a webhook, paced by the request budget. TIME as in query (default --since 24h).
        A table on a terminal, sorted by failures; JSON otherwise. Exit 1 when a figure could
        not be fetched (shown as ? or null).
        """
    static let options: [OptionSpec] = [
        .value("webhook", "uuid", "Only this webhook (its uuid or exact name; also --uuid)."),
        .value("uuid", "uuid", "The official CLI's name for --webhook."),
        .value("since", "time", "From TIME (default: 24 hours ago)."),
        .value("until", "time", "Until TIME (default: now)."),
        .flag("timeline", "With --webhook: failed and all deliveries in buckets over the range (hours up to 2 days, 6 hours up to 14, else days), as details chart them."),
        .flag("json", "Print JSON even on a terminal."),
    ] + APIAccess.options

    let access: APIAccess
    let uuid: String?
    let since: Int
    let until: Int?
    let json: Bool
    let timeline: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        json = arguments.flag("json")
        if let a = arguments.string("webhook"), let b = arguments.string("uuid"), a != b { throw UsageError("--webhook and --uuid name the same webhook; give one.") }
        uuid = arguments.string("webhook") ?? arguments.string("uuid")
        if uuid?.isEmpty == true { throw UsageError("The uuid is empty.") }
        let clock = SystemClock.wallClock()
        since = try TimeArgument.option(arguments, "since", unixName: nil, clock: clock) ?? (SystemClock.unixNow - DeliveryTally.recentSeconds)
        until = try TimeArgument.option(arguments, "until", unixName: nil, clock: clock)
        if let until, since > until { throw UsageError("--since is after --until.") }
        timeline = arguments.flag("timeline")
        if timeline, uuid == nil { throw UsageError("--timeline charts one webhook: give --webhook UUID.") }
    }

    @MainActor func begin() throws -> CommandWork {
        { try await run() }
    }

    struct Row: Encodable {
        var uuid: String
        var name: String?
        var total: Int?
        var success: Int?
        var failed: Int?
        var retry: Int?
        var pending: Int?
        var problem: String?
    }

    struct Report: Encodable {
        var since: Int
        var until: Int?
        var webhooks: [Row]
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            let webhooks: [Webhook]
            do { webhooks = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
            var targets = webhooks.map { ($0.uuid, Optional($0.name)) }
            if let reference = uuid {
                // Only that one, by uuid or exact name; a uuid the list lacks is still counted (the list may lag).
                let uuid = try APIAccess.resolveWebhook(reference, among: webhooks)
                targets = [(uuid, webhooks.first { $0.uuid == uuid }?.name)]
            }
            let asJSON = APIAccess.wantsJSON(json)
            if timeline, let (uuid, name) = targets.first {
                try await printTimeline(uuid: uuid, name: name, client: client, asJSON: asJSON)
                return
            }
            let showsProgress = !asJSON && isatty(STDERR_FILENO) != 0
            var rows: [Row] = []
            for (index, (uuid, name)) in targets.enumerated() where !uuid.isEmpty {
                if showsProgress { Self.progress("Counting \(index + 1) of \(targets.count)…") }
                // A wait for the budget or a 429's hold is said by the request path (APIAccess.sayWaits).
                let tally = await DeliveryTally.count(client, uuid: uuid, since: since, until: until)
                rows.append(Row(uuid: uuid, name: name, total: tally.total, success: tally.byStatus[.success], failed: tally.byStatus[.failed],
                                retry: tally.byStatus[.retry], pending: tally.byStatus[.pending], problem: tally.problem))
            }
            if showsProgress { Self.progress("") }
            // Most failures first; unknown last; then by name.
            rows.sort { a, b in
                (a.failed ?? -1, b.name ?? b.uuid) > (b.failed ?? -1, a.name ?? a.uuid)
            }
            try APIAccess.print(asJSON ? WebhookOutput.json(Report(since: since, until: until, webhooks: rows)) : table(rows))
            if let problem = rows.first(where: { $0.problem != nil })?.problem {
                StandardError.write("Some figures could not be fetched (? above): \(TerminalSafe.escaped(problem))")
                throw ExitCode(1)
            }
        }
    }

    struct TimelineReport: Encodable {
        struct Bucket: Encodable { var from: Int; var until: Int; var failed: Int?; var total: Int? }
        var webhook: String
        var name: String?
        var since: Int
        var until: Int
        var bucket_seconds: Int
        var timeline: [Bucket]
    }

    /// `--timeline`: the buckets, read as details read them (a page a series, then a count a
    /// bucket the page did not reach).
    @MainActor func printTimeline(uuid: String, name: String?, client: JetEmailClient, asJSON: Bool) async throws {
        let end = until ?? SystemClock.unixNow
        let size = DeliveryTimeline.bucketSeconds(for: end - since)
        let empty = DeliveryTimeline(uuid: uuid, from: since, until: end, bucketSeconds: size)
        let read: DeliveryTimeline
        do { read = try await DeliveryTimeline.read(empty, query: { q throws(JetEmailError) in try await client.queryDeliveries(q) }) } catch {
            throw APIAccess.fail(error, doing: .read)
        }
        let buckets = read.buckets.map { TimelineReport.Bucket(from: $0.from, until: $0.until, failed: $0.failed, total: $0.total) }
        if asJSON {
            try APIAccess.print(WebhookOutput.json(TimelineReport(webhook: uuid, name: name, since: read.from, until: read.until, bucket_seconds: size, timeline: buckets)))
        } else {
            let clock = SystemClock.wallClock()
            let peak = read.buckets.map { max($0.total ?? 0, $0.failed ?? 0) }.max() ?? 0
            var lines = ["Deliveries of \(TerminalSafe.escaped(name ?? uuid)), failed (#) of all (:), by \(size == 3_600 ? "hour" : size % 3_600 == 0 ? "\(size / 3_600) hours" : DurationText.words(size))"]
            for bucket in read.buckets {
                let bar: String
                if let total = bucket.total, let failed = bucket.failed, peak > 0 {
                    let width = 40
                    let all = Int((Double(max(total, failed)) * Double(width) / Double(peak)).rounded(.up))
                    let bad = min(all, Int((Double(failed) * Double(width) / Double(peak)).rounded(.up)))
                    bar = String(repeating: "#", count: bad) + String(repeating: ":", count: all - bad)
                } else {
                    bar = bucket.total == nil || bucket.failed == nil ? "?" : ""
                }
                let figures = "\(bucket.failed.map(String.init) ?? "?")/\(bucket.total.map(String.init) ?? "?")"
                lines.append("\(clock.local(bucket.from))  \(figures + String(repeating: " ", count: max(0, 11 - figures.count))) \(bar)")
            }
            try APIAccess.print(lines.joined(separator: "\n"))
        }
        if !read.isComplete {
            StandardError.write("Some buckets could not be counted (? above, null in JSON).")
            throw ExitCode(1)
        }
    }

    /// A line redrawn in place on stderr (our own words only: nothing from the server).
    static func progress(_ text: String) {
        _ = writeAll(STDERR_FILENO, Array(("\r\u{1B}[2K" + text).utf8))
    }

    func table(_ rows: [Row]) -> String {
        let clock = SystemClock.wallClock()
        let columns = [TableColumn("Name", minimum: 12, identifies: true), TableColumn("Total", width: 8), TableColumn("Success", width: 8),
                       TableColumn("Failed", width: 8), TableColumn("Retry", width: 8), TableColumn("Pending", width: 8),
                       TableColumn("UUID", width: 36, dropRank: 0)]
        func figure(_ n: Int?) -> String { n.map(String.init) ?? "?" }
        let lines = TextTable.lines(columns, rows: rows.count, width: TextTable.terminalWidth(),
                                    full: { row, _ in TerminalSafe.escaped(rows[row].name ?? "(not in the list)") }) { row, column, _ in
            let r = rows[row]
            switch column {
            case 0: return TerminalSafe.escaped(r.name ?? "(not in the list)")
            case 1: return figure(r.total)
            case 2: return figure(r.success)
            case 3: return figure(r.failed)
            case 4: return figure(r.retry)
            case 5: return figure(r.pending)
            default: return TerminalSafe.escaped(r.uuid)
            }
        }
        let range = "Deliveries from \(clock.local(since))" + (until.map { " to \(clock.local($0))" } ?? " to now")
        return ([range] + lines).joined(separator: "\n")
    }
}
