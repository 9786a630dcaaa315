/// Carries out an apply's journal, step by step, in the plan's order: each step journalled
/// before it is sent and after it is answered. A step whose answer was lost in an earlier run
/// is checked first (a create looked for by name and URL, an update diffed again, a delete
/// looked for), so that nothing is done twice. A refusal is recorded and the next step goes on;
/// an answer that never came stops the run, for a resume to check.
public struct ApplyRun: Sendable {
    public let journal: ApplyJournal
    public let client: JetEmailClient
    public let clock: @Sendable () -> Int

    public init(journal: ApplyJournal, client: JetEmailClient, clock: @escaping @Sendable () -> Int) {
        self.journal = journal; self.client = client; self.clock = clock
    }

    public struct Outcome: Sendable, Equatable {
        public var done = 0
        public var failed: [String] = []
        /// The secrets' files written by this run.
        public var secrets: [String] = []
        /// Why it stopped before its end (an answer lost, the journal unwritable).
        public var stopped: String?
    }

    /// Runs what is left; `say` hears each step before and after.
    public func run(say: @Sendable (String) -> Void) async -> Outcome {
        var outcome = Outcome()
        let state: ApplyJournal.State
        do { state = try journal.readBack() } catch { outcome.stopped = error.description; return outcome }
        var account: [Webhook]?
        for index in state.left {
            let step = state.steps[index]
            do {
                let said = try await take(index, step, uncertain: state.uncertain(index), secretsDir: state.secretsDir, account: &account, say: say)
                outcome.done += 1
                if let secret = said.secret { outcome.secrets.append(secret) }
                say("  ✓ " + said.text)
            } catch let failure as Failure {
                switch failure {
                case .refused(let why):
                    outcome.failed.append("\(step.kind.rawValue) \(step.name): \(why)")
                    try? journal.failed(index, why, now: clock())
                    say("  ✗ \(step.kind.rawValue) \(step.name): \(why)")
                case .stop(let why):
                    outcome.stopped = why
                    return outcome
                }
            } catch {
                outcome.stopped = "\(error)"
                return outcome
            }
        }
        if outcome.failed.isEmpty { try? journal.finished(now: clock()) }
        return outcome
    }

    enum Failure: Error { case refused(String), stop(String) }

    private func list(_ account: inout [Webhook]?) async throws -> [Webhook] {
        if let account { return account }
        do { let read = try await client.listWebhooks(); account = read; return read } catch {
            throw Failure.stop("The account's webhooks could not be read: \(error.message(doing: .read))")
        }
    }

    private func take(_ i: Int, _ step: ApplyJournal.Step, uncertain: Bool, secretsDir: String?, account: inout [Webhook]?,
                      say: @Sendable (String) -> Void) async throws -> (text: String, secret: String?) {
        switch step.kind {
        case .create:
            guard let request = step.wanted else { throw Failure.refused("the journal has no request for it") }
            if uncertain {
                // The answer was lost: the webhook it may have made has no secret anyone saw.
                let found = try await list(&account).filter { $0.name == step.name && $0.url == step.url }
                if found.count > 1 { throw Failure.stop("Several webhooks are named \(step.name) at \(step.url): which one the lost create made cannot be told.") }
                if let lost = found.first {
                    say("The create of \(step.name) was sent by a run that stopped, and its secret never arrived: deleting that webhook (\(lost.uuid)) to create it again…")
                    do { _ = try await client.deleteWebhook(uuid: lost.uuid) } catch {
                        if case .notFound = error {} else { throw Failure.stop("Deleting \(lost.uuid) failed: \(error.message(doing: .delete))") }
                    }
                }
                account = nil
            }
            guard let dir = secretsDir else { throw Failure.refused("no --secrets-dir: the secret would have nowhere to go") }
            let path = dir + "/" + step.name + ".whsec"
            say("Creating \(step.name)…")
            let reserved: SecretFile
            do { reserved = try SecretFile.reserveAgain(path) } catch { throw Failure.refused("its secret file: \(error.description)") }
            try journal.sending(i, now: clock())
            let made: Webhook
            do { made = try await client.createWebhook(request) } catch {
                reserved.abandon()
                if error.outcomeUnknown { throw Failure.stop("No answer came to the create of \(step.name) (\(error.message(doing: .read))): the same command looks for it by name and URL before creating anything again.") }
                throw Failure.refused(error.message)
            }
            guard let secret = made.secret, !secret.isEmpty else {
                reserved.abandon()
                try journal.done(i, uuid: made.uuid, now: clock())
                throw Failure.refused("JetEmail's answer had no secret: \(made.uuid) was created without one anyone can use; delete it and apply again")
            }
            do { try reserved.fill(with: secret) } catch {
                try journal.done(i, uuid: made.uuid, now: clock())
                throw Failure.stop("\(step.name) was created (\(made.uuid)) but its secret could not be written: \(error.description) Delete it and apply again.")
            }
            try journal.done(i, uuid: made.uuid, secret: path, now: clock())
            return ("created \(step.name) (\(made.uuid)); its secret is in \(path) (0600)", path)
        case .update:
            guard let uuid = step.uuid, let wanted = step.wanted else { throw Failure.refused("the journal has no webhook for it") }
            say("Updating \(step.name)…")
            let current: Webhook
            do { current = try await client.getWebhook(uuid: uuid) } catch { throw Failure.refused("it could not be read: \(error.message(doing: .read))") }
            // Diffed again now: a step already carried out (or changed meanwhile) sends only what still differs.
            let (diffs, patch) = WebhookPlan.difference(current, wanted, keepsQueued: step.keepsQueued == true)
            if diffs.isEmpty {
                try journal.done(i, uuid: uuid, now: clock())
                return ("\(step.name) already matches the file", nil)
            }
            try journal.sending(i, now: clock())
            do { _ = try await client.updateWebhook(patch) } catch {
                if case .savedButNotRead = error {} else if error.outcomeUnknown {
                    throw Failure.stop("No answer came to the update of \(step.name): the same command checks it again.")
                } else { throw Failure.refused(error.message(doing: .change)) }
            }
            try journal.done(i, uuid: uuid, now: clock())
            return ("updated \(step.name): " + diffs.map(\.field).joined(separator: ", "), nil)
        case .delete:
            guard let uuid = step.uuid else { throw Failure.refused("the journal has no uuid for it") }
            say("Deleting \(step.name) (\(uuid))…")
            try journal.sending(i, now: clock())
            do { _ = try await client.deleteWebhook(uuid: uuid) } catch {
                if case .notFound = error {} else if error.outcomeUnknown {
                    throw Failure.stop("No answer came to the delete of \(step.name): the same command looks whether it went through.")
                } else { throw Failure.refused(error.message(doing: .delete)) }
            }
            try journal.done(i, uuid: uuid, now: clock())
            return ("deleted \(step.name)", nil)
        }
    }
}
