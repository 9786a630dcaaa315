import Foundation
import Synchronization
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// The account's budget shared by every process through the ledger file: pacers with other
/// process ids stand for other processes here (EndToEndTests run real ones), against a loopback
/// server that locks out as JetEmail does.
@Suite struct SharedBudgetTests {
    static let alive: @Sendable (Int32) -> Bool = { _ in true }

    func pacer(_ process: Int32, ledger: any BudgetLedger, limit: Int = 10, window: Double = 2) -> RequestPacer {
        RequestPacer(limit: limit, window: window, ledger: ledger, process: process, isAlive: Self.alive)
    }

    func client(_ base: String, _ pacer: RequestPacer, _ priority: RequestPriority = .background) throws -> JetEmailClient {
        JetEmailClient(baseURL: try BaseURL(base), key: APIKey("api_secretkey1234")!,
                       transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 20)), pacer: pacer, priority: priority)
    }

    @Test func twoProcessesOnOneLedgerNeverPassTheWindowTogether() async throws {
        // 10 in any 2 s for the account, the server locking out past 12: two processes of 20 calls
        // each, at once. Each alone would send 10 at once; together they must not send 20.
        let dir = TemporaryDirectory()
        let lockout = try LockoutServer(limit: 12, window: 2) { _ in RequestBudgetTests.listBody }
        let a = try client(lockout.baseURL, pacer(101, ledger: FileBudgetLedger(path: dir.path + "/l")))
        let b = try client(lockout.baseURL, pacer(202, ledger: FileBudgetLedger(path: dir.path + "/l")))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 { group.addTask { _ = try await (i % 2 == 0 ? a : b).listWebhooks() } }
            try await group.waitForAll()
        }
        #expect(lockout.refused == 0 && lockout.answered == 40, "429s: \(lockout.refused)")
        let text = try String(contentsOfFile: dir.path + "/l", encoding: .utf8)
        #expect(text.hasPrefix(FileBudgetLedger.header) && text.contains("\nS "), "the window is in the file: \(text)")
        let mode = (try FileManager.default.attributesOfItem(atPath: dir.path + "/l")[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
    }

    @Test func a429MetByOneProcessHoldsTheOther() async throws {
        let dir = TemporaryDirectory()
        let a = pacer(101, ledger: FileBudgetLedger(path: dir.path + "/l"), limit: 200, window: 60)
        let b = pacer(202, ledger: FileBudgetLedger(path: dir.path + "/l"), limit: 200, window: 60)
        _ = try await b.admit(.background)
        #expect(await a.refused(retryAfter: 60) == 60)
        let hold = try #require(await b.hold())
        #expect(hold.reason == .rateLimited && (50...61).contains(hold.wholeSeconds) && hold.otherProcesses == 1, "\(hold)")
        await #expect(throws: JetEmailError.self) { _ = try await b.admit(.interactive, whileHeld: .fails) }
        guard case .wait(let wait) = await b.tryAdmit(.background) else { Issue.record("a slot during the hold"); return }
        #expect(wait.reason == .rateLimited)
    }

    /// Which of two waiting processes goes first is the window's arithmetic (AccountWindowTests:
    /// background work lets a person elsewhere go first); here, that a person's wait reaches the
    /// ledger, where the other processes see it, at once, and leaves it with the request.
    @Test func aPersonsWaitIsInTheLedgerForTheOtherProcessesAndLeavesWithIt() async throws {
        let dir = TemporaryDirectory()
        let b = pacer(202, ledger: FileBudgetLedger(path: dir.path + "/l"), limit: 2, window: 60)
        for _ in 0..<2 { await b.finished(try await b.admit(.interactive)) }
        let says = { (line: String) in (try? String(contentsOfFile: dir.path + "/l", encoding: .utf8))?.contains(line) ?? false }
        let person = Task { try await b.admit(.interactive) }
        for _ in 0..<500 where !says("W 202 1") { try await Task.sleep(for: .milliseconds(20)) }
        #expect(says("W 202 1"), "the person's wait is in the ledger")
        let background = pacer(101, ledger: FileBudgetLedger(path: dir.path + "/l"), limit: 3, window: 60)
        guard case .wait(let wait) = await background.tryAdmit(.background) else { Issue.record("a slot before the person"); return }
        #expect(wait.seconds <= RequestBudget.deferral && wait.otherProcesses == 1, "the last slot is left to the person: \(wait)")
        person.cancel()
        _ = await person.result
        for _ in 0..<500 where says("W 202") { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!says("W 202"), "gone with the request")
    }

    /// Ledgers a user cannot be blamed for (or an attacker left): the program goes on with a
    /// budget of its own, says so once, never follows a link, never writes over what is not its own.
    @Test(arguments: ["symlink", "fifo", "not-a-ledger", "huge", "parent-is-a-file", "another-user"])
    func aHostileLedgerIsLeftAloneAndTheProcessGoesOnAlone(kind: String) async throws {
        let dir = TemporaryDirectory()
        var path = dir.path + "/budget.ledger"
        var untouched: (String, Data)?
        switch kind {
        case "symlink":
            let target = dir.file("target", "precious")
            symlink(target, path)
            untouched = (target, Data("precious".utf8))
        case "fifo": mkfifo(path, 0o600)
        case "not-a-ledger": untouched = (dir.file("budget.ledger", "my notes\n"), Data("my notes\n".utf8))
        case "huge":
            let big = Data((FileBudgetLedger.header + "\n" + String(repeating: "x\n", count: 600_000)).utf8)
            FileManager.default.createFile(atPath: path, contents: big)
            untouched = (path, big)
        case "parent-is-a-file": path = dir.file("plain", "") + "/budget.ledger"
        default:
            guard geteuid() == 0 else { return }
            _ = dir.file("budget.ledger", "")
            chown(path, 65534, 65534)
        }
        let warnings = Log<String>()
        let p = pacer(101, ledger: FileBudgetLedger(path: path), limit: 5, window: 60)
        await p.observe({ _ in }, warnings: { warnings.append($0) })
        let started = ContinuousClock.now
        for _ in 0..<3 { _ = try await p.admit(.interactive) }
        #expect(ContinuousClock.now - started < .seconds(1), "never blocks on it")
        let shared = await p.isShared
        #expect(!shared && warnings.items.count == 1, "\(warnings.items)")
        #expect(warnings.items.first?.contains("cannot be used") == true)
        if let (file, bytes) = untouched { #expect(FileManager.default.contents(atPath: file) == bytes, "left as it was") }
        let free = await p.secondsUntilFree(.interactive), three = await p.secondsUntil(3, priority: .interactive)
        #expect(free == 0 && three > 50, "its own budget still counts what it sent")
    }

    @Test func aTornLineIsSkippedAndTheLedgerWrittenCleanAgain() async throws {
        let dir = TemporaryDirectory()
        let now = BudgetClock.now()
        let path = dir.file("l", FileBudgetLedger.header + "\nS 77 0 \(LedgerText.time(now - 1)) 0\n9 1 \(Int(now))\nS 77 1 \(LedgerText.time(now)) 0\nS 7")
        let p = pacer(101, ledger: FileBudgetLedger(path: path), limit: 3, window: 60)
        #expect(await p.otherProcesses() == 1)
        _ = try await p.admit(.interactive)
        let free = await p.secondsUntilFree(.interactive)
        #expect(free > 50, "the two whole lines count: the window is full")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4 && lines.dropFirst().allSatisfy { $0.hasPrefix("S ") }, "\(lines)")
        let shared = await p.isShared
        #expect(shared)
    }

    /// Another process holds the ledger's lock: one Python process (no child of its own, so that
    /// killing it releases the lock) that takes `flock` and sleeps.
    func holdLock(_ path: String) throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); time.sleep(600)", path]
        // Not the test's output: a holder alive past its test would keep the runner's pipes open.
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        // Held once a try to take it fails.
        for _ in 0..<100 where holder.isRunning {
            let fd = open(path, O_RDWR)
            defer { close(fd) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 { return holder }
            flock(fd, LOCK_UN)
            usleep(20_000)
        }
        return holder
    }

    @Test func aProcessKilledWhileItHoldsTheLockLeavesTheLedgerUsable() async throws {
        let dir = TemporaryDirectory()
        let path = dir.file("l", "")
        let holder = try holdLock(path)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let p = pacer(101, ledger: FileBudgetLedger(path: path))
        let started = ContinuousClock.now
        _ = try await p.admit(.interactive)
        let shared = await p.isShared
        #expect(ContinuousClock.now - started < .seconds(1) && shared, "the lock went with the process")
    }

    @Test func aLockHeldPastTheDeadlineIsLeftForABudgetOfItsOwn() async throws {
        let dir = TemporaryDirectory()
        let path = dir.file("l", "")
        let holder = try holdLock(path)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let warnings = Log<String>()
        let p = pacer(101, ledger: FileBudgetLedger(path: path))
        await p.observe({ _ in }, warnings: { warnings.append($0) })
        let started = ContinuousClock.now
        _ = try await p.admit(.interactive)
        // No upper bound here: a loaded test machine may be slow to wake the retries (the
        // holder keeps the lock for ten minutes, so only the deadline can have let it through).
        let waited = ContinuousClock.now - started
        #expect(waited >= .seconds(RequestPacer.lockDeadline), "\(waited)")
        #expect(warnings.items.first?.contains("locked by another process") == true, "\(warnings.items)")
    }

    @Test func retryAfterZeroWaitsAtLeastAFewSecondsLongerEachTimeThenGivesUp() async throws {
        let clock = Mutex(1000.0)
        let p = RequestPacer(limit: 200, window: 60, ledger: LocalBudgetLedger(), process: 101, clock: { clock.withLock { $0 } })
        var waits: [Int] = []
        while let wait = await p.refused(retryAfter: 0) {
            waits.append(wait)
            #expect(await p.refused(retryAfter: 0) == wait, "a 429 to a request sent before the hold is the same refusal")
            clock.withLock { $0 += Double(wait) + 0.1 }
        }
        #expect(waits.first == RateLimitBackoff.floorSeconds && zip(waits, waits.dropFirst()).allSatisfy { $0 < $1 }, "\(waits)")
        #expect(waits.count == RateLimitBackoff.maxStrikes, "a bounded number of tries")
        let gaveUp = await p.gaveUp
        #expect(gaveUp)
        await #expect(throws: JetEmailError.self) { _ = try await p.admit(.background) }
        await p.answered()
        let again = await p.gaveUp
        #expect(!again, "an answer starts it over")
    }
}

/// The shared window's arithmetic and its text, without files or time.
@Suite struct AccountWindowTests {
    @Test func pruningDropsWhatNoLongerCounts() {
        var w = AccountWindow(slots: [.init(process: 1, ticket: 0, at: 0), .init(process: 2, ticket: 0, at: 50), .init(process: 3, ticket: 0, at: 500)],
                              waiting: [.init(process: 4, priority: .interactive, since: 55), .init(process: 5, priority: .background, since: 55)],
                              hold: .init(until: 59, seconds: 5, process: 2))
        w.prune(now: 61, window: 60, isAlive: { $0 != 5 })
        #expect(w.slots.map(\.process) == [2], "left the window (1), in the future (3)")
        #expect(w.waiting.map(\.process) == [4], "a dead waiter goes")
        #expect(w.hold == nil && w.others(than: 2) == 1 && w.personWaits(besides: 2))
    }

    @Test func aHoldStopsEveryPriorityAndAPersonElsewhereGoesFirst() {
        var budget = RequestBudget(limit: 20, window: 60, shared: AccountWindow(hold: .init(until: 10, seconds: 10, process: 9)), process: 1)
        #expect(budget.take(.interactive, now: 5, ticket: 0) == .held(5))
        budget.shared.hold = nil
        budget.shared.setWaiting(2, .interactive, now: 5)
        for k in 0..<19 { #expect(budget.take(.background, now: 5, ticket: k) == .go, "the reserve keeps room for the person") }
        var small = RequestBudget(limit: 3, window: 60, process: 1)
        for k in 0..<2 { #expect(small.take(.background, now: 5, ticket: k) == .go) }
        small.shared.setWaiting(2, .interactive, now: 5)
        #expect(small.take(.background, now: 5, ticket: 2) == .wait(RequestBudget.deferral), "no reserve: the person in process 2 first")
        #expect(small.take(.interactive, now: 5, ticket: 2) == .go)
    }

    @Test func theLedgerTextReadsBackAndSkipsWhatIsNotALine() {
        let w = AccountWindow(slots: [.init(process: 12, ticket: 3, at: 1234.5)], waiting: [.init(process: 13, priority: .interactive, since: 1000)],
                              hold: .init(until: 1300.25, seconds: 60, process: 12))
        let text = LedgerText.render(w)
        #expect(LedgerText.parse(Array(text.utf8)) == w)
        let hostile = text + "S -1 0 5 0\nS 1 0 nan 0\nS 1 0 1e300 0\nS 1 0 5 2\nS 1 0 5\nH 9 99999999 1\nW 1 7 5\n" + String(repeating: "S", count: 500) + "\nS 12 3 1234.5 0\n"
        #expect(LedgerText.parse(Array(hostile.utf8)) == w, "negative pids, nan, far times, unknown priorities, long lines and repeats are dropped")
        #expect(LedgerText.parse(Array("hello\n".utf8)) == nil && LedgerText.parse([]) == AccountWindow())
    }
}
