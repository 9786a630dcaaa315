import JetEmailClient

/// What the form's questions, prompts and the secret window tell the form.
enum FormMessage: ScreenMessageKind {
    /// Yes to "Leave the form, losing what was typed?".
    case leave
    /// The path a create's secret goes to, chosen after the first could not be made (nil: none).
    case secretFileChosen(String?)
    /// The secret window closed; `saved`: where its secret went.
    case secretClosed(Webhook, saved: String?)
}
