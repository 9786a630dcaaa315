import JetEmailClient
import TerminalUI

/// The log's requests: the pages it needs, filters that start it over, and their answers.
enum DeliveryLogFlow {
    /// Asks for the pages the screen needs and lacks; forgets pages (and stops fetches) far
    /// from the selection. Nothing is fetched while a rate limit holds.
    static func fill(_ log: inout DeliveryLogState, screen: Int, app s: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for (page, id) in log.inFlight where !log.keeps(page) {
            effects.append(.cancelSubmit(id: id))
            s.requests[id] = nil
            log.inFlight[page] = nil
        }
        log.pages = log.pages.filter { log.keeps($0.key) }
        if let limit = s.rateLimit, limit.refusal(now: s.now, doing: "loading") != nil { return effects }
        for page in log.neededPages.sorted() where log.pages[page] == nil && log.inFlight[page] == nil {
            let id = s.makeRequestID()
            s.requests[id] = screen
            log.inFlight[page] = id
            if log.total == nil, log.loadingSince == nil { log.loadingSince = s.now }
            effects.append(.call(id: id, .query(log.query(page: page))))
        }
        return effects
    }

    /// The filters changed (or `r`): everything loaded is forgotten and page 0 asked for.
    static func restart(_ log: inout DeliveryLogState, screen: Int, app s: inout AppState) -> [Effect] {
        let effects = cancelAll(&log, app: &s)
        log.pages = [:]
        log.total = nil
        log.failure = nil
        log.loadingSince = nil
        log.cursor.setCount(0)
        if let limit = s.rateLimit, let refusal = limit.refusal(now: s.now, doing: "loading") {
            s.status = StatusMessage(.error, refusal)
            return effects
        }
        return effects + fill(&log, screen: screen, app: &s)
    }

    /// Stops waiting for every page in flight.
    static func cancelAll(_ log: inout DeliveryLogState, app s: inout AppState) -> [Effect] {
        let ids = log.inFlight.values.sorted()
        for id in ids { s.requests[id] = nil }
        log.inFlight = [:]
        return ids.map { .cancelSubmit(id: $0) }
    }

    static func answered(_ log: inout DeliveryLogState, screen: Int, id: Int, _ result: Result<DeliveryPage, JetEmailError>, app s: inout AppState) -> [Effect] {
        guard let page = log.inFlight.first(where: { $0.value == id })?.key else { return [] }
        log.inFlight[page] = nil
        log.loadingSince = nil
        switch result {
        case .failure(let error):
            log.failure = error.readMessage
            s.status = StatusMessage(.error, error.readMessage + " r reloads.")
            return []
        case .success(let answer):
            log.failure = nil
            log.total = answer.total
            log.pages[page] = answer.events
            log.cursor.setCount(answer.total)
            if answer.total == 0, case .eventID(let text)? = log.lookup {
                // Not an event id: perhaps a source message's uid.
                log.lookup = .sourceUID(text)
                return restart(&log, screen: screen, app: &s)
            }
            if answer.total == 0, case .sourceUID(let text)? = log.lookup {
                s.status = StatusMessage(.warning, "No event id or source uid \(TerminalSafe.escaped(text)) in this log. Esc clears the lookup.")
            }
            return fill(&log, screen: screen, app: &s)
        }
    }
}
