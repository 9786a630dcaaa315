import Glibc
import JetEmailClient
import PosixSupport

/// The run on a terminal: `[=====>    ] 120/312 · 196/min · 1:02 left · 2 refused`, redrawn in
/// place on stderr.
final class ProgressBar: Sendable {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: RecoverRun.Progress, seconds: Double) {
        guard enabled else { return }
        let width = 24
        let filled = p.total == 0 ? width : min(width, p.done * width / max(1, p.total))
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "")
        var line = "[\(bar)] \(p.done)/\(p.total) · \(Int(p.perMinute(now: seconds).rounded()))/min"
        if let left = p.secondsLeft(now: seconds) { line += " · \(DurationText.words(left)) left" }
        let missed = p.refused + p.notFound + p.uncertain
        if missed > 0 { line += " · \(missed) not enqueued" }
        if let wait = p.waitingSeconds {
            line += " · rate limited by JetEmail: waiting \(wait) s"
        } else if let wait = p.budgetWait, wait >= 1 {
            line += " · waiting for the request budget: \(Int(wait.rounded(.up))) s"
            if p.otherProcesses > 0 { line += " (\(p.otherProcesses) other process\(p.otherProcesses == 1 ? "" : "es") using it)" }
        }
        _ = writeAll(STDERR_FILENO, Array(("\r\u{1B}[2K" + line).utf8))
    }

    func finish() { if enabled { _ = writeAll(STDERR_FILENO, Array("\r\u{1B}[2K".utf8)) } }
}
