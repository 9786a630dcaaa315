import Foundation
import Testing
import TestSupport
@testable import JetEmailClient

/// The journal as untrusted input and as a thing two runs may reach for at once: locked while a
/// run owns it, a torn line read at its most cautious meaning, an id listed twice sent once, a
/// FIFO never opened, a plan too large refused before a byte is written (issue 27: D2, D3,
/// D13, D19, D22, D23).
@Suite struct RecoverJournalHostileTests {
    static let plan = RecoverPlan(filter: RecoverFilter(uuid: "wh-1"), events: (1...3).map { (n: Int) in RecoverPlan.Event(id: "evt_\(n)", createdAt: n) },
                                  byType: [:], byCode: [:], oldest: 1, newest: 3, totalsSeen: [3])

    /// D2: a second run of the same journal is refused while the first holds it, and told which
    /// process holds it since when; once the first lets go, it may go on.
    @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheJournalAndToldWhoHoldsIt() throws {
        let folder = TemporaryDirectory()
        var first: RecoverJournal.Claimed? = try RecoverJournal.begin(Self.plan, webhookName: "B", path: folder.path + "/j", folder: folder.path, now: 1_800_000_000)
        let path = try #require(first?.journal.path)
        do {
            _ = try RecoverJournal.claim(path, now: 1_800_000_005)
            Issue.record("a second claim went through while the first held the journal")
        } catch {
            #expect(error.heldBy == RecoverJournal.Holder(pid: Int(getpid()), since: 1_800_000_000))
            #expect(RecoverJournal.holder(of: path) == error.heldBy, "a dry run can say who holds it")
            #expect(error.description.contains("pid \(getpid())") && error.description.contains("2027-01-15 08:00:00 UTC"), "\(error.description)")
        }
        first = nil
        #expect(RecoverJournal.holder(of: path) == nil)
        let second = try RecoverJournal.claim(path, now: 1_800_000_010)
        #expect(second.state.owner?.since == 1_800_000_010)
    }

    /// D3: a record torn by a full disk names an event whose answer is unknown (may have been
    /// replayed, not sent again), and the next record starts on a line of its own.
    @Test func aTornLastLineIsSentAnswerUnknownAndTheNextRecordStartsOnAFreshLine() throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/j"
        do {
            let claimed = try RecoverJournal.begin(Self.plan, webhookName: "B", path: path, folder: folder.path, now: 1)
            try claimed.journal.sent("evt_1", now: 2)
            try claimed.journal.done("evt_1", .enqueued, now: 2)
        }
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = #"{"sent":"evt_2","a"#.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let claimed = try RecoverJournal.claim(path, now: 3)
        #expect(claimed.state.uncertain == ["evt_2"], "the torn record's event may have been replayed")
        #expect(claimed.state.remaining(retryUncertain: false).map(\.id) == ["evt_3"])
        try claimed.journal.sent("evt_3", now: 4)
        let read = try RecoverJournal.read(path)
        #expect(read.sent.contains("evt_3") && read.uncertain == ["evt_2", "evt_3"], "the next record was read, not glued to the torn one")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"a\n{") && text.hasSuffix("}\n"))
    }

    /// D3: in a journal written before the fix, the next record was glued onto the torn one:
    /// that line still names its events, and each may have been replayed.
    @Test func aGluedLineOfAnOlderJournalStillNamesItsEvents() throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/j"
        do { _ = try RecoverJournal.begin(Self.plan, webhookName: "B", path: path, folder: folder.path, now: 1) }
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = "{\"done\":\"evt_1\",\"res{\"sent\":\"evt_2\",\"at\":5}\n".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let read = try RecoverJournal.read(path)
        #expect(Set(read.uncertain) == ["evt_1", "evt_2"] && read.remaining(retryUncertain: false).map(\.id) == ["evt_3"])
    }

    /// D23: a header that lists an id twice is one event.
    @Test func aHeaderListingAnIDTwiceIsOneEvent() throws {
        var plan = Self.plan
        plan.events.append(.init(id: "evt_2", createdAt: 2))
        plan.events.insert(.init(id: "evt_1", createdAt: 1), at: 0)
        let folder = TemporaryDirectory()
        let claimed = try RecoverJournal.begin(plan, webhookName: "B", path: folder.path + "/j", folder: folder.path, now: 1)
        #expect(claimed.state.events.map(\.id) == ["evt_1", "evt_2", "evt_3"])
        #expect(claimed.state.remaining(retryUncertain: true).map(\.id) == ["evt_1", "evt_2", "evt_3"])
    }

    /// D13: a FIFO (or anything not a regular file) is refused before it is opened, at once; the
    /// newest journal's name taken by one is not a journal.
    @Test func aFIFOIsRefusedWithoutBeingOpened() async throws {
        let folder = TemporaryDirectory()
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let outcome = try await offThePool { () -> [String] in
            var said: [String] = []
            do { _ = try RecoverJournal.read(fifo) } catch { said.append("\(error)") }
            do { _ = try RecoverJournal.claim(fifo, now: 1) } catch { said.append("\(error)") }
            return said
        }
        #expect(outcome.count == 2 && outcome.allSatisfy { $0.contains("not a regular file") }, "\(outcome)")
        let named = RecoverJournal.newPath(folder: folder.path, filter: Self.plan.filter, now: 2_000_000_000)
        #expect(mkfifo(named, 0o600) == 0)
        #expect(RecoverJournal.latest(folder: folder.path, filter: Self.plan.filter) == nil)
        #expect(RecoverJournal.latestState(folder: folder.path, filter: Self.plan.filter) == nil)
    }

    /// D22: a plan too large for a journal is refused before anything is written, and says how
    /// to narrow it; nothing is left behind.
    @Test func aPlanTooLargeForAJournalIsRefusedBeforeWritingAndLeavesNothing() throws {
        let long = String(repeating: "x", count: 4_000)
        let events = (0..<20_000).map { RecoverPlan.Event(id: "evt_\($0)_" + long, createdAt: $0) }
        let plan = RecoverPlan(filter: RecoverFilter(uuid: "wh-1"), events: events, byType: [:], byCode: [:], oldest: 0, newest: 1, totalsSeen: [])
        let folder = TemporaryDirectory()
        do {
            _ = try RecoverJournal.begin(plan, webhookName: "B", path: nil, folder: folder.path, now: 1)
            Issue.record("a 80 MB plan was written")
        } catch {
            #expect(error.description.contains("too large") && error.description.contains("--since"), "\(error.description)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// D19: the journal records the account it was made for; the latest journal of another base
    /// URL or key is not this recover's.
    @Test func theLatestJournalIsOnlyOneOfThisAccount() throws {
        let folder = TemporaryDirectory()
        let a = RecoverJournal.Target(baseURL: "https://a.example", keyFingerprint: "1111")
        let b = RecoverJournal.Target(baseURL: "https://b.example", keyFingerprint: "1111")
        let made = try RecoverJournal.begin(Self.plan, webhookName: "B", path: nil, folder: folder.path, now: 1, target: a).state
        #expect(made.target == a)
        #expect(RecoverJournal.latestState(folder: folder.path, filter: Self.plan.filter, target: a)?.path == made.path)
        #expect(RecoverJournal.latestState(folder: folder.path, filter: Self.plan.filter, target: b) == nil)
        #expect(RecoverJournal.latestState(folder: folder.path, filter: Self.plan.filter,
                                           target: .init(baseURL: "https://a.example", keyFingerprint: "2222")) == nil)
    }

    /// D17, D26: what is said when a path is taken, or is not a journal to go on with.
    @Test func messagesSayWhatToDoWithAnExistingPath() throws {
        let folder = TemporaryDirectory()
        let path = folder.path + "/j"
        do { _ = try RecoverJournal.begin(Self.plan, webhookName: "B", path: path, folder: folder.path, now: 1) }
        do { _ = try RecoverJournal.begin(Self.plan, webhookName: "B", path: path, folder: folder.path, now: 1); Issue.record("overwritten") } catch {
            #expect(error.description.contains("--resume \(path)"), "\(error.description)")
        }
        symlink(path, folder.path + "/link")
        do { _ = try RecoverJournal.claim(folder.path + "/link", now: 1); Issue.record("followed") } catch {
            #expect(error.description.contains("symbolic link") && !error.description.contains("already exists"), "\(error.description)")
        }
        do { _ = try RecoverJournal.claim(folder.path + "/none", now: 1); Issue.record("made") } catch {
            #expect(error.description.contains("does not exist") && !error.description.contains("already exists"), "\(error.description)")
        }
    }
}
