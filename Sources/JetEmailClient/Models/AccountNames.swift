/// The names a filter may hold, as the account lists them: usernames (transactional keys and
/// smarthosts) for `filter_users`, inbound domains for `filter_domains`. Nothing else of those
/// answers is kept (the keys' `api_token`s above all). `missing`: a list that could not be read
/// (and why), so that these names are known to be incomplete.
public struct AccountNames: Sendable, Equatable {
    public var names: [String]
    public var missing: String?

    public init(names: [String], missing: String? = nil) { self.names = names; self.missing = missing }
}
