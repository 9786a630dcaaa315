import JetEmailClient
import TerminalUI

/// Row 0: what this is, and where requests go with which key.
enum TitleBar {
    static func draw(_ state: AppState, title: String, into grid: inout Grid) {
        let bar = Style(.accent, bold: true, reverse: true)
        grid.fill(row: 0, column: 0, width: grid.columns, style: bar)
        var right = state.endpoint
        if let key = state.maskedKey { right += " · key " + key }
        right += " "
        let badge = state.isDemo ? " DEMO " : ""
        // A job shows on every screen (the latest running one, else the latest); in a narrow
        // window it takes the endpoint's room.
        let job = state.jobs.last { $0.state.isRunning } ?? state.jobs.last
        var jobBadge = job.map { " \($0.state.badge) " } ?? ""
        if !jobBadge.isEmpty, DisplayWidth.of(jobBadge) + DisplayWidth.of(right) + 24 > grid.columns { right = "" }
        jobBadge = DisplayWidth.truncate(jobBadge, to: max(0, grid.columns - 24))
        // The right side (the job, badge, a space, the endpoint) first; the title gets what is
        // left, cut with "…", so no character of it shows between or under them.
        let rightWidth = DisplayWidth.of(right) + (badge.isEmpty ? 0 : DisplayWidth.of(badge) + 1) + (jobBadge.isEmpty ? 0 : DisplayWidth.of(jobBadge) + 1)
        let rightStart = max(0, grid.columns - rightWidth)
        let left = " JetEmail webhooks · \(title)"
        grid.put(DisplayWidth.truncate(left, to: max(0, rightStart - 1)), row: 0, column: 0, style: bar)
        var x = rightStart
        if !jobBadge.isEmpty {
            let running = job?.state.isRunning ?? false
            x = grid.put(jobBadge, row: 0, column: x, style: Style(running ? .warning : .success, bold: true, reverse: true)) + 1
        }
        if !badge.isEmpty {
            x = grid.put(badge, row: 0, column: x, style: Style(.badge, bold: true)) + 1
        }
        grid.put(right, row: 0, column: x, style: bar)
    }
}
