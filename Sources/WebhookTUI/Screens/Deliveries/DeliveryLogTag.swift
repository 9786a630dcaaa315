/// The delivery log's requests, as its answers come back.
enum DeliveryLogTag: RequestTagKind {
    /// A page of the log.
    case page(Int)
    /// Following the log: deliveries newer than the newest shown.
    case follow
}
