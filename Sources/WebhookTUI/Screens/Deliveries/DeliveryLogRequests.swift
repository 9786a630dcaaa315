import JetEmailClient
import TerminalUI

/// The log's requests: the pages it needs, filters that start it over, their answers, and a
/// replay asked from it.
extension DeliveryLogScreen {
    /// Asks for the pages the screen needs and lacks; forgets pages (and stops fetches) far
    /// from the selection. While a 429 holds the account a page is refused at once by the request
    /// path (the status line counts the hold down) and asked again when it passes (`resumed`).
    mutating func fill(_ context: ScreenContext) -> Outcome {
        var outcome = Outcome.cancel(inFlight.filter { !keeps($0) }.sorted().map { DeliveryLogTag.page($0) })
        inFlight = inFlight.filter { keeps($0) }
        pages = pages.filter { keeps($0.key) }
        for page in neededPages.sorted() where pages[page] == nil && !inFlight.contains(page) {
            inFlight.insert(page)
            if total == nil, loadingSince == nil { loadingSince = context.now }
            outcome.requests.append(.api(DeliveryLogTag.page(page), .query(query(page: page))))
        }
        return outcome
    }

    /// The filters changed (or `r`): everything loaded is forgotten and page 0 asked for.
    mutating func restart(_ context: ScreenContext) -> Outcome {
        let stop = Outcome.cancel(inFlight.sorted().map { DeliveryLogTag.page($0) } + (follow.inFlight ? [DeliveryLogTag.follow] : [])
                                  + (follow.refreshInFlight ? [DeliveryLogTag.refresh] : []))
        inFlight = []
        pages = [:]
        total = nil
        follow.restart(now: context.now)
        failure = nil
        loadingSince = nil
        cursor.setCount(0)
        return stop + fill(context)
    }

    public mutating func answered(_ answer: Answer, tag: RequestTag, _ context: ScreenContext) -> Outcome {
        switch (answer, tag.as(DeliveryLogTag.self)) {
        case (.api(.deliveries(let result)), .page(let page)?):
            guard inFlight.remove(page) != nil else { return .none }
            loadingSince = nil
            switch result {
            case .failure(.heldByRateLimit):
                // Held back, not failed: asked again when the limit passes.
                return .none
            case .failure(let error):
                failure = error.readMessage
                return .status(.error, error.readMessage + " r reloads.")
            case .success(let answer):
                failure = nil
                // The server's total counts those that arrived while following; they are rows of their own.
                total = max(0, answer.total - follow.arrived.count)
                pages[page] = answer.events
                if page == 0, follow.arrived.isEmpty { follow.news.saw(answer.events, now: context.unixNow) }
                cursor.setCount(rowCount ?? 0)
                if answer.total == 0, case .eventID(let text)? = lookup {
                    // Not an event id: perhaps a source message's uid.
                    lookup = .sourceUID(text)
                    return restart(context)
                }
                if answer.total == 0, case .sourceUID(let text)? = lookup {
                    return fill(context).with(.warning, "No event id or source uid \(TerminalSafe.escaped(text)) in this log. Esc clears the lookup.")
                }
                return fill(context)
            }
        case (.api(.deliveries(let result)), .follow?):
            return followed(result, context)
        case (.api(.deliveries(let result)), .refresh?):
            refreshed(result)
            return .none
        case (.api(.replayed(let result)), _):
            guard let replay = tag.as(ReplayTag.self) else { return .none }
            if bulk != nil { return bulkAnswered(result, event: replay.event) }
            return ReplayQuestion.answered(result, event: replay.event, to: replay.to)
        case (.recoverPlanned(let result), _) where tag.as(RecoverPlanTag.self) != nil:
            return RecoverQuestion.answered(result, context)
        default:
            return .none
        }
    }

    public mutating func receive(_ message: ScreenMessage, _ context: ScreenContext) -> Outcome {
        if case .type(let type)? = message.as(PickerChoice.self) {
            guard type != eventTypeFilter else { return .none }
            eventTypeFilter = type
            return restart(context)
        }
        if let replay = message.as(ReplayConfirmed.self) { return ReplayQuestion.send(replay.target, to: replay.to) }
        if let marked = message.as(ReplayMarkedConfirmed.self) { return replayMarked(marked.replays) }
        if let recover = message.as(RecoverConfirmed.self) { return recover.start(context) }
        if let widened = message.as(RecoverWidened.self) { return widened.plan() }
        if case .replayEnqueued(let uuid, let eventID)? = message.as(RecoverMessage.self) { markPending(eventID, of: uuid) }
        return .none
    }

    /// A replay of this event was enqueued (by the recover run): it is pending now, with one
    /// more attempt, as the API has it; the page stays as it was loaded otherwise.
    mutating func markPending(_ eventID: String, of uuid: String) {
        for index in follow.arrived.indices where follow.arrived[index].id == eventID && follow.arrived[index].uuid == uuid {
            follow.arrived[index].latestStatus = DeliveryStatus.pending.rawValue
            follow.arrived[index].totalAttempts = follow.arrived[index].totalAttempts.map { $0 == Int.max ? $0 : $0 + 1 }
        }
        for (number, page) in pages {
            guard let index = page.firstIndex(where: { $0.id == eventID && $0.uuid == uuid }) else { continue }
            pages[number]?[index].latestStatus = DeliveryStatus.pending.rawValue
            pages[number]?[index].totalAttempts = page[index].totalAttempts.map { $0 == Int.max ? $0 : $0 + 1 }
        }
    }
}
