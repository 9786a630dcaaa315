import JetEmailClient
import TerminalUI

/// Every field of one webhook. The secret is not among them: it was shown once, at creation.
public struct DetailsState: Sendable, Equatable, FieldScreen {
    public var webhook: Webhook
    /// First line shown.
    public var top = 0

    public init(webhook: Webhook) { self.webhook = webhook }

    enum Action: Sendable, Equatable { case back, log, sendExample, onList, scroll(ScrollView.Action) }

    static let table: [KeyBinding<Action>] = [
        KeyBinding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back"), help: "back to the list", .back),
        KeyBinding([.character("l")], keys: "l", bar: BarEntry("l", "log"), help: "this webhook's delivery log", .log),
        KeyBinding([.character("x")], keys: "x", bar: BarEntry("x", "test receiver"), help: "post a signed example event to the URL (asks for the secret file) and show what JetEmail would make of the answer", .sendExample),
        KeyBinding([.character("e"), .character("d"), .delete], keys: "e, d", bar: BarEntry("e/d", "edit/delete"),
                   help: "back to the list, and edit or delete this webhook there (d asks first)", .onList),
    ] + ScrollView(lines: []).bindings.map { $0.map(Action.scroll) }

    mutating func handle(_ key: Key, screen: Int, app s: inout AppState) -> [Effect] {
        guard let binding = Self.table.binding(for: key) else { return [] }
        switch binding.action {
        case .onList:
            // The list's own keys, on this webhook: one place edits and deletes.
            s.leave(screen)
            let uuid = webhook.uuid
            let listID = s.topScreen.id
            return s.withList(listID) { list, app in
                list.select(uuid: uuid)
                return ListKeys.handle(&list, screen: listID, key, app: &app)
            } ?? []
        case .back: s.pop()
        case .log: return DeliveryLogOpening.push(DeliveryLogState(webhook: webhook), app: &s)
        case .sendExample: ExampleFlow.ask(&s, screen: screen, webhook)
        case .scroll(let action): scroll(action, key: key, app: s)
        }
        return []
    }

    /// Label, value lines; long values wrap under the value column.
    func lines(width: Int, clock: WallClock, now: Double) -> [[Span]] {
        var out = FieldLines(width: width)
        let w = webhook
        out.field("Name", TerminalSafe.escaped(w.name))
        out.field("UUID", TerminalSafe.escaped(w.uuid))
        out.field("Status", w.status.map { $0 == .enabled ? "● enabled: events are delivered" : "○ disabled: no deliveries" } ?? "unknown",
              w.status == .disabled ? .muted : .success)
        out.field("URL", TerminalSafe.escaped(w.url))
        if let created = w.createdAt { out.field("Created", "\(clock.local(created)) (\(clock.relative(created, now: now)))") }
        if let modified = w.lastModified { out.field("Last modified", "\(clock.local(modified)) (\(clock.relative(modified, now: now)))") }
        out.field("Filter users", w.filterUsers.map { $0.isEmpty ? "all users" : $0.map { TerminalSafe.escaped($0) }.joined(separator: ", ") } ?? "all users (outbound events)")
        out.field("Filter domains", w.filterDomains.map { $0.isEmpty ? "all domains" : $0.map { TerminalSafe.escaped($0) }.joined(separator: ", ") } ?? "all domains (inbound events)")
        out.append([])
        out.append([Span("Events (\(w.events.count))", Style(.accent, bold: true))])
        for event in w.events {
            let description = event.known.map { $0.summary } ?? "not in the create list; shown as the API sent it"
            out.field("", "\(TerminalSafe.escaped(event.rawValue)): \(description)")
        }
        out.append([])
        for line in Wrap.lines("The signing secret was shown once, when the webhook was created, and cannot be shown again. "
                               + "If it is lost, create a new webhook and delete this one.", width: width) {
            out.append([Span(line, .muted)])
        }
        if let note = w.unreadableNote { out.append([Span(note, Style(.warning, bold: true))]) }
        return out.lines
    }

    func draw(app s: AppState, into grid: inout Grid) {
        grid.put(" " + TerminalSafe.escaped(webhook.name), row: 1, column: 0, style: Style(.normal, bold: true), width: grid.columns - 1)
        drawLines(app: s, into: &grid)
    }
}
