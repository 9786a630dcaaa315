import JetEmailClient
import TerminalUI

/// The account's users and inbound domains, fetched when the form opens: F2 picks from them,
/// and a typed name they lack is an error before anything is sent (the API would answer 403).
/// When they cannot be fetched, names are not checked, and the hint under the field says why.
public struct AccountChoiceState: Sendable, Equatable {
    public enum Names: Sendable, Equatable {
        case loading
        /// `missing`: part of the list could not be read (why), so names are not checked against it.
        case loaded([String], missing: String? = nil)
        case unavailable(String)
    }

    /// Asked for, and not answered yet.
    public var requested = false
    public var users: Names = .loading
    public var domains: Names = .loading

    public init() {}

    /// Not asked for yet, and nothing known.
    public var neverAsked: Bool { !requested && users == .loading }

    /// Both lists arrived.
    public var isLoaded: Bool {
        if case .loaded = users, case .loaded = domains { true } else { false }
    }
}
