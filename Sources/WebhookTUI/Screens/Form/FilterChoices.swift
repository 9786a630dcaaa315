import JetEmailClient
import TerminalUI

/// The form's lists of the account's names: asking for them, F2, putting a choice into a field,
/// checking typed names, and the hint under each filter field.
enum FilterChoices {
    static func load(_ form: inout FormScreen, _ context: ScreenContext) -> Outcome {
        // Background work: while a 429 holds the account it waits in the request path.
        form.choices.requested = true
        return .send(.api(FormTag.choices, .choices, priority: .background))
    }

    /// A 429 here holds every call, the create included: the countdown (the request path's hold)
    /// shows it.
    static func answered(_ form: inout FormScreen, users: Result<AccountNames, JetEmailError>, domains: Result<[String], JetEmailError>) {
        guard form.choices.requested else { return }
        form.choices.requested = false
        form.choices.users = names(users)
        form.choices.domains = names(domains.map { AccountNames(names: $0) })
    }

    private static func names(_ result: Result<AccountNames, JetEmailError>) -> AccountChoiceState.Names {
        switch result {
        case .success(let found): .loaded(found.names, missing: found.missing)
        case .failure(let error): .unavailable(error.readMessage)
        }
    }

    /// F2 on a filter field.
    static func open(_ form: FormScreen) -> Outcome {
        let users = form.focus == .filterUsers
        guard users || form.focus == .filterDomains else { return .none }
        let what = users ? "users" : "inbound domains"
        switch users ? form.choices.users : form.choices.domains {
        case .loading:
            return .status(.info, "The account's \(what) are still being fetched; try again in a moment.")
        case .unavailable(let why):
            return .status(.warning, "The account's \(what) could not be fetched: \(why)")
        case .loaded(let names, let missing) where names.isEmpty:
            return .status(.warning, missing.map { "No \(what) could be listed: \($0)" } ?? "The account has no \(what) to filter by.")
        case .loaded(let names, let missing):
            let typed = FilterList.split(users ? form.filterUsers.text : form.filterDomains.text)
            return .open(PickerModal.names(names, typed: typed, users: users, missing: missing))
        }
    }

    /// Enter in the picker: the checked names replace the field, unless together they are longer
    /// than a field holds; then nothing changes and the person is told.
    static func put(_ form: inout FormScreen, _ names: [String], users: Bool) -> Outcome {
        let text = FilterList.join(names)
        let length = text.count
        guard length <= TextField.maxLength else {
            return .status(.error, "The \(names.count) names chosen take \(length) characters, more than a field holds "
                           + "(\(TextField.maxLength)); nothing was changed. Choose fewer.")
        }
        let field: WebhookField = users ? .filterUsers : .filterDomains
        if users { form.filterUsers = TextInput(text) } else { form.filterDomains = TextInput(text) }
        form.serverErrors[field] = nil
        form.touched.insert(field)
        return .none
    }

    /// Typed names the account does not have, when its lists are known whole. An edit checks
    /// only a filter it changes: an unchanged one is not sent.
    static func problems(_ form: FormScreen) -> [ValidationProblem] {
        var out: [ValidationProblem] = []
        let changed = form.editing.map { WebhookDraft($0).fieldsChanged(to: form.draft) }
        if changed?.contains(.filterUsers) ?? true, case .loaded(let users, nil) = form.choices.users {
            let owned = Set(users)
            let unknown = FilterList.split(form.filterUsers.text).filter { !owned.contains($0) }
            if !unknown.isEmpty {
                out.append(ValidationProblem(.filterUsers, .error, "\(list(unknown)): not one of your users; the API would refuse it"))
            }
        }
        if changed?.contains(.filterDomains) ?? true, case .loaded(let domains, nil) = form.choices.domains {
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
    static func hint(_ form: FormScreen, users: Bool, base: String) -> String {
        let direction = users ? "outbound" : "inbound"
        switch users ? form.choices.users : form.choices.domains {
        case .loading: return base
        case .loaded(let names, let missing?): return "partly checked (\(missing)) · F2 picks from \(names.count)"
        case .loaded(let names, nil): return "empty = all · \(direction) events only · F2 picks from your \(names.count)"
        case .unavailable: return "not checked: your \(users ? "users" : "domains") could not be fetched (F2 says why)"
        }
    }
}
