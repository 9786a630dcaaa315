/// What a person typed or passed as flags, before validation. Strings stay as given so
/// that every problem can be reported against the user's own input.
public struct WebhookDraft: Sendable, Equatable {
    public var name: String
    public var url: String
    /// Event names as given; unknown names are reported, duplicates removed.
    public var events: [String]
    /// 1 = enabled, 0 = disabled; anything else is reported.
    public var status: Int
    public var filterUsers: [String]
    public var filterDomains: [String]

    public init(name: String = "", url: String = "", events: [String] = [], status: Int = 1,
                filterUsers: [String] = [], filterDomains: [String] = []) {
        self.name = name; self.url = url; self.events = events; self.status = status
        self.filterUsers = filterUsers; self.filterDomains = filterDomains
    }

    /// `status` of a webhook whose status the API gave as unreadable or left out: an edit that
    /// does not change it sends none.
    public static let unknownStatus = Int.min

    /// A webhook as the server has it, as a draft an edit starts from. Event names the create
    /// list lacks (`outbound.queued`) are left out: no edit can send them.
    public init(_ webhook: Webhook) {
        self.init(name: webhook.name, url: webhook.url, events: webhook.events.compactMap { $0.known?.rawValue },
                  status: webhook.status?.rawValue ?? Self.unknownStatus, filterUsers: webhook.filterUsers ?? [],
                  filterDomains: webhook.filterDomains ?? [])
    }

    /// The fields where `other` differs from this draft (events as sets).
    public func fieldsChanged(to other: WebhookDraft) -> Set<WebhookField> {
        var changed: Set<WebhookField> = []
        if name != other.name { changed.insert(.name) }
        if url != other.url { changed.insert(.url) }
        if Set(events) != Set(other.events) { changed.insert(.events) }
        if status != other.status { changed.insert(.status) }
        if filterUsers != other.filterUsers { changed.insert(.filterUsers) }
        if filterDomains != other.filterDomains { changed.insert(.filterDomains) }
        return changed
    }
}

/// The fields of a webhook, with the names the API uses.
public enum WebhookField: String, Sendable, CaseIterable, Hashable {
    case name, url, events, status
    case filterUsers = "filter_users"
    case filterDomains = "filter_domains"

    /// The field's name as the API and `field: message` output spell it.
    public var apiName: String { rawValue }
}

/// Splits the text of a filter input ("alice, bob carol") into items; empty pieces between
/// separators are dropped, since commas and spaces are only separators there.
public enum FilterList {
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.unicodeScalars.allSatisfy(ECMAWhitespace.contains) })
            .map(String.init)
    }

    /// The list as one line, "a, b", for a text field. A loop rather than `joined(separator:)`,
    /// whose unspecialised standard-library code looks up conformances at run time (a scan of
    /// every conformance in the binary while the form opens).
    public static func join(_ items: [String]) -> String {
        var text = ""
        for (index, item) in items.enumerated() {
            if index > 0 { text += ", " }
            text += item
        }
        return text
    }
}
