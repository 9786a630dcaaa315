import JetEmailClient
import TerminalUI

/// Keys while a picker is open, and handing the choice to the screen that opened it.
enum PickerKeys {
    static func handle(_ s: inout AppState, _ picker: inout PickerModal, _ key: Key) -> [Effect] {
        guard let binding = PickerModal.table(single: picker.single).binding(for: key) else { return [] }
        switch binding.action {
        case .cancel:
            s.closeModal()
            return []
        case .list(let action):
            _ = picker.list.perform(action, key: key)
            picker.scrollToCursor(rows: s.rows, columns: s.columns)
            s.updateTopModal(.picker(picker))
            return []
        case .choose:
            s.closeModal()
            switch picker.purpose {
            case .eventType(let screen):
                let index = picker.list.cursor
                let type = index == 0 ? nil : picker.values[index]
                return s.withDeliveryLog(screen) { log, app in DeliveryLogKeys.picked(&log, screen: screen, type: type, app: &app) } ?? []
            case .filterUsers(let screen), .filterDomains(let screen):
                s.withForm(screen) { form, app in FilterChoices.put(&form, picker, app: &app) }
                return []
            }
        }
    }
}
