import JetEmailClient
import TerminalUI

/// A webhook's deliveries by status over the last hour, 24 hours and 7 days, for its details:
/// one `limit: 1` query each (a query's `total` counts; JetEmail has no stats endpoint).
public struct DeliveryCounts: Sendable, Equatable {
    public static let windows: [(seconds: Int, label: String)] = [(3_600, "last hour"), (86_400, "last 24 hours"), (7 * 86_400, "last 7 days")]
    public static let statuses = DeliveryTally.statuses

    public typealias Value = DeliveryStatusLook.Figure

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

    /// Failed deliveries of the last 7 days, once counted.
    var failedRecently: Int? {
        guard case .known(let n)? = values[Key(window: 7 * 86_400, status: .failed)] else { return nil }
        return n
    }

    mutating func answered(_ key: Key, _ result: Result<DeliveryPage, JetEmailError>) {
        values[key] = DeliveryStatusLook.figure(result)
    }

    /// `last 24 hours   340 success · 12 failed · 3 retry · 2 pending`, a line a window.
    func lines(into out: inout FieldLines) {
        guard !values.isEmpty else { return }
        out.append([])
        out.append([Span("Deliveries", Style(.accent, bold: true))])
        for window in Self.windows {
            let parts = DeliveryStatusLook.figures { values[Key(window: window.seconds, status: $0)] }
            out.field(window.label, parts: parts)
        }
    }
}
