import Glibc
import JetEmailClient
import PosixSupport

/// The command line's side of a rotation: each step said before it is taken, the questions
/// asked on the terminal (or answered by --yes), the countdown shown, and where it stopped
/// said with the command that goes on.
@MainActor struct RotateDriver {
    let command: RotateCommand
    let run: RotationRun

    /// Exit 3: waiting for a yes that no one gave (resume to go on).
    static let waitingForYes: Int32 = 3

    func drive(from start: RotationState) async throws {
        var state = start
        var approved: Set<RotationRun.Question> = []
        var saidOverlap = false
        var saidLast: RotationStep?
        while true {
            let next = state.next
            if next == .done || next == .finish { break }
            if next == .disableOld, !saidOverlap {
                saidOverlap = true
                try say(Self.overlapWords(state))
            }
            // A step that waits for a yes is said once it has it; each step is said once.
            let asks = next.waitsForYes(approved: approved)
            if !asks, next != saidLast { try say(TerminalSafe.escaped(next.saying(state))); saidLast = next }
            let (after, advance) = await run.advance(approved: approved)
            state = after
            switch advance {
            case .did(_, let text):
                if !text.isEmpty { try say("  ✓ " + TerminalSafe.escaped(text)) }
            case .ask(let question, let text):
                try ask(question, TerminalSafe.escaped(text), state: state)
                approved.insert(question)
            case .wait(let until):
                try await countDown(to: until, state: state)
                approved.insert(.deleteOld)
            case .stopped(let stop):
                try stopped(stop, state: state)
            case .finished:
                break
            }
        }
        if state.next == .finish {
            let (_, advance) = await run.advance()
            if case .stopped(let stop) = advance { try stopped(stop, state: state) }
        }
        try say("Done: \(TerminalSafe.escaped(state.old.name)) delivers with the new secret, from \(TerminalSafe.escaped(state.secretFile)).")
    }

    /// What the receiver gets while both webhooks deliver.
    static func overlapWords(_ state: RotationState) -> String {
        """
        Overlap: both webhooks deliver to \(TerminalSafe.escaped(state.old.url)) now. The receiver gets each event twice, \
        once signed with the old secret and once with the new: it must accept both, and de-duplicate on X-Webhook-ID, as JetEmail \
        tells receivers to. That one event keeps its X-Webhook-ID across the two webhooks is likely (a replay names a delivery by event \
        id and webhook) but not documented: make sure your receiver copes if it does not.
        """
    }

    func say(_ line: String) throws { try APIAccess.print(line) }

    /// A yes from --yes or from the person; else the run waits (exit 3) where a resume goes on.
    func ask(_ question: RotationRun.Question, _ text: String, state: RotationState) throws {
        // Dropping deliveries that wait for a retry is a person's call, never a script's.
        if command.yes, question != .deleteWithPending { try say("  \(text) yes (--yes)"); return }
        guard APIAccess.personWaits else {
            let how = question == .deleteWithPending ? "resume once they are delivered" : "resume with --yes"
            StandardError.write("\(text) No terminal to ask on: waiting. To go on, \(how):")
            StandardError.write("  " + TerminalSafe.escaped(command.command(["--resume", state.path, "--yes"])))
            throw ExitCode(Self.waitingForYes)
        }
        StandardError.writePrompt(text + " y/N ")
        guard let answer = readLine(strippingNewline: true), answer == "y" || answer == "Y" else {
            StandardError.write("Waiting: nothing more was done. When you are ready:")
            StandardError.write("  " + TerminalSafe.escaped(command.command(["--resume", state.path])))
            throw ExitCode(Self.waitingForYes)
        }
    }

    /// The countdown to the old webhook's delete: a line now, then (on a terminal) the time
    /// left in place each second, or a line every ten minutes.
    func countDown(to until: Int, state: RotationState) async throws {
        let clock = SystemClock.wallClock()
        try say("Deleting \"\(TerminalSafe.escaped(state.old.name))\" at \(clock.local(until)) (in \(DurationText.words(until - SystemClock.unixNow))). "
                + "Stopping now keeps that time: \(TerminalSafe.escaped(command.command(["--resume", state.path])))")
        let live = isatty(STDOUT_FILENO) != 0
        var lastLine = SystemClock.unixNow
        while SystemClock.unixNow < until {
            let left = until - SystemClock.unixNow
            if live {
                _ = StandardOutput.write("\r  deleting in \(DurationText.clock(left))   ", newline: false)
            } else if SystemClock.unixNow - lastLine >= 600 {
                lastLine = SystemClock.unixNow
                try say("  deleting in \(DurationText.words(left))")
            }
            try? await Task.sleep(nanoseconds: UInt64(min(left, 1)) * 1_000_000_000)
        }
        if live { _ = StandardOutput.write("\r" + String(repeating: " ", count: 30) + "\r", newline: false) }
    }

    /// Where it stopped, why, and how to go on or undo.
    func stopped(_ stop: RotationRun.Stop, state: RotationState) throws -> Never {
        if case .secretNotWritten(_, let secret) = stop {
            // The secret cannot be lost without a word: it goes to stdout, once.
            StandardError.write(TerminalSafe.escaped(stop.description) + " It is printed below; a resume replaces this twin.")
            _ = StandardOutput.write(secret.value)
            throw ExitCode(1)
        }
        StandardError.write(TerminalSafe.escaped(stop.description))
        if state.canAbort || !state.isOver {
            StandardError.write("  Go on:  " + TerminalSafe.escaped(command.command(["--resume", state.path])))
        }
        if state.canAbort { StandardError.write("  Undo:   " + TerminalSafe.escaped(command.command(["--abort", state.path]))) }
        throw ExitCode(1)
    }
}
