import JetEmailClient
import TerminalUI

/// A webhook's deliveries by status over the last hour, 24 hours and 7 days, for its details:
/// one `limit: 1` query each (a query's `total` counts; JetEmail has no stats endpoint).
public struct DeliveryCounts: Sendable, Equatable {
    public static let windows: [(seconds: Int, label: String)] = [(3_600, "last hour"), (86_400, "last 24 hours"), (7 * 86_400, "last 7 days")]
    public static let statuses = DeliveryTally.statuses

    public enum Value: Sendable, Equatable {
        case asking
        case known(Int)
        case unavailable
    }

    public struct Key: Hashable, Sendable {
        public var window: Int
        public var status: DeliveryStatus
    }

    public var values: [Key: Value] = [:]

    public init() {}

    /// The queries, each with its key, for a webhook at `nowUnix`.
    static func queries(uuid: String, nowUnix: Int) -> [(Key, DeliveryQuery)] {
        windows.flatMap { window in
            statuses.map { status in
                (Key(window: window.seconds, status: status), DeliveryQuery(uuid: uuid, status: status, dateFrom: nowUnix - window.seconds, limit: 1))
            }
        }
    }

    mutating func answered(_ key: Key, _ result: Result<DeliveryPage, JetEmailError>) {
        switch result {
        case .success(let page): values[key] = page.total >= 0 ? .known(page.total) : .unavailable
        case .failure(.cancelled): values[key] = nil
        case .failure: values[key] = .unavailable
        }
    }

    /// `last 24 hours   340 success · 12 failed · 3 retry · 2 pending`, a line a window.
    func lines(into out: inout FieldLines) {
        guard !values.isEmpty else { return }
        out.append([])
        out.append([Span("Deliveries", Style(.accent, bold: true))])
        for window in Self.windows {
            var parts: [Span] = []
            for (i, status) in Self.statuses.enumerated() {
                // The separator stays plain: only a figure is red.
                if i > 0 { parts.append(Span(" · ", .plain)) }
                switch values[Key(window: window.seconds, status: status)] {
                case .known(let n)?: parts.append(Span("\(n) \(status.rawValue)", status == .failed && n > 0 ? Style(.error, bold: true) : .plain))
                case .unavailable?: parts.append(Span("? \(status.rawValue)", .warning))
                case .asking?, nil: parts.append(Span("… \(status.rawValue)", .muted))
                }
            }
            out.field(window.label, parts: parts)
        }
    }
}
