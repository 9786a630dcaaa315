import JetEmailClient
import TerminalUI

/// Keys on the recover screen, each with what it does.
extension RecoverScreen {
    static let mainKeys: [Binding<RecoverScreen>] = [
        Binding([.character("c")], keys: "c", bar: BarEntry("c", "cancel"),
                help: "stop the recover after the replay in flight (the journal keeps its place: Ctrl-R on the log goes on)",
                when: { $0.run?.phase == .running || $0.run?.phase == .starting },
                because: "No recover is running: there is nothing to stop.") { _, _, context in
            guard let job = context.job(RecoverStatus.self) else { return .none }
            return Outcome.orderJob(job.id, RecoverOrder.stop).with(.info, "Stopping after the replay in flight…")
        },
        // A path wider than the screen is drawn on two lines; the clipboard has it whole.
        Binding([.character("y")], keys: "y", bar: BarEntry("y", "copy resume"),
                help: "copy the command that goes on with this recover (its journal's path whole) to the clipboard (OSC 52, through SSH and tmux)",
                when: { $0.run?.resumeCommand != nil }, because: "No recover has a journal yet.") { recover, _, _ in
            guard let command = recover.run?.resumeCommand else { return .none }
            return Outcome.effect(.copyToClipboard(command)).with(.info, "The resume command was sent to the clipboard.")
        },
        Binding([.escape, .character("q"), .left, .backspace], keys: "Esc, q or ←", bar: BarEntry("Esc", "back", pin: .offHome),
                help: "back; the recover goes on (its progress stays in the title bar)") { _, _, _ in .leave },
    ]

    static var referenceSections: [HelpSection] {
        [HelpSection("Recover", (mainKeys + scrollKeys).helpLines())]
    }
}
