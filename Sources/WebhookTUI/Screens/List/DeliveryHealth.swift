import JetEmailClient
import TerminalUI

/// A webhook's deliveries over the last 24 hours, as the list shows them: failed of total,
/// from two `limit: 1` queries (JetEmail has no stats endpoint; a query's `total` counts).
/// Kept for `freshFor` seconds; while a refresh is out the old figures stay on screen.
public struct DeliveryHealth: Sendable, Equatable {
    public static let window = DeliveryTally.recentSeconds
    public static let freshFor = 60.0

    public var failed: Int?
    public var total: Int?
    /// The latest ask failed (the figures, if any, are older).
    public var couldNotFetch = false
    /// When the figures were asked for (their age), on the app's clock.
    public var askedAt: Double
    /// Queries out for it.
    public var outstanding = 0

    public init(askedAt: Double) { self.askedAt = askedAt }

    public func isStale(now: Double, freshFor: Double = Self.freshFor) -> Bool { outstanding == 0 && now >= askedAt + freshFor }

    /// `12/340` (red when any failed), `…` until known, `?` when it could not be fetched.
    public var cell: (text: String, style: Style) {
        if couldNotFetch { return ("?", .warning) }
        guard let failed, let total else { return ("…", .muted) }
        return ("\(failed)/\(total)", failed > 0 ? Style(.error, bold: true) : .plain)
    }

    /// For sorting by failures: most first, unknown last.
    public var failures: Int { couldNotFetch ? -1 : failed ?? -1 }

    /// One of its two queries answered.
    mutating func answered(failedOnly: Bool, _ result: Result<DeliveryPage, JetEmailError>) {
        outstanding = max(0, outstanding - 1)
        switch result {
        case .success(let page):
            // A total that is not a count (text, missing, below zero) is unreadable, not a figure.
            guard let count = page.reportedTotal else { couldNotFetch = true; return }
            if failedOnly { failed = count } else { total = count }
            if outstanding == 0, failed != nil, total != nil { couldNotFetch = false }
        case .failure(.cancelled):
            break
        case .failure:
            couldNotFetch = true
        }
    }

    /// The two queries: failed ones, and all, of one webhook since `now - window` (unix seconds).
    static func queries(uuid: String, nowUnix: Int) -> [(failedOnly: Bool, query: DeliveryQuery)] {
        let since = nowUnix - window
        return [(true, DeliveryQuery(uuid: uuid, status: .failed, dateFrom: since, limit: 1)),
                (false, DeliveryQuery(uuid: uuid, dateFrom: since, limit: 1))]
    }
}

/// How the list is sorted; `o` cycles.
public enum ListSort: String, Sendable, Equatable, CaseIterable {
    case name, failures, status

    var next: ListSort { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    /// For the header: "by failures (24 h)".
    var words: String {
        switch self {
        case .name: "by name"
        case .failures: "by failures (24 h)"
        case .status: "by status"
        }
    }
}
