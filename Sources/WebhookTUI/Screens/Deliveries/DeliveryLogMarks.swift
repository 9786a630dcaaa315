import JetEmailClient
import TerminalUI

/// Marks in a delivery log (k9s's): Space marks or unmarks a row, `V` marks the rows from the
/// last mark to the selection, `*` every loaded row the filters show; Esc clears them first.
/// `R` with marks replays the marked events, each to the webhook its row belongs to, after one
/// question with their count. A marked event is kept whole, so that its page may be let go.
extension DeliveryLogScreen {
    /// The key of a row's mark: the same event id may reach several webhooks.
    static func markKey(_ d: Delivery) -> String { d.id + "\u{0}" + d.uuid }

    public func isMarked(_ d: Delivery) -> Bool { marks[Self.markKey(d)] != nil }

    mutating func toggleMark() -> Outcome {
        guard let delivery = selected else { return .none }
        let key = Self.markKey(delivery)
        if marks.removeValue(forKey: key) == nil { marks[key] = delivery }
        lastMark = cursor.selection
        return .status(.info, markSummary)
    }

    /// `V`: every loaded row between the last mark and the selection.
    mutating func markRange() -> Outcome {
        guard let from = lastMark else { return toggleMark() }
        let range = min(from, cursor.selection)...max(from, cursor.selection)
        for row in range {
            if let delivery = delivery(at: row) { marks[Self.markKey(delivery)] = delivery }
        }
        lastMark = cursor.selection
        return .status(.info, markSummary)
    }

    /// `*`: every row loaded now (the filters chose them).
    mutating func markAllLoaded() -> Outcome {
        for delivery in follow.arrived + pages.values.joined() { marks[Self.markKey(delivery)] = delivery }
        return .status(.info, markSummary + " (every loaded row; rows not loaded yet are not marked)")
    }

    mutating func clearMarks() -> Outcome {
        marks = [:]
        lastMark = nil
        return .status(.info, "Marks cleared.")
    }

    var markSummary: String { marks.isEmpty ? "No row marked." : "\(marks.count) marked: R replays them, Esc clears." }

    /// `R` with marks: one question, then a replay each.
    func askToReplayMarked() -> Outcome {
        let marked = marks.values.sorted { ($0.createdAt ?? Int.min, $0.id) < ($1.createdAt ?? Int.min, $1.id) }
        let replays = marked.map { d in
            MarkedReplay(target: ReplayTarget(.eventID(d.id), uuid: d.uuid.isEmpty ? nil : d.uuid), name: names[d.uuid] ?? webhook?.name ?? (d.uuid.isEmpty ? nil : d.uuid))
        }
        let count = replays.count
        let whereTo = webhook.map { "to " + TerminalSafe.escaped($0.name) } ?? "each to the webhook its row belongs to"
        let dialog = ConfirmDialog(title: "Replay marked?",
                                   message: "Replay the \(count) marked event\(count == 1 ? "" : "s") \(whereTo), oldest first, one request each "
                                       + "through the request budget?",
                                   question: "Replay \(count) event\(count == 1 ? "" : "s")? y/N", confirmLabel: "replay them")
        return .open(ConfirmModal(dialog, onYes: .tell(.replayMarked(replays))))
    }

    /// Yes: a replay each; the marks go (the status line counts the answers).
    mutating func replayMarked(_ replays: [MarkedReplay]) -> Outcome {
        marks = [:]
        lastMark = nil
        bulk = BulkReplay(total: replays.count)
        var outcome = Outcome.none
        for replay in replays {
            let event: String
            switch replay.target.event { case .eventID(let id): event = id; case .sourceUID(let uid): event = uid }
            outcome.requests.append(.api(.replay(event: event, to: replay.name), .replay(replay.target),
                                         change: "the replay of \(TerminalSafe.escaped(event)) to \(ReplayQuestion.describe(replay.name))"))
        }
        return outcome.with(.info, "Replaying \(replays.count)…")
    }

    /// Several replays out at once: their answers counted in one line.
    public struct BulkReplay: Sendable, Equatable {
        public var total: Int
        public var enqueued = 0
        public var failed = 0
        public var firstFailure: String?

        public var done: Bool { enqueued + failed >= total }

        var line: String {
            var text = "Replayed \(enqueued + failed) of \(total): \(enqueued) enqueued"
            if failed > 0 { text += ", \(failed) failed (\(firstFailure ?? "see the log"))" }
            return text + (done ? "." : "…")
        }
    }

    /// One answer of a bulk replay.
    mutating func bulkAnswered(_ result: Result<ReplayReceipt, JetEmailError>, event: String) -> Outcome {
        guard var b = bulk else { return .none }
        switch result {
        case .success:
            b.enqueued += 1
            for d in pages.values.joined() + follow.arrived where d.id == event { markPending(event, of: d.uuid) }
        case .failure(let error):
            b.failed += 1
            if b.firstFailure == nil { b.firstFailure = error.message(doing: .replay) }
        }
        bulk = b.done ? nil : b
        return .status(b.failed > 0 ? (b.done ? .warning : .info) : (b.done ? .success : .info), b.line)
    }
}
