import JetEmailClient

/// The list's requests, as its answers come back.
enum ListTag: RequestTagKind {
    case list
    /// A change to one webhook (enable, disable, delete).
    case change(uuid: String)
    /// A webhook's count of deliveries (failed ones only, or all) for the health column.
    case health(uuid: String, failedOnly: Bool)
    /// One 3-hour bucket of a webhook's sparkline, counted.
    case sparkBucket(uuid: String, index: Int)
}
