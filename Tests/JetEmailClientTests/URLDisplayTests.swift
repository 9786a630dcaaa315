import JetEmailClient
import Testing

/// Issue 32: a URL in a list shows its host and path, never its query; details mask
/// secret-looking query values until asked.
@Suite struct URLDisplayTests {
    @Test(arguments: [
        ("https://webhooks.shop.example/analytics/webhook?token=abc123", "webhooks.shop.example/analytics/webhook…"),
        ("http://10.0.0.5:8080/hook", "http://10.0.0.5:8080/hook"),
        ("https://user:hunter2@hooks.example.com/h#frag", "hooks.example.com/h…"),
        ("https://hooks.example.com/?sig=1", "hooks.example.com…"),
        ("not a url?key=1", "not a url…"),
    ])
    func listForm(url: String, shown: String) { #expect(URLDisplay.listForm(url) == shown) }

    @Test func secretLookingValuesAreMaskedAndTheRestKept() {
        #expect(URLDisplay.masked("https://a.example.com/h?token=abc&page=2&X-Api-Key=zz&signature=s#f")
                == "https://a.example.com/h?token=****&page=2&X-Api-Key=****&signature=****#f")
        #expect(URLDisplay.masked("https://u:pw@a.example.com/h") == "https://u:****@a.example.com/h")
        #expect(!URLDisplay.hasSecrets("https://a.example.com/h?page=2") && URLDisplay.hasSecrets("https://a.example.com/h?auth=x"))
    }
}
