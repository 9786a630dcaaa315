import Glibc

/// Carries a rotation forward one step at a time, journalling each, for the command line and
/// the TUI alike. A step that needs a person's yes (disabling, deleting) is asked for, not
/// taken; a countdown is returned as a time to wait for; anything that goes wrong stops the run
/// where the journal can take it up again (`rotate --resume`).
public struct RotationRun: Sendable {
    public let journal: RotationJournal
    public let client: JetEmailClient
    /// Posts a signed example to the receiver (the shell's transport, JetEmail's 10 s deadline).
    public let testReceiver: @Sendable (_ url: String, _ secret: String, _ eventType: String) async -> ReceiverTest.Report
    public let clock: @Sendable () -> Int
    /// The twin, secret and all, once its secret is saved: a screen shows it once.
    public var secretSaved: (@Sendable (Webhook, String) -> Void)?

    public init(journal: RotationJournal, client: JetEmailClient,
                testReceiver: @escaping @Sendable (String, String, String) async -> ReceiverTest.Report,
                clock: @escaping @Sendable () -> Int) {
        self.journal = journal; self.client = client; self.testReceiver = testReceiver; self.clock = clock
    }

    /// A yes a step waits for.
    public enum Question: String, Hashable, Sendable {
        case disableOld, deleteOld
        /// Deliveries of the old webhook still wait for a retry: deleting drops them.
        case deleteWithPending
    }

    public enum Advance: Sendable, Equatable {
        /// A step was done: what it did, in words.
        case did(RotationStep, String)
        case ask(Question, String)
        /// The countdown to the old webhook's delete: nothing to do before this unix time.
        case wait(until: Int)
        case stopped(Stop)
        case finished
    }

    /// Why the run stopped short; the journal keeps its place.
    public enum Stop: Error, Sendable, Equatable, CustomStringConvertible {
        case receiverRefused(ReceiverTest.Report)
        /// No answer came to the create: the twin may exist.
        case createLost(String)
        /// Several webhooks have the twin's name and URL: which is ours cannot be told.
        case lookalikes([String])
        case failed(String)
        case renameRefused(String)
        /// The twin was made but its secret could not be written to the file: it is here, to be
        /// shown (never lost without a word); the twin will be replaced on resume.
        case secretNotWritten(why: String, secret: Secret)
        case secretUnreadable(String)
        case journal(String)

        public var description: String {
            switch self {
            case .receiverRefused(let report) where report.status == nil:
                // No answer says nothing of the secret: the receiver is down or unreachable.
                "The receiver could not be tested (\(report.summary)): nothing is known yet of the new secret. When it answers, resume (or skip the test)."
            case .receiverRefused(let report):
                "Your receiver does not accept the new secret yet (\(report.summary)). Configure it to accept both secrets, then resume."
            case .createLost(let why): "No answer came to the create (\(why)): JetEmail may have made the twin. A resume looks for it by name and URL before creating anything again."
            case .lookalikes(let uuids): "Several webhooks have the twin's name and URL (\(uuids.joined(separator: ", "))): which one this rotation made cannot be told. Delete the extra ones, then resume."
            case .failed(let why): why
            case .renameRefused(let why): "JetEmail refused the rename: \(why) The rotation is otherwise done; rename the twin yourself, or resume to try again."
            case .secretNotWritten(let why, _): "The twin was created, but its secret could not be written: \(why)"
            case .secretUnreadable(let why): "The new secret cannot be read back: \(why)"
            case .journal(let why): "The journal cannot be written: \(why) Stopped before the next step."
            }
        }
    }

    /// A secret carried to whoever shows it, never printed by accident (`description` hides it).
    public struct Secret: Sendable, Equatable, CustomStringConvertible {
        public let value: String
        public var description: String { "[secret]" }
    }

    /// Takes the next step unless it waits for a yes not given; returns the state after it.
    public func advance(approved: Set<Question> = []) async -> (RotationState, Advance) {
        let state: RotationState
        do { state = try journal.readBack() } catch { return (placeholderState, .stopped(.journal(error.description))) }
        let outcome: Advance
        do { outcome = try await take(state.next, state, approved: approved) } catch let stop as Stop {
            outcome = .stopped(stop)
        } catch let problem as RotationJournal.Problem {
            outcome = .stopped(.journal(problem.description))
        } catch {
            outcome = .stopped(.failed("\(error)"))
        }
        return ((try? journal.readBack()) ?? state, outcome)
    }

    var placeholderState: RotationState {
        RotationState(path: journal.path, old: Webhook(uuid: "", name: "", url: "", events: [], status: nil), twinName: "", secretFile: "",
                      target: RecoverJournal.Target(client), createdAt: 0, deleteAfter: nil, skipTest: false, lastAt: 0)
    }

    private func take(_ step: RotationStep, _ state: RotationState, approved: Set<Question>) async throws -> Advance {
        switch step {
        case .create: return try await create(state)
        case .findLostCreate: return try await findLostCreate(state)
        case .replaceTwin:
            guard let twin = state.twinUUID else { return .did(step, "") }
            try await delete(twin, doing: "deleting the twin whose secret was never saved")
            try journal.mark(.twinReplaced, uuid: twin, now: clock())
            return .did(step, "Deleted the twin \(twin), whose secret was never saved.")
        case .test: return try await test(state)
        case .enableTwin:
            try await patch(WebhookPatch(uuid: state.twinUUID ?? "", status: .enabled), doing: "enabling the twin")
            try journal.mark(.twinEnabled, now: clock())
            return .did(step, "The twin is enabled: both webhooks deliver now.")
        case .disableOld:
            guard approved.contains(.disableOld) else { return .ask(.disableOld, "Disable \"\(state.old.name)\" now (the twin then delivers alone)?") }
            try await patch(WebhookPatch(uuid: state.old.uuid, status: .disabled), doing: "disabling the old webhook")
            try journal.mark(.oldDisabled, now: clock())
            return .did(step, "\"\(state.old.name)\" is disabled: only the twin delivers, signed with the new secret.")
        case .deleteOld: return try await deleteOld(state, approved: approved)
        case .checkDeleted:
            do { _ = try await client.getWebhook(uuid: state.old.uuid) } catch {
                if case .notFound = error {
                    try journal.mark(.oldDeleted, now: clock())
                    return .did(step, "\"\(state.old.name)\" is gone: its delete went through.")
                }
                throw Stop.failed("Looking for the old webhook failed: \(error.message(doing: .read))")
            }
            // Still there: the delete never arrived; it is asked again as a new one.
            return try await deleteOld(state, approved: approved.union([.deleteOld]))
        case .rename:
            do { _ = try await client.updateWebhook(WebhookPatch(uuid: state.twinUUID ?? "", name: state.old.name)) } catch {
                switch error {
                case .savedButNotRead: break
                case .badRequest, .forbiddenFilters, .unexpectedStatus, .notFound:
                    let why = error.message(doing: .change)
                    try journal.mark(.renameRefused, detail: why, now: clock())
                    throw Stop.renameRefused(why)
                default: throw Stop.failed("Renaming the twin failed: \(error.message(doing: .change))")
                }
            }
            try journal.mark(.renamed, now: clock())
            return .did(step, "The twin is now \"\(state.old.name)\".")
        case .finish:
            try journal.mark(.finished, now: clock())
            return .finished
        case .done: return .finished
        }
    }

    // MARK: Steps

    private func create(_ state: RotationState) async throws -> Advance {
        let request: CreateWebhookRequest
        switch RotationPlan.request(old: state.old, twinName: state.twinName) {
        case .success(let made): request = made
        case .failure(let refusal): throw Stop.failed(refusal.description)
        }
        // The secret has somewhere to go before anything is sent.
        let reserved: SecretFile
        do { reserved = try SecretFile.reserveAgain(state.secretFile) } catch { throw Stop.failed("The secret file: \(error.description) Nothing was created.") }
        do { try journal.mark(.creating, now: clock()) } catch { reserved.abandon(); throw error }
        let twin: Webhook
        do { twin = try await client.createWebhook(request) } catch {
            reserved.abandon()
            if error.outcomeUnknown { throw Stop.createLost(error.message(doing: .read)) }
            try journal.mark(.createRefused, detail: error.message, now: clock())
            throw Stop.failed("JetEmail refused the twin: \(error.message) Nothing was created.")
        }
        // Without its uuid the twin is looked for as after a lost answer; without its secret it
        // is of no use, and a resume replaces it.
        guard !twin.uuid.isEmpty else { reserved.abandon(); throw Stop.createLost("the answer had no uuid") }
        guard let secret = twin.secret, !secret.isEmpty else {
            reserved.abandon()
            try journal.mark(.created, uuid: twin.uuid, now: clock())
            throw Stop.failed("JetEmail's answer to the create had no secret: a resume deletes that twin (\(twin.uuid)) and creates another.")
        }
        try journal.mark(.created, uuid: twin.uuid, now: clock())
        do { try reserved.fill(with: secret) } catch {
            throw Stop.secretNotWritten(why: error.description, secret: Secret(value: secret))
        }
        try journal.mark(.secretSaved, detail: state.secretFile, now: clock())
        secretSaved?(twin, state.secretFile)
        return .did(.create, "Created the twin \"\(state.twinName)\" (\(twin.uuid)), disabled; its secret is saved to \(state.secretFile) (0600).")
    }

    private func findLostCreate(_ state: RotationState) async throws -> Advance {
        let list: [Webhook]
        do { list = try await client.listWebhooks() } catch { throw Stop.failed("Looking for the twin failed: \(error.message(doing: .read))") }
        let found = list.filter { $0.name == state.twinName && $0.url == state.old.url && $0.uuid != state.old.uuid }
        switch found.count {
        case 0:
            try journal.mark(.createFoundNone, now: clock())
            return .did(.findLostCreate, "No webhook \"\(state.twinName)\" is there: the create did not go through.")
        case 1:
            // Made, but its secret never arrived: of no use, and it goes.
            try journal.mark(.created, uuid: found[0].uuid, detail: "found by name and URL", now: clock())
            try await delete(found[0].uuid, doing: "deleting the twin whose secret never arrived")
            try journal.mark(.twinReplaced, uuid: found[0].uuid, now: clock())
            return .did(.findLostCreate, "Found the twin the lost create made (\(found[0].uuid)); its secret never arrived, so it was deleted.")
        default:
            throw Stop.lookalikes(found.map(\.uuid))
        }
    }

    private func test(_ state: RotationState) async throws -> Advance {
        if state.skipTest {
            try journal.mark(.testSkipped, now: clock())
            return .did(.test, "The receiver test was skipped, as asked when the rotation began: the receiver was not tried with the new secret.")
        }
        let secret: String
        do { secret = Self.trimmed(try SecureRead.string(atPath: state.secretFile)) } catch {
            throw Stop.secretUnreadable("\(state.secretFile): \(error.reason).")
        }
        guard !secret.isEmpty else { throw Stop.secretUnreadable("\(state.secretFile) is empty.") }
        let type = state.old.events.first { $0.known != nil }?.rawValue ?? EventType.outboundDelivered.rawValue
        let report = await testReceiver(state.old.url, secret, type)
        guard report.verdict == .delivered else { throw Stop.receiverRefused(report) }
        try journal.mark(.tested, detail: report.summary, now: clock())
        return .did(.test, "The receiver accepted an example signed with the new secret (\(report.summary)).")
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    private func deleteOld(_ state: RotationState, approved: Set<Question>) async throws -> Advance {
        var approved = approved
        if let after = state.deleteAfter {
            guard let at = state.deleteAt else {
                let until = clock() &+ after
                try journal.mark(.deleteAt, until: until, now: clock())
                return .wait(until: until)
            }
            if clock() < at { return .wait(until: at) }
            approved.insert(.deleteOld)
        }
        guard approved.contains(.deleteOld) else {
            return .ask(.deleteOld, "Delete \"\(state.old.name)\" (\(state.old.uuid)) now? This cannot be undone.")
        }
        if !approved.contains(.deleteWithPending) {
            let waiting = await waitingDeliveries(state.old.uuid)
            if waiting != 0 {
                let count = waiting.map { "\($0) deliveries" } ?? "An unknown number of deliveries (the log could not be counted)"
                return .ask(.deleteWithPending, "\(count) of \"\(state.old.name)\" still wait for a retry or are pending; deleting it drops them. Delete anyway?")
            }
        }
        try journal.mark(.deleting, now: clock())
        do { _ = try await client.deleteWebhook(uuid: state.old.uuid) } catch {
            if case .notFound = error {} else if error.outcomeUnknown {
                throw Stop.failed("No answer came to the delete (\(error.message(doing: .read))): a resume looks whether it went through.")
            } else {
                throw Stop.failed("Deleting the old webhook failed: \(error.message(doing: .delete))")
            }
        }
        try journal.mark(.oldDeleted, now: clock())
        return .did(.deleteOld, "\"\(state.old.name)\" is deleted.")
    }

    /// Deliveries of the old webhook in `retry` or `pending` (nil: they could not be counted).
    private func waitingDeliveries(_ uuid: String) async -> Int? {
        var total = 0
        for status in [DeliveryStatus.retry, .pending] {
            guard let page = try? await client.queryDeliveries(DeliveryQuery(uuid: uuid, status: status, limit: 1)),
                  let count = page.reportedTotal else { return nil }
            total = total.addingReportingOverflow(count).overflow ? Int.max : total + count
        }
        return total
    }

    func patch(_ patch: WebhookPatch, doing: String) async throws {
        do { _ = try await client.updateWebhook(patch) } catch {
            if case .savedButNotRead = error { return }
            throw Stop.failed("\(doing.prefix(1).uppercased() + doing.dropFirst()) failed: \(error.message(doing: .change)) A resume tries again.")
        }
    }

    func delete(_ uuid: String, doing: String) async throws {
        do { _ = try await client.deleteWebhook(uuid: uuid) } catch {
            if case .notFound = error { return }
            throw Stop.failed("\(doing.prefix(1).uppercased() + doing.dropFirst()) failed: \(error.message(doing: .delete)) A resume tries again.")
        }
    }
}
