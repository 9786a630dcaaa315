import Dispatch
import FoundationEssentials
import Glibc
import JetEmailClient
import WebhookTUI

/// Runs the core's effects: network calls in background tasks, file writes, key changes.
/// Results come back through `deliver` on the main actor.
@MainActor
final class EffectRunner {
    /// Builds a client for a key typed at the prompt.
    typealias ClientFactory = @MainActor (APIKey) throws -> JetEmailClient

    private var client: JetEmailClient?
    private let makeClient: ClientFactory
    private var tasks: [Int: Task<Void, Never>] = [:]
    var deliver: (AppEvent) -> Void = { _ in }
    /// Writes to the terminal's clipboard (set by the session, which owns the terminal).
    var copy: (String) -> Void = { _ in }

    init(client: JetEmailClient?, makeClient: @escaping ClientFactory) {
        self.client = client
        self.makeClient = makeClient
    }

    func run(_ effect: Effect) {
        switch effect {
        case .submit(let id, let request):
            guard let client else {
                deliver(.submitFinished(id: id, .failure(.network(.other, detail: "no API key configured"))))
                return
            }
            tasks[id] = Task { [weak self] in
                let result: Result<Webhook, JetEmailError>
                do { result = .success(try await client.createWebhook(request)) } catch let error as JetEmailError {
                    result = .failure(error)
                } catch {
                    result = .failure(.network(.other, detail: "\(error)"))
                }
                self?.tasks[id] = nil
                if Task.isCancelled { return }
                self?.deliver(.submitFinished(id: id, result))
            }
        case .cancelSubmit(let id):
            tasks[id]?.cancel()
            tasks[id] = nil
        case .writeSecret(let path, let secret):
            let expanded = HomeDirectory.expandingTilde(path, environment: ProcessEnvironment.current)
            let result: Result<String, SecretFile.Failure>
            do { try SecretFile.write(secret, to: expanded); result = .success(path) } catch { result = .failure(error) }
            // Delivered on the next turn of the main queue, not inside the current update.
            DispatchQueue.main.async { [weak self] in MainActor.assumeIsolated { self?.deliver(.secretWritten(result)) } }
        case .copyToClipboard(let text):
            copy(text)
        case .useAPIKey(let text):
            if let key = APIKey(text) { client = try? makeClient(key) }
        case .quit:
            break
        }
    }

    func cancelAll() {
        tasks.values.forEach { $0.cancel() }
        tasks = [:]
    }
}
