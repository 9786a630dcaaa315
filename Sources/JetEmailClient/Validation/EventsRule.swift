/// `events`: at least one, each one of the 14 allowed types; duplicates are dropped and
/// the result is in schema order.
public enum EventsRule {
    public static func check(_ names: [String]) -> (events: [EventType], problems: [ValidationProblem]) {
        if names.isEmpty { return ([], [.init(.events, .error, "Choose at least one event.")]) }
        var chosen = Set<EventType>()
        var problems: [ValidationProblem] = []
        for name in names {
            if let type = EventType(rawValue: name) { chosen.insert(type); continue }
            if name == "outbound.queued" {
                problems.append(.init(.events, .error, "'outbound.queued' appears in delivery logs but cannot be subscribed to."))
                continue
            }
            var hint = suggestion(for: name).map { " Did you mean \($0.rawValue)?" } ?? ""
            if hint.isEmpty, editDistance(Array(name.lowercased()), Array("outbound.queued")) <= 3 {
                hint = " Did you mean outbound.queued? (It appears in delivery logs, but cannot be subscribed to.)"
            }
            problems.append(.init(.events, .error, "'\(name)' is not an event type you can subscribe to.\(hint)"))
        }
        return (EventType.allCases.filter(chosen.contains), problems)
    }

    /// The closest allowed event name, if it is close enough to be a typo.
    static func suggestion(for name: String) -> EventType? {
        let lowered = name.lowercased()
        if let exact = EventType(rawValue: lowered) { return exact }
        let scored = EventType.allCases.map { ($0, editDistance(Array(lowered), Array($0.rawValue))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 3 else { return nil }
        return best.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
