/// The delivery log's requests, as its answers come back.
enum DeliveryLogTag: RequestTagKind {
    /// A page of the log.
    case page(Int)
    /// Following the log: deliveries newer than the newest shown.
    case follow
    /// Following: the rows on screen asked again, for their status now.
    case refresh
}
