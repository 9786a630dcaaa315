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
}
