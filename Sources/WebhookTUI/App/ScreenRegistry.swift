import TerminalUI

/// Every kind of screen, once: help and docs/keys.md's key tables are made for each from here.
/// Adding a screen is its folder under `Screens/`, its conformance to `Screen`, and a line here.
public enum ScreenRegistry {
    public struct Kind: Sendable {
        /// docs/keys.md's block name: `<!-- keys:NAME -->`.
        public let name: String
        public let helpSections: @Sendable () -> [HelpSection]
    }

    public static let all: [Kind] = [
        Kind(name: "list") { ListScreen.referenceSections },
        Kind(name: "details") { DetailsScreen.referenceSections },
        Kind(name: "deliveries") { DeliveryLogScreen.referenceSections },
        Kind(name: "event") { EventScreen.referenceSections },
        Kind(name: "form") { FormScreen.referenceSections },
        Kind(name: "recover") { RecoverScreen.referenceSections },
        Kind(name: "rotate") { RotationScreen.referenceSections },
    ]
}
