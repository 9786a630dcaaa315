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
        return .open(ConfirmModal(dialog, onYes: .tell(ReplayMarkedConfirmed(replays: replays))))
    }

    /// Yes: the marks go, and the replays go one at a time, oldest first, each once its
    /// predecessor is answered (the status line counts the answers).
    mutating func replayMarked(_ replays: [MarkedReplay]) -> Outcome {
        marks = [:]
        lastMark = nil
        bulk = BulkReplay(queue: replays)
        return sendNextMarked().with(.info, "Replaying \(replays.count), oldest first…")
    }

    /// The replay at the head of the queue, if any.
    func sendNextMarked() -> Outcome {
        guard let replay = bulk?.queue.first else { return .none }
        var outcome = Outcome.none
        outcome.requests.append(.api(ReplayTag(event: replay.event, to: replay.name), .replay(replay.target),
                                     change: "the replay of \(TerminalSafe.escaped(replay.event)) to \(ReplayQuestion.describe(replay.name))"))
        return outcome
    }

    /// Marked replays in order: what is left, and the answers counted in one line.
    public struct BulkReplay: Sendable, Equatable {
        /// Still to send, the head in flight (or held back by a 429 until the hold passes).
        public var queue: [MarkedReplay]
        public var enqueued = 0
        public var failed = 0
        public var firstFailure: String?
        /// A 429 refused the head: nothing was done with it, it goes again when the hold passes.
        public var held = false

        public init(queue: [MarkedReplay]) { self.queue = queue }

        /// Every marked replay: answered, and still to send.
        public var total: Int { enqueued + failed + queue.count }

        public var done: Bool { queue.isEmpty }

        var line: String {
            var text = "Replayed \(enqueued + failed) of \(total): \(enqueued) enqueued"
            if failed > 0 { text += ", \(failed) failed (\(firstFailure ?? "see the log"))" }
            if held { text += "; rate limited: the rest go when the hold passes" }
            return text + (done ? "." : "…")
        }
    }

    /// One answer of the marked replays: counted, then the next goes; a 429 keeps the same one
    /// for when the hold passes (JetEmail did nothing with it).
    mutating func bulkAnswered(_ result: Result<ReplayReceipt, JetEmailError>, event: String) -> Outcome {
        guard var b = bulk, b.queue.first?.event == event else { return .none }
        switch result {
        case .success(let receipt) where receipt.isEnqueued:
            b.enqueued += 1
            for d in pages.values.joined() + follow.arrived where d.id == event { markPending(event, of: d.uuid) }
        case .success(let receipt):
            b.failed += 1
            if b.firstFailure == nil { b.firstFailure = receipt.refusal }
        case .failure(.rateLimited), .failure(.heldByRateLimit):
            b.held = true
            bulk = b
            return .status(.warning, b.line)
        case .failure(let error):
            b.failed += 1
            if b.firstFailure == nil { b.firstFailure = error.message(doing: .replay) }
        }
        b.queue.removeFirst()
        b.held = false
        bulk = b.done ? nil : b
        let line = Outcome.status(b.failed > 0 ? (b.done ? .warning : .info) : (b.done ? .success : .info), b.line)
        return b.done ? line : sendNextMarked() + line
    }

    /// The hold passed: a marked replay held back goes again.
    func resumeMarked() -> Outcome {
        guard bulk?.held == true else { return .none }
        return sendNextMarked()
    }
}

extension MarkedReplay {
    /// The event id (or source uid) it replays.
    var event: String {
        switch target.event { case .eventID(let id): id; case .sourceUID(let uid): uid }
    }
}

/// Yes to "Replay the marked events?": each to the webhook its row belongs to.
struct ReplayMarkedConfirmed: ScreenMessageKind {
    var replays: [MarkedReplay]
}
