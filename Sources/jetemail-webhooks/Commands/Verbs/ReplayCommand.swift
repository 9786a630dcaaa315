import Glibc
import JetEmailClient

/// `replay (--event-id ID | --source-uid UID) [--webhook UUID] [--yes] [--json]`: asks on a
/// terminal; without one, `--yes` is required (exit 2 otherwise), like delete.
struct ReplayCommand: Command {
    static let name = "replay"
    static let abstract = "Send an event again: to one webhook, or to every webhook subscribed to its type."
    static let discussion = "Asks first on a terminal. Without a terminal and without --yes nothing is sent and the exit code is 2."
    static let options: [OptionSpec] = [
        .value("event-id", "id", "The event to send again."),
        .value("source-uid", "uid", "Send again the events about this source message."),
        .value("webhook", "uuid", "Only to this webhook (its uuid or exact name; also --uuid)."),
        .value("uuid", "uuid", "The official CLI's name for --webhook."),
        .flag("yes", "Replay without asking."),
        .flag("json", "Print the API's answer as JSON even on a terminal."),
    ] + APIAccess.options

    let access: APIAccess
    let target: ReplayTarget
    let yes: Bool
    let json: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        access = try APIAccess(arguments)
        yes = arguments.flag("yes")
        json = arguments.flag("json")
        let event: ReplayTarget.Event
        switch (arguments.string("event-id"), arguments.string("source-uid")) {
        case (let id?, nil): event = .eventID(id)
        case (nil, let uid?): event = .sourceUID(uid)
        case (.some, .some): throw UsageError("Give --event-id or --source-uid, not both.")
        case (nil, nil): throw UsageError("Which event? Give --event-id ID or --source-uid UID.")
        }
        if case .eventID(let s) = event, s.isEmpty { throw UsageError("The event id is empty.") }
        if case .sourceUID(let s) = event, s.isEmpty { throw UsageError("The source uid is empty.") }
        if let a = arguments.string("webhook"), let b = arguments.string("uuid"), a != b { throw UsageError("--webhook and --uuid name the same webhook; give one.") }
        target = ReplayTarget(event, uuid: arguments.string("webhook") ?? arguments.string("uuid"))
    }

    var what: String {
        switch target.event {
        case .eventID(let id): TerminalSafe.escaped(id)
        case .sourceUID(let uid): "the events of \(TerminalSafe.escaped(uid))"
        }
    }

    @MainActor func begin() throws -> CommandWork {
        try APIAccess.requireTerminal(unless: yes, "pass --yes to replay \(what). Nothing was sent.")
        return { try await run() }
    }

    @MainActor func run() async throws {
        try await access.withClient { client in
            var target = self.target
            if let reference = target.uuid { target.uuid = try await APIAccess.resolveWebhook(reference, client: client) }
            if !yes {
                let question: String
                if let uuid = target.uuid {
                    let name: String
                    do { name = TerminalSafe.escaped(try await client.getWebhook(uuid: uuid).name) } catch { throw APIAccess.fail(error, doing: .read) }
                    question = "Replay \(what) to \(name)? y/N "
                } else {
                    var query = DeliveryQuery(limit: 1)
                    switch target.event {
                    case .eventID(let id): query.eventID = id
                    case .sourceUID(let uid): query.sourceUID = uid
                    }
                    let type: String
                    do { type = try await client.queryDeliveries(query).events.first.map { TerminalSafe.escaped($0.eventType.rawValue) } ?? "its type" }
                    catch { throw APIAccess.fail(error, doing: .read) }
                    question = "Replay \(what) to every webhook subscribed to \(type)? y/N "
                }
                try APIAccess.confirm(question, declined: "Nothing was sent.")
            }
            let receipt: ReplayReceipt
            do { receipt = try await client.replay(target) } catch {
                throw APIAccess.fail(error, doing: .replay)
            }
            try APIAccess.print(APIAccess.wantsJSON(json) ? WebhookOutput.json(receipt)
                                : "\(TerminalSafe.escaped(receipt.eventID)): \(TerminalSafe.escaped(receipt.status))"
                                  + (receipt.message.isEmpty ? "" : " (\(TerminalSafe.escaped(receipt.message)))"))
            // Only "enqueued" is a replay; any other word is JetEmail saying it was not.
            if !receipt.isEnqueued {
                StandardError.write(receipt.refusal + ".")
                throw ExitCode(1)
            }
        }
    }
}
