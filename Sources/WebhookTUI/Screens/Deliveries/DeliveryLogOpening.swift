/// Pushing the log: sized to the window, and its first page asked for at once.
enum DeliveryLogOpening {
    static func push(_ state: DeliveryLogState, app s: inout AppState) -> [Effect] {
        var log = state
        log.cursor.viewHeight = DeliveryLogView.visibleRows(rows: s.rows)
        s.push(.deliveries(log))
        let id = s.topScreen.id
        return s.withDeliveryLog(id) { log, app in DeliveryLogFlow.fill(&log, screen: id, app: &app) } ?? []
    }
}
