import JetEmailClient

/// The form's controls, in Tab order.
public enum Control: Int, Sendable, CaseIterable, Equatable {
    case name, url, events, status, filterUsers, filterDomains, create

    public var next: Control { Control(rawValue: (rawValue + 1) % Control.allCases.count)! }
    public var previous: Control { Control(rawValue: (rawValue + Control.allCases.count - 1) % Control.allCases.count)! }

    public var field: WebhookField? {
        switch self {
        case .name: .name
        case .url: .url
        case .events: .events
        case .status: .status
        case .filterUsers: .filterUsers
        case .filterDomains: .filterDomains
        case .create: nil
        }
    }

    public init?(field: WebhookField) {
        guard let match = Control.allCases.first(where: { $0.field == field }) else { return nil }
        self = match
    }

    public var isTextField: Bool { [.name, .url, .filterUsers, .filterDomains].contains(self) }

    public var label: String {
        switch self {
        case .name: "Name"
        case .url: "URL"
        case .events: "Events"
        case .status: "Status"
        case .filterUsers: "Filter users"
        case .filterDomains: "Filter domains"
        case .create: "Create"
        }
    }
}
