import JetEmailClient
import Testing
@testable import WebhookTUI

/// Issue 32: details show the whole URL with a token masked until `u`; the list never shows a query.
@Suite struct URLOnScreenTests {
    @Test func detailsMaskATokenUntilUAndTheListShowsTheHost() {
        var d = ListChangesTests().loaded(GoldenFrameTests.prefixedHooks)
        #expect(d.screen.contains("hooks1.example.com…") && !d.screen.contains("secret1abc"))
        d.state.onList { $0.select(uuid: "u-1") }
        d.press(.enter)
        #expect(d.screen.contains("https://hooks1.example.com/in/webhook?token=****") && !d.screen.contains("secret1abc"), "\(d.screen)")
        #expect(d.screen.contains("u shows it"))
        d.press(.character("u"))
        #expect(d.screen.contains("?token=secret1abc") && d.screen.contains("u hides"))
        d.press(.character("u"))
        #expect(!d.screen.contains("secret1abc"))
    }
}
