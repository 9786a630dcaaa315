import JetEmailClient
import TerminalUI

/// The log's columns, and one event's cells. Ids are cut in the middle when room is short (the
/// whole of each is in the event's details). When even that does not fit, the narrowest columns
/// give way first: attempts, then the response code, then the source uid, the webhook and the
/// event id; time, type and status always stay.
public enum DeliveryColumns {
    /// The widest the Webhook column grows for a long name.
    public static let webhookCap = 24

    public static func columns(allWebhooks: Bool) -> [TableColumn] {
        var columns = [
            TableColumn("Time", width: 16),
            TableColumn("Event id", minimum: 10, weight: 2, dropRank: 4),
            TableColumn("Type", width: 18),
            TableColumn("Status", width: 9),
            TableColumn("Att", width: 3, dropRank: 0),
            TableColumn("Code", width: 4, dropRank: 1),
        ]
        if allWebhooks { columns.append(TableColumn("Webhook", minimum: 8, weight: 2, dropRank: 3, identifies: true, cap: webhookCap)) }
        columns.append(TableColumn("Source uid", minimum: 10, weight: 1, dropRank: 2))
        return columns
    }

    /// `2026-11-27 14:05`: the local time without its offset (the header says which zone).
    public static func time(_ unix: Int?, clock: WallClock) -> String {
        guard let unix else { return "?" }
        return String(clock.local(unix).prefix(16))
    }

    /// The webhook's name as the Webhook column shows it whole (the table cuts it).
    public static func webhookName(_ d: Delivery, names: [String: String]) -> String { TerminalSafe.escaped(names[d.uuid] ?? d.uuid) }

    public static func cell(_ d: Delivery, column: Int, width: Int, allWebhooks: Bool, names: [String: String], clock: WallClock) -> (text: String, style: Style) {
        let index = !allWebhooks && column >= 6 ? column + 1 : column
        switch index {
        case 0: return (time(d.createdAt, clock: clock), .plain)
        case 1: return (DisplayWidth.middle(TerminalSafe.escaped(d.id), width: width), .plain)
        case 2: return (TerminalSafe.escaped(d.eventType.rawValue), .plain)
        case 3: return (DeliveryStatusLook.mark(d.status) + " " + TerminalSafe.escaped(d.latestStatus), DeliveryStatusLook.style(d.status))
        case 4: return (d.totalAttempts.map(String.init) ?? "-", .plain)
        case 5: return (d.lastResponseCode.map(String.init) ?? "-", (d.lastResponseCode ?? 200) >= 400 ? .error : .plain)
        case 6: return (webhookName(d, names: names), .muted)
        default: return (DisplayWidth.middle(TerminalSafe.escaped(d.sourceUID), width: width), .muted)
        }
    }
}
