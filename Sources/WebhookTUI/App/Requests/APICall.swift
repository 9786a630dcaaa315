import JetEmailClient

/// A request to the webhook API, run by the shell through the request budget. Adding one is a
/// case here, its answer's case, and their arms in this file (`perform`, `failing`,
/// `metRateLimit`); the screen that asks reads the answer.
public enum APICall: Sendable, Equatable {
    case list
    case get(uuid: String)
    /// The webhook as the server has it after the change is the answer.
    case update(WebhookPatch)
    case delete(uuid: String)
    /// One page of the delivery log.
    case query(DeliveryQuery)
    case replay(ReplayTarget)
    /// The account's users and inbound domains, for the form's filter pickers.
    case choices
    /// `POST /webhooks`. With `secretFile`, that file is created (0600, exclusive) before
    /// anything is sent and the secret written into it the moment it arrives; when it cannot be
    /// created, nothing is sent and the answer is `.secretFileRefused`.
    case create(CreateWebhookRequest, secretFile: String?)
}

public enum APIAnswer: Sendable, Equatable {
    case list(Result<[Webhook], JetEmailError>)
    /// For `get` and `update`.
    case webhook(Result<Webhook, JetEmailError>)
    case deleted(uuid: String, Result<String, JetEmailError>)
    case deliveries(Result<DeliveryPage, JetEmailError>)
    case replayed(Result<ReplayReceipt, JetEmailError>)
    /// Each list on its own: one may fail while the other arrives (and the users are two lists,
    /// of which one may be missing: `AccountNames.missing`).
    case choices(users: Result<AccountNames, JetEmailError>, domains: Result<[String], JetEmailError>)
    /// `saved`: where the secret went when the create named a secret file, or why it could not.
    case created(Result<Webhook, JetEmailError>, saved: Result<String, SecretFile.Failure>?)
    /// The secret file of a create could not be made: nothing was sent.
    case secretFileRefused(SecretFile.Failure)
}

extension APICall {
    /// The call made through the client (by the shell, which runs effects; never by the core):
    /// nil for a create, which the shell carries out itself around its secret file.
    public func perform(with client: JetEmailClient) async -> APIAnswer? {
        switch self {
        case .list: return .list(await Self.result { () async throws(JetEmailError) in try await client.listWebhooks() })
        case .get(let uuid): return .webhook(await Self.result { () async throws(JetEmailError) in try await client.getWebhook(uuid: uuid) })
        case .update(let patch): return .webhook(await Self.result { () async throws(JetEmailError) in try await client.updateWebhook(patch) })
        case .delete(let uuid): return .deleted(uuid: uuid, await Self.result { () async throws(JetEmailError) in try await client.deleteWebhook(uuid: uuid) })
        case .query(let query): return .deliveries(await Self.result { () async throws(JetEmailError) in try await client.queryDeliveries(query) })
        case .replay(let target): return .replayed(await Self.result { () async throws(JetEmailError) in try await client.replay(target) })
        case .choices:
            async let users = Self.result { () async throws(JetEmailError) in try await client.accountUsers() }
            async let domains = Self.result { () async throws(JetEmailError) in try await client.inboundDomains() }
            return .choices(users: await users, domains: await domains)
        case .create: return nil
        }
    }

    private static func result<T>(_ work: () async throws(JetEmailError) -> T) async -> Result<T, JetEmailError> {
        do { return .success(try await work()) } catch { return .failure(error) }
    }

    /// The answer this call gets when it fails before being sent (held by the rate limit, or no
    /// client to send it with).
    public func failing(_ error: JetEmailError) -> APIAnswer {
        switch self {
        case .list: .list(.failure(error))
        case .get, .update: .webhook(.failure(error))
        case .delete(let uuid): .deleted(uuid: uuid, .failure(error))
        case .query: .deliveries(.failure(error))
        case .replay: .replayed(.failure(error))
        case .choices: .choices(users: .failure(error), domains: .failure(error))
        case .create: .created(.failure(error), saved: nil)
        }
    }
}

/// Work with an answer that the shell does for a screen: an API call, a receiver test (not
/// JetEmail's API, so outside its budget), writing a secret file.
public enum Job: Sendable, Equatable {
    case api(APICall)
    case receiverTest(url: String, eventType: String, secret: ExampleSecret)
    case writeSecret(path: String, secret: String)
    /// Plans a recover: finds a journal of the same recover that stopped, or reads every page of
    /// the log the filter selects (through the budget, at the request's priority).
    case recoverPlan(RecoverFilter, webhookName: String)
}

public enum Answer: Sendable, Equatable {
    case api(APIAnswer)
    case receiverTest(Result<ReceiverTest.Report, ExampleFailure>)
    case secretWritten(Result<String, SecretFile.Failure>)
    case recoverPlanned(Result<RecoverProposal, JetEmailError>)
}

/// Where the secret that signs an example comes from: the one just shown (kept in memory, as
/// the secret window already holds it), or a file the shell reads.
public enum ExampleSecret: Sendable, Equatable {
    case given(String)
    case file(path: String)
}

/// Why an example was not sent.
public struct ExampleFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension APIAnswer {
    /// Whether this answer is a 429 (or a refusal because one holds the account): the shell looks
    /// at the request path's hold at once, so that the countdown shows with the answer.
    public var metRateLimit: Bool {
        func of<T>(_ result: Result<T, JetEmailError>) -> Bool {
            switch result {
            case .failure(.rateLimited), .failure(.heldByRateLimit): true
            default: false
            }
        }
        return switch self {
        case .list(let r): of(r)
        case .webhook(let r): of(r)
        case .deleted(_, let r): of(r)
        case .deliveries(let r): of(r)
        case .replayed(let r): of(r)
        case .choices(let users, let domains): of(users) || of(domains)
        case .created(let r, _): of(r)
        case .secretFileRefused: false
        }
    }
}
