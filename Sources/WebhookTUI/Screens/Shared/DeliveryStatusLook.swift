import JetEmailClient
import TerminalUI

/// How a delivery's status looks wherever it is shown (the log, an event): a colour and a mark,
/// so that statuses differ without colour too (NO_COLOR).
public enum DeliveryStatusLook {
    public static func style(_ status: DeliveryStatus?) -> Style {
        switch status {
        case .success?: .success
        case .failed?: Style(.error, bold: true)
        case .retry?: .warning
        case .pending?: .accent
        case nil: .muted
        }
    }

    /// A mark before the status word, so that statuses differ without colour (NO_COLOR).
    public static func mark(_ status: DeliveryStatus?) -> String {
        switch status {
        case .success?: "✓"
        case .failed?: "✗"
        case .retry?: "!"
        case .pending?: "…"
        case nil: "?"
        }
    }

    /// A count of deliveries in one status, as asked for with a `limit: 1` query.
    public enum Figure: Sendable, Equatable {
        case asking
        case known(Int)
        case unavailable
    }

    /// `340 success · 12 failed · 3 retry · 2 pending` (details, a recover's outcome): a failed
    /// figure above zero in red, the separators plain; `…` until known, `?` when it could not be
    /// fetched.
    public static func figures(_ value: (DeliveryStatus) -> Figure?) -> [Span] {
        var parts: [Span] = []
        for (i, status) in DeliveryTally.statuses.enumerated() {
            if i > 0 { parts.append(Span(" · ", .plain)) }
            switch value(status) {
            case .known(let n)?: parts.append(Span("\(n) \(status.rawValue)", status == .failed && n > 0 ? Style(.error, bold: true) : .plain))
            case .unavailable?: parts.append(Span("? \(status.rawValue)", .warning))
            case .asking?, nil: parts.append(Span("… \(status.rawValue)", .muted))
            }
        }
        return parts
    }

    /// A query's answer as a figure: a total that is not a count is unreadable, not a figure; a
    /// cancelled one is asked again later (nil).
    static func figure(_ result: Result<DeliveryPage, JetEmailError>) -> Figure? {
        switch result {
        case .success(let page): page.reportedTotal.map(Figure.known) ?? .unavailable
        case .failure(.cancelled): nil
        case .failure: .unavailable
        }
    }
}
