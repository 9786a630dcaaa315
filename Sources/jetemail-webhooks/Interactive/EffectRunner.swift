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
    private var tasks: [RequestID: Task<Void, Never>] = [:]
    var deliver: (AppEvent) -> Void = { _ in } {
        didSet { for runner in jobRunners { runner.deliver = deliver } }
    }
    /// The recover run (one at a time; it outlives the screens).
    let recover = RecoverRunner()
    /// The secret rotation (one at a time; it outlives the screens).
    let rotation = RotationRunner()
    /// Every kind of job's runner, once: each takes the orders of its own kind.
    var jobRunners: [any JobRunner] { [recover, rotation] }
    /// Writes to the terminal's clipboard (set by the session, which owns the terminal).
    var copy: (String) -> Void = { _ in }

    init(client: JetEmailClient?, makeClient: @escaping ClientFactory) {
        self.client = client
        self.makeClient = makeClient
    }

    func run(_ effect: Effect) {
        switch effect {
        case .run(let id, let job, let priority):
            switch job {
            case .api(.create(let request, let secretFile)): create(id: id, request, secretFile: secretFile)
            case .api(let call): self.call(id: id, call, priority: priority)
            case .receiverTest(let url, let eventType, let secret): sendExample(id: id, url: url, eventType: eventType, secret: secret)
            case .recoverPlan(let filter, let name): planRecover(id: id, filter, webhookName: name, priority: priority)
            case .writeSecret(let path, let secret):
                let expanded = HomeDirectory.expandingTilde(path, environment: ProcessEnvironment.current)
                let result: Result<String, SecretFile.Failure>
                do { try SecretFile.write(secret, to: expanded); result = .success(path) } catch { result = .failure(error) }
                later(.answered(id, .secretWritten(result)))
            }
        case .cancel(let id):
            tasks[id]?.cancel()
            tasks[id] = nil
        case .copyToClipboard(let text):
            copy(text)
            // Asking tmux takes a child process: off the main actor, and told when it answers.
            Task.detached { [weak self] in
                guard let advice = Clipboard.tmuxAdvice(environment: ProcessEnvironment.current) else { return }
                await self?.later(.clipboardAdvice(advice))
            }
        case .useAPIKey(let text):
            useKey(text)
        case .job(let id, let order):
            for runner in jobRunners where runner.take(order, job: id, client: client) { break }
        }
    }

    /// On start: the journals of this account's recovers that stopped before their end (a kill,
    /// a lost SSH session), read off the main thread (a journal can be tens of MB), told to the
    /// screens.
    func lookForStoppedRecovers() {
        guard let client else { return }
        let target = RecoverJournal.Target(client)
        let folder = RecoverJournal.folder(environment: ProcessEnvironment.current)
        DispatchQueue.global().async { [weak self] in
            let found = RecoverJournal.unfinished(folder: folder, target: target).map(StoppedRecover.init)
            // A rotation another process holds now is going on, not stopped.
            let rotations = RotationJournal.unfinished(folder: folder, target: target).filter { !$0.running }.map(StoppedRotation.init)
            DispatchQueue.main.async {
                MainActor.assumeIsolated {
                    if !found.isEmpty { self?.deliver(.stoppedRecovers(found)) }
                    if !rotations.isEmpty { self?.deliver(.stoppedRotations(rotations)) }
                }
            }
        }
    }

    /// Ctrl-R's plan: a journal to go on with, or every page of the log read (through the budget).
    private func planRecover(id: RequestID, _ filter: RecoverFilter, webhookName: String, priority: RequestPriority) {
        guard let client = client?.with(priority: priority, whileHeld: Self.whileHeld(priority)) else {
            later(.answered(id, .recoverPlanned(.failure(.notConfigured(reason: clientProblem + ".")))))
            return
        }
        tasks[id] = Task { [weak self] in
            let result = await RecoverRunner.plan(filter, webhookName: webhookName, client: client)
            self?.tasks[id] = nil
            if Task.isCancelled { return }
            if case .failure(.rateLimited) = result { await self?.lookAtHold() }
            self?.deliver(.answered(id, .recoverPlanned(result)))
        }
    }

    /// The request budget's waits become events: the screen says "waiting for the request
    /// budget", and counts a 429's hold down whichever process of the program met it (the
    /// ledger is looked at every second for one).
    func observe(_ pacer: RequestPacer) {
        self.pacer = pacer
        let tell: @Sendable (BudgetWait?) -> Void = { [weak self] wait in
            Task { @MainActor in self?.deliver(.budgetWait(wait)) }
        }
        let warn: @Sendable (String) -> Void = { [weak self] text in
            Task { @MainActor in self?.deliver(.budgetNotice(text)) }
        }
        holdWatch?.cancel()
        holdWatch = Task { [weak self] in
            await pacer.observe(tell, warnings: warn)
            while !Task.isCancelled {
                await self?.lookAtHold()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private var pacer: RequestPacer?
    private var holdWatch: Task<Void, Never>?
    private var holdSeen: BudgetWait?

    /// Tells the core of a hold that began, changed or ended.
    private func lookAtHold() async {
        guard let pacer else { return }
        let hold = await pacer.hold()
        let changed = (hold == nil) != (holdSeen == nil) || hold?.reason != holdSeen?.reason
            || abs((hold?.seconds ?? 0) - (holdSeen?.seconds ?? 0)) > 2 || hold?.otherProcesses != holdSeen?.otherProcesses
        holdSeen = hold
        if changed { deliver(.rateLimitHold(hold)) }
    }

    /// Where examples go through: JetEmail's 10 s deadline, the environment's proxy for that URL.
    var receiverCAFile: String?

    /// A signed example to a receiver, in the background; the secret file (if any) is read here.
    /// Not JetEmail's API: outside its request budget.
    private func sendExample(id: RequestID, url: String, eventType: String, secret: ExampleSecret) {
        let key: String
        switch secret {
        case .given(let text): key = text
        case .file(let path):
            switch SecretFileReading.read(path) {
            case .success(let text): key = text
            case .failure(let failure): later(.answered(id, .receiverTest(.failure(failure)))); return
            }
        }
        let transport: AsyncHTTPTransport
        do { transport = try SendExampleCommand.transport(for: url, caFile: receiverCAFile) } catch {
            later(.answered(id, .receiverTest(.failure(ExampleFailure(error.description)))))
            return
        }
        tasks[id] = Task { [weak self] in
            let event = SampleEvent.example(type: eventType, now: Int(wallClock()))
            let report = await ReceiverTest.send(event, url: url, secret: key, transport: transport)
            self?.tasks[id] = nil
            if Task.isCancelled { return }
            self?.deliver(.answered(id, .receiverTest(.success(report))))
        }
    }

    /// An API call in the background, through the request budget at its priority; its answer,
    /// success or failure, comes back as an event.
    private func call(id: RequestID, _ call: APICall, priority: RequestPriority) {
        guard let client = client?.with(priority: priority, whileHeld: Self.whileHeld(priority)) else {
            later(.answered(id, .api(call.failing(.notConfigured(reason: clientProblem + ".")))))
            return
        }
        tasks[id] = Task { [weak self] in
            guard let answer = await call.perform(with: client) else { return }
            self?.tasks[id] = nil
            if Task.isCancelled { return }
            // A 429 just met: the hold is on screen before the answer that met it.
            if answer.metRateLimit { await self?.lookAtHold() }
            self?.deliver(.answered(id, .api(answer)))
        }
    }

    /// A key a person pressed is told at once that a 429 holds the account; background work
    /// (health figures, follow polls, the form's lists) waits it out.
    static func whileHeld(_ priority: RequestPriority) -> WhileHeld { priority == .interactive ? .fails : .waits }


    /// The secret file is created before anything is sent (a second create with the same path,
    /// a path taken meanwhile, a full disk are found now); the secret goes into it on arrival,
    /// before the core hears of it, so that a hang-up cannot lose it.
    private func create(id: RequestID, _ request: CreateWebhookRequest, secretFile: String?) {
        var reserved: SecretFile?
        if let secretFile {
            do {
                reserved = try SecretFile.reserve(HomeDirectory.expandingTilde(secretFile, environment: ProcessEnvironment.current))
            } catch {
                later(.answered(id, .api(.secretFileRefused(error))))
                return
            }
        }
        guard let client = client?.with(priority: .interactive, whileHeld: .fails) else {
            reserved?.abandon()
            later(.answered(id, .api(.created(.failure(.notConfigured(reason: clientProblem + ".")), saved: nil))))
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
            self?.deliver(.answered(id, .api(.created(result, saved: saved))))
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
