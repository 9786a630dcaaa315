/// A full-screen view with its own state, keys and drawing. The program shows the top of a
/// stack of them; later screens (the list, details) are new cases here.
public enum Screen: Sendable, Equatable {
    case list(ListState)
    case details(DetailsState)
    case form(FormState)
    case deliveries(DeliveryLogState)
    case event(EventDetailsState)
}

/// A screen on the stack, with the id that requests and their answers are addressed by.
public struct ScreenEntry: Sendable, Equatable {
    public let id: Int
    public var screen: Screen

    public init(id: Int, screen: Screen) { self.id = id; self.screen = screen }
}
