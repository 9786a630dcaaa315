/// Pushing the form from the list: the account's users and domains are asked for at once.
enum FormOpening {
    static func push(_ form: FormState, app s: inout AppState) -> [Effect] {
        s.push(.form(form))
        let id = s.topScreen.id
        return s.withForm(id) { form, app in FilterChoices.load(&form, screen: id, app: &app) } ?? []
    }
}
