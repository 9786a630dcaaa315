import FoundationEssentials
import Glibc
import JetEmailClient
import WebhookTUI
import PosixSupport

/// `--accessible` (or ACCESSIBLE=1): the same form as plain line-by-line prompts, for screen
/// readers and serial consoles. No cursor movement, no redrawing; the same validation and the
/// same secret handling (written to a file when asked, shown only on request).
struct AccessibleCreate {
    /// Where lines come from and go to; a real terminal, a pipe or a test.
    var readLine: () -> String? = { Swift.readLine(strippingNewline: true) }
    var write: (String) -> Void = { print($0); fflush(nil) }

    struct EndOfInput: Error {}

    func ask(_ prompt: String) throws -> String {
        write(prompt)
        guard let line = readLine() else { throw EndOfInput() }
        return line
    }

    /// Asks until the answer passes `check`; prints each problem on its own line.
    func askValid(_ prompt: String, check: (String) -> [ValidationProblem]) throws -> String {
        while true {
            let answer = try ask(prompt)
            let problems = check(answer)
            for p in problems { write((p.severity == .error ? "Error: " : "Warning: ") + p.message) }
            if !problems.contains(where: { $0.severity == .error }) { return answer }
        }
    }

    func collectDraft(prefill: WebhookDraft) throws -> WebhookDraft {
        var draft = prefill
        write("Create a JetEmail webhook. Press Enter to keep a value shown in brackets.")
        func withDefault(_ text: String) -> String { text.isEmpty ? "" : " [\(text)]" }
        draft.name = try askValid("Name (letters, digits, hyphens, underscores, spaces; at most 64)\(withDefault(draft.name)):") { answer in
            NameRule.check(answer.isEmpty ? draft.name : answer)
        }.orDefault(draft.name)
        draft.url = try askValid("URL (https://...)\(withDefault(draft.url)):") { answer in
            URLRule.check(answer.isEmpty ? draft.url : answer)
        }.orDefault(draft.url)
        write("Events:")
        for (i, event) in EventType.allCases.enumerated() {
            write("  \(i + 1). \(event.rawValue): \(event.summary)")
        }
        let current = draft.events.joined(separator: " ")
        while true {
            let answer = try ask("Event numbers or names, separated by spaces or commas; or all, outbound, inbound\(withDefault(current)):")
            let chosen = answer.isEmpty ? draft.events : Self.events(from: answer)
            let (_, problems) = EventsRule.check(chosen)
            for p in problems { write("Error: " + p.message) }
            if problems.isEmpty { draft.events = chosen; break }
        }
        while true {
            let answer = try ask("Status, enabled or disabled [\(draft.status == 0 ? "disabled" : "enabled")]:").lowercased()
            if answer.isEmpty { break }
            if ["enabled", "e", "1", "yes"].contains(answer) { draft.status = 1; break }
            if ["disabled", "d", "0", "no"].contains(answer) { draft.status = 0; break }
            write("Error: answer enabled or disabled.")
        }
        let users = try askValid("Filter users, only for outbound events (empty means all users):") { answer in
            FilterUsersRule.check(FilterList.split(answer)).problems
        }
        draft.filterUsers = users.isEmpty ? draft.filterUsers : FilterList.split(users)
        let domains = try askValid("Filter domains, only for inbound events (empty means all domains):") { answer in
            FilterDomainsRule.check(FilterList.split(answer)).problems
        }
        draft.filterDomains = domains.isEmpty ? draft.filterDomains : FilterList.split(domains)
        return draft
    }

    /// "1 3 outbound.spam, inbound" -> event names (numbers are 1-based positions in the list).
    static func events(from answer: String) -> [String] {
        var names: [String] = []
        for token in FilterList.split(answer.lowercased()) {
            switch token {
            case "all": names += EventType.allCases.map(\.rawValue)
            case "outbound": names += EventType.outbound.map(\.rawValue)
            case "inbound": names += EventType.inbound.map(\.rawValue)
            default:
                if let n = Int(token), (1...EventType.allCases.count).contains(n) {
                    names.append(EventType.allCases[n - 1].rawValue)
                } else {
                    names.append(token)
                }
            }
        }
        return names
    }

    /// The whole flow; returns the exit code.
    @MainActor func run(prefill: WebhookDraft, client: JetEmailClient, secretFile: String?, deadlineSeconds: Int) async -> Int32 {
        do {
            let draft = try collectDraft(prefill: prefill)
            let outcome = WebhookValidator.validate(draft)
            for w in outcome.report.warnings { write("Warning: \(w.description)") }
            guard let request = outcome.request else {
                for e in outcome.report.errors { write("Error: \(e.description)") }
                return 2
            }
            write("About to create: \(request.name), \(request.url), \(request.events.count) events, \(request.status.word).")
            guard try ask("Create it? yes or no [no]:").lowercased().hasPrefix("y") else {
                write("Nothing was sent.")
                return 0
            }
            var reserved: SecretFile?
            if let secretFile {
                do { reserved = try SecretFile.reserve(secretFile) } catch {
                    write("Error: \(error)")
                    return 2
                }
            }
            write("Creating…")
            // A signal now waits for the answer, as in --no-input: the secret is not thrown away.
            let (result, guardian) = await SignalsWhileSending.create(request, with: client, deadlineSeconds: deadlineSeconds)
            let webhook: Webhook
            switch result {
            case .success(let created): webhook = created
            case .failure(let error):
                reserved?.abandon()
                write(guardian.gaveUp
                    ? SignalsWhileSending.gaveUpMessage
                    : "Error: \(error.message)")
                return guardian.signal.map { 128 + $0 } ?? 1
            }
            write("Created webhook \(TerminalSafe.escaped(webhook.name)), uuid \(TerminalSafe.escaped(webhook.uuid)).")
            if let note = webhook.unreadableNote { write("Warning: \(note).") }
            // After a signal nothing more is asked: the secret goes to the file, or is shown.
            let ask = guardian.signal == nil ? readLine : { nil }
            do { try AccessibleCreate(readLine: ask, write: write).keepSecret(webhook, reserved: reserved) } catch {
                // Input ended before the secret was saved: it is shown rather than lost.
                write("Input ended. The signing secret, shown only now: \(TerminalSafe.escaped(webhook.secret ?? ""))")
            }
            return guardian.signal.map { 128 + $0 } ?? 0
        } catch {
            write("Input ended; nothing was sent.")
            return 2
        }
    }

    /// Writes the secret where asked; shows it only if the person asks, since a screen reader
    /// or a serial log may keep what is shown.
    private func keepSecret(_ webhook: Webhook, reserved: SecretFile?) throws {
        let secret = webhook.secret ?? ""
        if let reserved {
            do {
                try reserved.fill(with: secret)
                write("The signing secret was written to \(reserved.path) (mode 0600).")
                return
            } catch { write("Error: \(error)") }
        }
        write("The signing secret is shown only now; JetEmail will not show it again.")
        while true {
            let suggested = SecretModal.defaultPath(for: webhook.name)
            let path = try ask("Write it to a new file? Enter for \(suggested), another path, or - to skip:")
            if path == "-" { break }
            let target = HomeDirectory.expandingTilde(path.isEmpty ? suggested : path, environment: ProcessEnvironment.current)
            do {
                try SecretFile.write(secret, to: target)
                write("Written to \(target) (mode 0600).")
                return
            } catch {
                write("Error: \(error)")
            }
        }
        if try ask("Show the secret here? yes or no [no]:").lowercased().hasPrefix("y") {
            write("Signing secret: \(TerminalSafe.escaped(secret))")
        } else {
            write("The secret was not saved or shown.")
        }
    }
}

private extension String {
    func orDefault(_ fallback: String) -> String { isEmpty ? fallback : self }
}
