import JetEmailClient

/// Work the core asks the shell to do; results come back as `AppEvent`s. Quitting is not an
/// effect: the shell ends when `AppState.quitRequested` is set.
public enum Effect: Sendable, Equatable {
    /// Send the request in the background; answer with `.submitFinished(id:)`. With `secretFile`,
    /// that file is created (0600, exclusive) before anything is sent and the secret written into
    /// it the moment it arrives; when it cannot be created, nothing is sent and the answer is
    /// `.secretFileRefused`.
    case submit(id: Int, CreateWebhookRequest, secretFile: String? = nil)
    /// Cancel request `id` (a create or an API call): its answer, if any, is not waited for.
    case cancelSubmit(id: Int)
    /// Call the API in the background; answer with `.answered(id:)`.
    case call(id: Int, APICall)
    /// Create the file (0600, exclusive, no symlinks) and answer with `.secretWritten`.
    case writeSecret(path: String, secret: String)
    /// Use this key from now on (typed at the key prompt).
    case useAPIKey(String)
    /// Put the text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Post a signed sample event to a receiver (`send-example`); answer with `.exampleSent(id:)`.
    case sendExample(id: Int, url: String, eventType: String, secret: ExampleSecret)
}

/// Where the secret that signs an example comes from: the one just shown (kept in memory, as
/// the secret window already holds it), or a file the shell reads.
public enum ExampleSecret: Sendable, Equatable {
    case given(String)
    case file(path: String)
}
