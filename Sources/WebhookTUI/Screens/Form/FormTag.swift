/// The form's requests, as their answers come back.
enum FormTag: RequestTagKind {
    /// The account's users and domains, for the filter pickers.
    case choices
    case create
    /// Saving an edit of this webhook.
    case save(uuid: String)
}
