import Foundation
@testable import JetEmailClient
import Testing
import TestSupport

/// A rotation's journal read back as untrusted input, and the rotation's names and durations.
@Suite struct RotationStateTests {
    let dir = TemporaryDirectory()
    let old = Webhook(uuid: "11111111-2222-3333-4444-555555555555", name: "Orders", url: "https://example.com/h",
                      events: [EventName("outbound.delivered"), EventName("outbound.queued")], status: .enabled)
    let target = RecoverJournal.Target(baseURL: "https://api.jetemail.com", keyFingerprint: "abcd")

    func begun() throws -> (RotationJournal, RotationState) {
        try RotationJournal.begin(old: old, twinName: "Orders new", secretFile: dir.path + "/s", target: target, deleteAfter: nil,
                                  skipTest: false, folder: dir.path + "/state", now: 1_800_000_000)
    }

    @Test func eachMarkMovesTheNextStep() throws {
        let (journal, state) = try begun()
        #expect(state.next == .create)
        var info = stat()
        #expect(lstat(journal.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let steps: [(RotationJournal.Mark, String?, RotationStep)] = [
            (.creating, nil, .findLostCreate), (.created, "t", .replaceTwin), (.secretSaved, nil, .test), (.tested, nil, .enableTwin),
            (.twinEnabled, nil, .disableOld), (.oldDisabled, nil, .deleteOld), (.deleting, nil, .checkDeleted), (.oldDeleted, nil, .rename),
            (.renamed, nil, .finish), (.finished, nil, .done),
        ]
        for (mark, uuid, next) in steps {
            try journal.mark(mark, uuid: uuid, now: 1_800_000_001)
            #expect(try journal.readBack().next == next, "after \(mark)")
        }
        #expect(try journal.readBack().state(of: .test) == .done)
    }

    @Test func aTornCreatingLineIsACreateWhoseAnswerIsUnknown() throws {
        let (journal, _) = try begun()
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"step\":\"creating\",\"a".utf8))
        try handle.close()
        let read = try RotationJournal.read(journal.path)
        #expect(read.endsTorn && read.next == .findLostCreate && read.running, "held by this process's journal")
    }

    @Test func aJournalOfAnotherKindOrAHugeOneIsRefused() throws {
        let path = dir.file("x.jsonl", "{\"journal\":\"jetemail-webhooks recover\"}\n")
        #expect(throws: RotationJournal.Problem.self) { try RotationJournal.read(path) }
        let huge = dir.file("h.jsonl", String(repeating: "x", count: 2 << 20))
        #expect(throws: RotationJournal.Problem.self) { try RotationJournal.read(huge) }
    }

    @Test func theTwinsNameFitsAndIsNotTaken() {
        let long = String(repeating: "a", count: 64)
        #expect(RotationPlan.twinName(for: long, among: []).count == 64)
        let taken = [old, Webhook(uuid: "x", name: "Orders new", url: "u", events: [], status: .enabled)]
        #expect(RotationPlan.twinName(for: "Orders", among: taken) == "Orders new 2")
        #expect(RotationPlan.dropped(old: old) == ["outbound.queued"])
        guard case .success(let request) = RotationPlan.request(old: old, twinName: "Orders new") else { Issue.record("refused"); return }
        #expect(request.events == [.outboundDelivered] && request.status == .disabled && request.url == old.url)
        var unreadable = old
        unreadable.status = nil
        #expect(throws: Never.self) { if case .success = RotationPlan.request(old: unreadable, twinName: "x") { throw RotationPlan.Refusal("taken") } }
    }

    @Test(arguments: [("90", 90), ("90s", 90), ("30m", 1800), ("24h", 86_400), ("7d", 604_800), ("1h30m", 5400), ("0", 0)])
    func durationsRead(text: String, seconds: Int) { #expect(DurationText.seconds(text) == seconds) }

    @Test(arguments: ["", "h", "-5m", "1x", "367d", "99999999999999999999", "5m3", String(repeating: "9", count: 40)])
    func badDurationsAreNil(text: String) { #expect(DurationText.seconds(text) == nil) }
}

extension RotationStateTests {
    /// A relative secret file is kept whole in the journal: a resume from another folder reads
    /// the same file.
    @Test func aRelativeSecretFileIsJournalledWhole() throws {
        let (_, state) = try RotationJournal.begin(old: old, twinName: "Orders new", secretFile: "./n.whsec", target: target, deleteAfter: nil,
                                                   skipTest: false, folder: dir.path + "/state2", now: 1_800_000_000)
        #expect(state.secretFile == FileManager.default.currentDirectoryPath + "/n.whsec")
    }
}
