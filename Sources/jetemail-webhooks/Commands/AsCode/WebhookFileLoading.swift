import Glibc
import JetEmailClient

/// What `plan` and `apply` share: the file read and checked, the account read (its webhooks and
/// the filter values it owns), the plan made, and every problem said against the file's lines.
enum WebhookFileLoading {
    /// The one file the verb was given.
    static func path(_ arguments: ParsedArguments, verb: String) throws(UsageError) -> String {
        guard let path = arguments.positionals.first, !path.isEmpty else { throw UsageError("Which file? Give it: \(verb) webhooks.toml") }
        if arguments.positionals.count > 1 { throw UsageError("One file at a time.") }
        return path
    }

    /// The file, checked on its own (syntax, keys, types), before any request: exit 2 on a problem.
    static func read(_ path: String) throws -> (file: WebhookFile, digest: String) {
        let bytes: [UInt8]
        do { bytes = try SecureRead.bytes(atPath: path) } catch {
            StandardError.write("Cannot read \(TerminalSafe.escaped(path)): \(error.reason).")
            throw ExitCode(2)
        }
        switch WebhookFile.parse(bytes, path: path) {
        case .file(let file): return (file, ApplyJournal.digest(bytes))
        case .problems(let problems): say(problems)
        }
    }

    /// The plan against the account as it is now: exit 2 on a problem of the file against it.
    @MainActor static func plan(_ file: WebhookFile, client: JetEmailClient, prune: Bool) async throws -> (WebhookPlan, [Webhook]) {
        let account: [Webhook]
        do { account = try await client.listWebhooks() } catch { throw APIAccess.fail(error, doing: .read) }
        let needsUsers = file.entries.contains { !($0.filterUsers ?? []).isEmpty }
        let needsDomains = file.entries.contains { !($0.filterDomains ?? []).isEmpty }
        var owned = WebhookPlan.Owned(users: nil, domains: nil)
        // The pickers' lists, read only when the file names filter values.
        if needsUsers {
            do {
                let names = try await client.accountUsers()
                if names.missing == nil { owned.users = Set(names.names) }
            } catch { StandardError.write("warning: the account's users could not be read (\(error.message(doing: .read))): filter_users is checked by JetEmail only.") }
        }
        if needsDomains {
            do { owned.domains = Set(try await client.inboundDomains().map { $0.lowercased() }) } catch {
                StandardError.write("warning: the account's inbound domains could not be read (\(error.message(doing: .read))): filter_domains is checked by JetEmail only.")
            }
        }
        let (plan, problems) = WebhookPlan.make(file, account: account, owned: owned, prune: prune)
        guard let plan else { say(problems) }
        for warning in plan.warnings { StandardError.write("warning: " + TerminalSafe.escaped(warning.description)) }
        return (plan, account)
    }

    /// Every problem, one a line (`webhooks.toml:14: events: …`), then exit 2.
    static func say(_ problems: [WebhookFile.Problem]) -> Never {
        for problem in problems.prefix(100) { StandardError.write(TerminalSafe.escaped(problem.description)) }
        if problems.count > 100 { StandardError.write("… and \(problems.count - 100) more problems.") }
        StandardError.write("Nothing was sent.")
        exit(2)
    }
}
