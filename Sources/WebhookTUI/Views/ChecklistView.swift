import JetEmailClient

/// The 14 events in two columns, grouped Outbound (10) and Inbound (4), each with when it fires.
enum ChecklistView {
    static func draw(_ state: AppState, report: ValidationReport, into grid: inout Grid) {
        let form = state.form
        let focused = form.focus == .events && state.overlay == .none
        FormView.label(.events, state: state, row: Layout.eventsRow, into: &grid)
        let selected = form.events.count
        let problems = form.visibleProblems(.events, report: report)
        if let first = problems.first {
            grid.put("✗ " + first.message, row: Layout.eventsRow, column: Layout.fieldColumn, style: .error, width: grid.columns - Layout.fieldColumn - 1)
        } else {
            grid.put("\(selected) of 14 selected", row: Layout.eventsRow, column: Layout.fieldColumn, style: .muted)
        }

        let left = Layout.checklistColumn(0, columns: grid.columns)
        let rightHeading = Layout.checklistColumn(10, columns: grid.columns)
        grid.put("Outbound (10) · o selects all", row: Layout.checklistRow, column: left.column + 1, style: Style(.accent, bold: true))
        grid.put("Inbound (4) · i selects all", row: rightHeading.row - 1, column: rightHeading.column + 1, style: Style(.accent, bold: true))

        for (index, event) in EventType.allCases.enumerated() {
            let spot = Layout.checklistColumn(index, columns: grid.columns)
            let isCursor = focused && form.eventCursor == index
            let box = form.events.contains(event) ? "[x]" : "[ ]"
            let nameWidth = 10
            let namePadded = event.shortName + String(repeating: " ", count: max(0, nameWidth - event.shortName.count))
            let rowStyle = isCursor ? Style(.accent, bold: true, reverse: true) : Style(.normal, bold: form.events.contains(event))
            grid.put(isCursor ? "›" : " ", row: spot.row, column: spot.column - 1, style: rowStyle)
            let x = grid.put("\(box) \(namePadded) ", row: spot.row, column: spot.column, style: rowStyle, width: spot.width)
            grid.put(event.shortSummary, row: spot.row, column: x, style: isCursor ? rowStyle : .muted, width: spot.column + spot.width - x)
            if isCursor { grid.cursor = (spot.row, spot.column + 1) }
        }

        let detail: String
        if focused {
            let event = EventType.allCases[form.eventCursor]
            detail = "\(event.rawValue): \(event.summary)."
        } else {
            detail = ""
        }
        grid.put(detail, row: Layout.eventDetailRow, column: 3, style: .muted, width: grid.columns - 4)
    }
}

/// The Create button, the spinner while sending, and the status message (wrapped over two rows).
enum CreateRowView {
    static let spinner: [Character] = ["|", "/", "-", "\\"]

    static func draw(_ state: AppState, into grid: inout Grid) {
        let focused = state.form.focus == .create && state.overlay == .none
        let button = "[ Create webhook ]"
        let style: Style = focused ? .focused : Style(.accent, bold: true)
        grid.put(button, row: Layout.createRow, column: Layout.labelColumn, style: style)
        if focused { grid.cursor = (Layout.createRow, Layout.labelColumn + 2) }

        let start = Layout.labelColumn + DisplayWidth.of(button) + 2
        var message: (String, Style)?
        switch state.submission {
        case .sending(_, let startedAt):
            let elapsed = max(0, state.now - startedAt)
            let frame = spinner[Int(elapsed * 10) % spinner.count]
            message = ("\(frame) Creating… \(String(format1: elapsed)) s · Esc cancels", Style(.accent, bold: true))
        case .rateLimited(let until):
            message = ("✗ Rate limited by JetEmail: you can create again in \(Countdown.text(until - state.now)).", .error)
        case .idle:
            if let status = state.status { message = ("\(status.tone.symbol) \(status.text)", status.tone.style) }
        }
        guard let (text, textStyle) = message else { return }
        let firstWidth = grid.columns - start - 1
        let lines = Wrap.lines(text, width: firstWidth)
        guard let first = lines.first else { return }
        grid.put(first, row: Layout.createRow, column: start, style: textStyle)
        let rest = lines.dropFirst().joined(separator: " ")
        if !rest.isEmpty {
            grid.put(DisplayWidth.truncate(rest, to: grid.columns - 2), row: Layout.messageRow, column: Layout.labelColumn, style: textStyle)
        }
    }
}

extension String {
    /// One decimal place without Foundation: 1.25 -> "1.2".
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded(.down))
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
