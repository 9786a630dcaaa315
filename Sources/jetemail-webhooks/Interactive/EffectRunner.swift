import Dispatch
import FoundationEssentials
import Glibc
import JetEmailClient
import JetEmailHTTP
import TerminalBackend
import WebhookTUI
import PosixSupport

/// Runs the core's effects: network calls in background tasks, file writes, key changes.
/// Results come back through `deliver` on the main actor, on a later turn of the main queue.
@MainActor
final class EffectRunner {
    /// Builds a client for a key typed at the prompt.
    typealias ClientFactory = @MainActor (APIKey) throws(ConfigurationError) -> JetEmailClient

    private var client: JetEmailClient?
    /// Why there is no client, once a typed key could not be used.
    private var clientProblem = "no API key is configured"
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
        case .submit(let id, let request, let secretFile):
            submit(id: id, request, secretFile: secretFile)
        case .cancelSubmit(let id):
            tasks[id]?.cancel()
            tasks[id] = nil
        case .writeSecret(let path, let secret):
            let expanded = HomeDirectory.expandingTilde(path, environment: ProcessEnvironment.current)
            let result: Result<String, SecretFile.Failure>
            do { try SecretFile.write(secret, to: expanded); result = .success(path) } catch { result = .failure(error) }
            later(.secretWritten(result))
        case .copyToClipboard(let text):
            copy(text)
            // Asking tmux takes a child process: off the main actor, and told when it answers.
            Task.detached { [weak self] in
                guard let advice = Clipboard.tmuxAdvice(environment: ProcessEnvironment.current) else { return }
                await self?.later(.clipboardAdvice(advice))
            }
        case .useAPIKey(let text):
            useKey(text)
        case .call(let id, let call):
            self.call(id: id, call)
        case .sendExample(let id, let url, let eventType, let secret):
            sendExample(id: id, url: url, eventType: eventType, secret: secret)
        }
    }

    /// Where examples go through: JetEmail's 10 s deadline, the environment's proxy for that URL.
    var receiverCAFile: String?

    /// A signed example to a receiver, in the background; the secret file (if any) is read here.
    private func sendExample(id: Int, url: String, eventType: String, secret: ExampleSecret) {
        let key: String
        switch secret {
        case .given(let text): key = text
        case .file(let path):
            switch SecretFileReading.read(path) {
            case .success(let text): key = text
            case .failure(let failure): later(.exampleSent(id: id, .failure(failure))); return
            }
        }
        let transport: AsyncHTTPTransport
        do { transport = try SendExampleCommand.transport(for: url, caFile: receiverCAFile) } catch {
            later(.exampleSent(id: id, .failure(ExampleFailure(error.description))))
            return
        }
        tasks[id] = Task { [weak self] in
            let event = SampleEvent.example(type: eventType, now: Int(wallClock()))
            let report = await ReceiverTest.send(event, url: url, secret: key, transport: transport)
            self?.tasks[id] = nil
            if Task.isCancelled { return }
            self?.deliver(.exampleSent(id: id, .success(report)))
        }
    }

    /// An API call in the background; its answer, success or failure, comes back as an event.
    private func call(id: Int, _ call: APICall) {
        guard let client else {
            let error = JetEmailError.notConfigured(reason: clientProblem + ".")
            switch call {
            case .list: later(.answered(id: id, .list(.failure(error))))
            case .get, .update: later(.answered(id: id, .webhook(.failure(error))))
            case .delete(let uuid): later(.answered(id: id, .deleted(uuid: uuid, .failure(error))))
            case .query: later(.answered(id: id, .deliveries(.failure(error))))
            case .replay: later(.answered(id: id, .replayed(.failure(error))))
            case .choices: later(.answered(id: id, .choices(users: .failure(error), domains: .failure(error))))
            }
            return
        }
        tasks[id] = Task { [weak self] in
            let answer: APIAnswer
            switch call {
            case .list: answer = .list(await Self.result { () async throws(JetEmailError) in try await client.listWebhooks() })
            case .get(let uuid): answer = .webhook(await Self.result { () async throws(JetEmailError) in try await client.getWebhook(uuid: uuid) })
            case .update(let patch): answer = .webhook(await Self.result { () async throws(JetEmailError) in try await client.updateWebhook(patch) })
            case .delete(let uuid): answer = .deleted(uuid: uuid, await Self.result { () async throws(JetEmailError) in try await client.deleteWebhook(uuid: uuid) })
            case .query(let query): answer = .deliveries(await Self.result { () async throws(JetEmailError) in try await client.queryDeliveries(query) })
            case .replay(let target): answer = .replayed(await Self.result { () async throws(JetEmailError) in try await client.replay(target) })
            case .choices:
                async let users = Self.result { () async throws(JetEmailError) in try await client.accountUsers() }
                async let domains = Self.result { () async throws(JetEmailError) in try await client.inboundDomains() }
                answer = .choices(users: await users, domains: await domains)
            }
            self?.tasks[id] = nil
            if Task.isCancelled { return }
            self?.deliver(.answered(id: id, answer))
        }
    }

    private static func result<T>(_ work: () async throws(JetEmailError) -> T) async -> Result<T, JetEmailError> {
        do { return .success(try await work()) } catch { return .failure(error) }
    }

    /// The secret file is created before anything is sent (a second create with the same path,
    /// a path taken meanwhile, a full disk are found now); the secret goes into it on arrival,
    /// before the core hears of it, so that a hang-up cannot lose it.
    private func submit(id: Int, _ request: CreateWebhookRequest, secretFile: String?) {
        var reserved: SecretFile?
        if let secretFile {
            do {
                reserved = try SecretFile.reserve(HomeDirectory.expandingTilde(secretFile, environment: ProcessEnvironment.current))
            } catch {
                later(.secretFileRefused(id: id, error))
                return
            }
        }
        guard let client else {
            reserved?.abandon()
            later(.submitFinished(id: id, .failure(.notConfigured(reason: clientProblem + "."))))
            return
        }
        tasks[id] = Task { [weak self] in
            let result: Result<Webhook, JetEmailError>
            do { result = .success(try await client.createWebhook(request)) } catch let error as JetEmailError {
                result = .failure(error)
            } catch {
                result = .failure(.cancelled)
            }
            // Written even when the create was cancelled meanwhile: a secret that arrived is kept.
            var saved: Result<String, SecretFile.Failure>?
            if let reserved {
                if case .success(let webhook) = result {
                    saved = Result { () throws(SecretFile.Failure) -> String in
                        try reserved.fill(with: webhook.secret ?? "")
                        return reserved.path
                    }
                } else {
                    reserved.abandon()
                }
            }
            self?.tasks[id] = nil
            // A cancelled create's failure is not news; its success is (the secret is never dropped).
            if Task.isCancelled, saved == nil, case .failure = result { return }
            self?.deliver(.submitFinished(id: id, result, saved: saved))
        }
    }

    /// A key typed at the prompt: a client for it, or the reason there is none.
    private func useKey(_ text: String) {
        guard let key = APIKey(text) else {
            client = nil
            clientProblem = "the key typed is not usable (\(APIKey.problem(in: text) ?? "it is empty"))"
            later(.clientUnavailable(clientProblem + "."))
            return
        }
        do {
            client = try makeClient(key)
        } catch {
            client = nil
            clientProblem = error.description
            later(.clientUnavailable(clientProblem))
        }
    }

    /// Delivered on the next turn of the main queue, not inside the current update.
    private func later(_ event: AppEvent) {
        DispatchQueue.main.async { [weak self] in MainActor.assumeIsolated { self?.deliver(event) } }
    }

    func cancelAll() {
        tasks.values.forEach { $0.cancel() }
        tasks = [:]
    }
}
