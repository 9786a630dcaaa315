@testable import JetEmailClient
import Testing

/// A file of webhooks read as untrusted input, and written back by export without loss.
@Suite struct WebhookFileTests {
    func parse(_ text: String) -> WebhookFile.Checked { WebhookFile.parse(Array(text.utf8), path: "w.toml") }

    @Test func whatExportWritesReadsBackTheSameWhateverTheStrings() {
        let odd = Webhook(uuid: "u\n1", name: "a \"b\" \\ c\u{1B}[31m é 漢", url: "https://x.example.com/p?q=\"1\"\t", events: [EventName("outbound.delivered")],
                          status: .disabled, filterUsers: ["alice"], filterDomains: nil)
        let text = WebhookExport.toml([odd], source: "https://api\njetemail.com", at: "now")
        #expect(!text.contains("\u{1B}") && text.components(separatedBy: "\n").allSatisfy { !$0.hasPrefix("jetemail.com") }, "one line a comment")
        guard case .file(let file) = parse(text), let entry = file.entries.first else { Issue.record("not read back: \(parse(text))"); return }
        #expect(entry.name == odd.name && entry.url == odd.url && entry.events == ["outbound.delivered"] && entry.status == 0)
        #expect(entry.filterUsers == ["alice"] && entry.filterDomains == [])
        let (plan, problems) = WebhookPlan.make(file, account: [odd], owned: .init(users: nil, domains: nil), prune: false)
        // A name the create rules refuse is left alone on a webhook that has it…
        #expect(problems.isEmpty && plan?.sendsAnything == false, "\(problems)")
        // …and said, at its line, for one to be created.
        let (none, refused) = WebhookPlan.make(file, account: [], owned: .init(users: nil, domains: nil), prune: false)
        #expect(none == nil && refused.contains { $0.field == "name" && $0.line == 7 }, "\(refused)")
    }

    @Test func anUpdateSendsOnlyWhatDiffers() {
        let current = Webhook(uuid: "u-1", name: "Orders", url: "https://a.example.com", events: [EventName("outbound.delivered"), EventName("outbound.queued")],
                              status: .enabled, filterUsers: ["alice"], filterDomains: nil)
        let text = "[[webhook]]\nname = \"Orders\"\nurl = \"https://a.example.com\"\nevents = [\"outbound.bounced\"]\nstatus = \"enabled\"\nfilter_users = []\n"
        guard case .file(let file) = parse(text) else { Issue.record("not read"); return }
        let (plan, problems) = WebhookPlan.make(file, account: [current], owned: .init(users: ["alice"], domains: nil), prune: false)
        #expect(problems.isEmpty)
        guard case .update(_, _, let diffs, let patch)? = plan?.changes.first else { Issue.record("no update: \(String(describing: plan))"); return }
        #expect(diffs.map(\.field) == ["events", "filter_users"])
        #expect(patch.url == nil && patch.status == nil && patch.events == [EventName("outbound.bounced")] && patch.filterUsers == .clear)
    }

    @Test(arguments: ["name = \"top\"\n", "[other]\nx = 1\n", "[[webhook]]\nname = 5\n", "[[webhook]]\nevents = \"outbound.delivered\"\n",
                      "[[webhook]]\nname = \"a\"\r\n\r", "[[webhook]]\nname = \"a", "[[webhook]]\nevents = [\"a\", 1]\n", "[[webhook]]\n[[webhook.sub]]\n"])
    func hostileFilesAreProblemsNotCrashes(text: String) {
        guard case .problems(let problems) = parse(text) else { Issue.record("read: \(text)"); return }
        #expect(!problems.isEmpty && problems.allSatisfy { $0.line >= 1 && $0.description.hasPrefix("w.toml:") })
    }

    @Test func aFileNotUTF8OrTooLargeIsRefused() {
        guard case .problems = WebhookFile.parse([0xFF, 0xFE, 0x00], path: "w.toml") else { Issue.record("read"); return }
        guard case .problems = WebhookFile.parse([UInt8](repeating: 0x23, count: WebhookFile.sizeLimit + 1), path: "w.toml") else { Issue.record("read"); return }
    }
}
