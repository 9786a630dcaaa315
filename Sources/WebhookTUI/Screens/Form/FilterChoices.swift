import JetEmailClient
import TerminalUI

/// The account's users and inbound domains, fetched when the form opens: F2 picks from them,
/// and a typed name they lack is an error before anything is sent (the API would answer 403).
/// When they cannot be fetched, names are not checked, and the hint under the field says why.
public struct AccountChoiceState: Sendable, Equatable {
    public enum Names: Sendable, Equatable {
        case loading
        case loaded([String])
        case unavailable(String)
    }

    public var request: Int?
    public var users: Names = .loading
    public var domains: Names = .loading

    public init() {}

    /// Not asked for yet, and nothing known.
    public var neverAsked: Bool { request == nil && users == .loading }

    /// Both lists arrived.
    public var isLoaded: Bool {
        if case .loaded = users, case .loaded = domains { true } else { false }
    }
}

enum FilterChoices {
    static func load(_ form: inout FormState, screen: Int, app s: inout AppState) -> [Effect] {
        if let limit = s.rateLimit, let refusal = limit.refusal(now: s.now, doing: "loading") {
            form.choices.users = .unavailable(refusal)
            form.choices.domains = .unavailable(refusal)
            return []
        }
        let id = s.makeRequestID()
        s.requests[id] = screen
        form.choices.request = id
        return [.call(id: id, .choices)]
    }

    static func answered(_ form: inout FormState, id: Int, users: Result<[String], JetEmailError>, domains: Result<[String], JetEmailError>,
                         app s: inout AppState) {
        guard form.choices.request == id else { return }
        // A 429 here holds every call, the create included: the countdown shows it now.
        for case .failure(.rateLimited(let retryAfter, _)) in [users, domains] where s.rateLimit == nil {
            s.rateLimit = RateLimit(retryAfter: retryAfter, now: s.now)
        }
        form.choices.request = nil
        form.choices.users = names(users)
        form.choices.domains = names(domains)
    }

    private static func names(_ result: Result<[String], JetEmailError>) -> AccountChoiceState.Names {
        switch result {
        case .success(let list): .loaded(list)
        case .failure(let error): .unavailable(error.readMessage)
        }
    }

    /// F2 on a filter field.
    static func open(_ form: inout FormState, screen: Int, app s: inout AppState) {
        let users = form.focus == .filterUsers
        guard users || form.focus == .filterDomains else { return }
        let what = users ? "users" : "inbound domains"
        switch users ? form.choices.users : form.choices.domains {
        case .loading:
            s.status = StatusMessage(.info, "The account's \(what) are still being fetched; try again in a moment.")
        case .unavailable(let why):
            s.status = StatusMessage(.warning, "The account's \(what) could not be fetched: \(why)")
        case .loaded(let names) where names.isEmpty:
            s.status = StatusMessage(.warning, "The account has no \(what) to filter by.")
        case .loaded(let names):
            let typed = FilterList.split(users ? form.filterUsers.text : form.filterDomains.text)
            s.open(.picker(PickerModal.names(names, typed: typed, users: users, screen: screen)))
        }
    }

    /// Enter in the picker: the checked names replace the field.
    static func put(_ form: inout FormState, _ picker: PickerModal) {
        let names = picker.chosen.map { picker.values[$0] }
        let text = FilterList.join(names)
        switch picker.purpose {
        case .filterUsers:
            form.filterUsers = TextInput(text)
            form.serverErrors[.filterUsers] = nil
            form.touched.insert(.filterUsers)
        case .filterDomains:
            form.filterDomains = TextInput(text)
            form.serverErrors[.filterDomains] = nil
            form.touched.insert(.filterDomains)
        case .eventType:
            break
        }
    }

    /// Typed names the account does not have, when its lists are known.
    static func problems(_ form: FormState) -> [ValidationProblem] {
        var out: [ValidationProblem] = []
        if case .loaded(let users) = form.choices.users {
            let unknown = FilterList.split(form.filterUsers.text).filter { !users.contains($0) }
            if !unknown.isEmpty {
                out.append(ValidationProblem(.filterUsers, .error, "\(list(unknown)): not one of your users; the API would refuse it"))
            }
        }
        if case .loaded(let domains) = form.choices.domains {
            let owned = Set(domains.map { $0.lowercased() })
            let unknown = FilterList.split(form.filterDomains.text).filter { !owned.contains($0.lowercased()) }
            if !unknown.isEmpty {
                out.append(ValidationProblem(.filterDomains, .error, "\(list(unknown)): not one of your domains; the API would refuse it"))
            }
        }
        return out
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(3).map { TerminalSafe.escaped($0) }.joined(separator: ", ")
        return names.count > 3 ? shown + " and \(names.count - 3) more" : shown
    }

    /// The hint under a filter field: what it does, and what the account offers (or why not).
    static func hint(_ form: FormState, users: Bool, base: String) -> String {
        let direction = users ? "outbound" : "inbound"
        switch users ? form.choices.users : form.choices.domains {
        case .loading: return base
        case .loaded(let names): return "empty = all · \(direction) events only · F2 picks from your \(names.count)"
        case .unavailable: return "not checked: your \(users ? "users" : "domains") could not be fetched (F2 says why)"
        }
    }
}
