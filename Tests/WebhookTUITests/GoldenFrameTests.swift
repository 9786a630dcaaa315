import JetEmailClient
import Testing
@testable import WebhookTUI

/// Whole frames at 80 x 24 compared with text files in Golden/. UPDATE_GOLDEN=1 rewrites them.
@Suite struct GoldenFrameTests {
    func expectFrame(_ d: Driver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = Golden.check(render(d.state), name)
        #expect(result.matches, "frame \(name) differs:\n\(result.actual)", sourceLocation: sourceLocation)
    }

    @Test func emptyForm() { expectFrame(Driver(), "empty-form") }

    @Test func errorsShown() {
        var d = Driver()
        d.type("Prod hook!")
        d.press(.tab); d.type("ftp://example.com")
        d.press(.tab, .tab, .tab); d.type("bad user")
        d.press(.tab); d.type("example.com")
        d.press(.control("s"))
        expectFrame(d, "errors-shown")
    }

    @Test func inFlight() {
        var d = Driver()
        d.type("Production Webhook")
        d.press(.tab); d.type("http://10.0.0.5/hook")
        d.press(.tab, .character("o"), .control("s"))
        d.now += 2.34
        d.send(.tick)
        expectFrame(d, "in-flight")
    }

    @Test func secretModal() {
        var d = Driver()
        d.type("Production Webhook")
        d.press(.tab); d.type("https://example.com/webhook")
        d.press(.tab, .character(" "), .control("s"))
        d.send(.submitFinished(id: 1, .success(sampleWebhook)))
        expectFrame(d, "secret-modal")
    }

    @Test func help() {
        var d = Driver()
        d.press(.function(1))
        expectFrame(d, "help")
    }

    @Test func tooSmall() {
        var d = Driver()
        d.send(.resize(columns: 60, rows: 20))
        expectFrame(d, "too-small")
        d.send(.resize(columns: 80, rows: 24))
        #expect(render(d.state).text.contains("Create webhook"))
    }

    @Test func widerTerminalWidensFields() {
        var d = Driver()
        d.send(.resize(columns: 120, rows: 30))
        d.type(String(repeating: "n", count: 64))
        let grid = render(d.state)
        #expect(grid.text.contains(String(repeating: "n", count: 64)))
        #expect(grid.text.contains("64/64"))
    }
}
