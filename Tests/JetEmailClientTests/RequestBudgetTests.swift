import Foundation
import Synchronization
import Testing
import TestSupport
@testable import JetEmailClient
import JetEmailHTTP

/// The request budget: every call of a process passes one pacer, which never lets a sliding
/// window overflow, and lets what a person waits for through before background calls.
@Suite struct RequestBudgetTests {
    @Test func theWindowSlides() {
        var budget = RequestBudget(limit: 3, window: 10)
        for t in [0.0, 1, 2] {
            #expect(budget.nextSlot(now: t) == t)
            budget.record(t)
        }
        #expect(budget.nextSlot(now: 3) == 10, "the fourth waits until the first leaves the window")
        budget.record(10)
        #expect(budget.nextSlot(now: 10) == 11)
    }

    @Test func backgroundRequestsLeaveATwentiethOfTheWindowToThePerson() async throws {
        // A recover filling the window made every key the person pressed wait up to a minute.
        #expect(RequestBudget(limit: 200).reserve == 10 && RequestBudget(limit: 19).reserve == 0)
        let pacer = RequestPacer(limit: 40, window: 60)
        for _ in 0..<38 { _ = try await pacer.admit(.background) }
        #expect(await pacer.secondsUntilFree(.background) > 55, "the 39th background request waits for the window")
        let started = ContinuousClock.now
        _ = try await pacer.admit(.interactive)
        _ = try await pacer.admit(.interactive)
        #expect(ContinuousClock.now - started < .seconds(5), "two a person waits for go at once")
        #expect(await pacer.secondsUntilFree(.interactive) > 55, "and then the window is full for every request")
    }

    /// How long `count` more requests take is read off the window, not assumed even: a fresh
    /// window lets `limit` go at once and each further `limit` a window later; a full one frees
    /// slots as its requests leave it.
    @Test(arguments: [(1, 0.0), (3, 0.0), (4, 10.0), (6, 10.0), (7, 20.0), (10, 30.0)])
    func aFreshWindowTakesWholeWindowsPerLimit(count: Int, seconds: Double) {
        #expect(RequestBudget(limit: 3, window: 10).secondsUntil(count, now: 5) == seconds)
    }

    @Test func aFullWindowFreesSlotsAsItsRequestsLeaveIt() {
        var budget = RequestBudget(limit: 3, window: 10)
        for t in [0.0, 2, 4] { budget.record(t) }
        #expect(budget.secondsUntil(1, now: 5) == 5, "the first leaves at 10")
        #expect(budget.secondsUntil(3, now: 5) == 9, "the third at 14")
        #expect(budget.secondsUntil(4, now: 5) == 15, "the fourth a window after the first new one")
        #expect(budget.secondsUntil(0, now: 5) == 0)
        #expect(budget.secondsUntil(Int.max, now: 5).isFinite, "no trap on a huge count")
    }

    static let listBody = #"{"success":true,"result":[]}"#

    func client(_ base: String, pacer: RequestPacer) throws -> JetEmailClient {
        JetEmailClient(baseURL: try BaseURL(base), key: APIKey("api_secretkey1234")!,
                       transport: try AsyncHTTPTransport(options: TransportOptions(deadlineSeconds: 20)), pacer: pacer)
    }

    @Test func aBurstAndALongRunOfBackgroundCallsNeverTripTheLockout() async throws {
        // JetEmail's 240 a minute and 200 of budget, scaled down: the server locks out past 12 in
        // any 2 s; the budget is 10 in 2 s. 25 calls a person waits for and 35 in the background, at once.
        let lockout = try LockoutServer(limit: 12, window: 2) { _ in Self.listBody }
        let pacer = RequestPacer(limit: 10, window: 2)
        let interactive = try client(lockout.baseURL, pacer: pacer)
        let background = interactive.with(priority: .background)
        let order = Log<RequestPriority>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<60 {
                let c = i % 12 < 5 ? interactive : background
                group.addTask {
                    _ = try await c.listWebhooks()
                    order.append(c.priority)
                }
            }
            try await group.waitForAll()
        }
        #expect(lockout.refused == 0, "no 429: \(lockout.refused)")
        #expect(lockout.answered == 60)
        let finished = order.items
        let lastInteractive = finished.lastIndex(of: .interactive) ?? 0
        let firstBackgroundAfterTheFirstWindow = finished.dropFirst(10).firstIndex(of: .background) ?? finished.count
        #expect(lastInteractive < firstBackgroundAfterTheFirstWindow + 10, "calls a person waits for go first: \(finished)")
    }

    @Test func aWaitIsToldAndACancelledWaitLeavesAtOnce() async throws {
        let lockout = try LockoutServer(limit: 100, window: 60) { _ in Self.listBody }
        let waits = Log<Double?>()
        let pacer = RequestPacer(limit: 1, window: 30)
        await pacer.observe { wait in waits.append(wait?.seconds) }
        let c = try client(lockout.baseURL, pacer: pacer)
        _ = try await c.listWebhooks()
        let second = Task { try await c.listWebhooks() }
        try await Task.sleep(for: .milliseconds(300))
        second.cancel()
        let result = await second.result
        guard case .failure(let error as JetEmailError) = result, error == .cancelled else { Issue.record("\(result)"); return }
        #expect(lockout.answered == 1, "the second was never sent")
        let told = waits.items
        #expect(told.first??.isLess(than: 31) == true && told.last == .some(nil), "the wait was told, then its end: \(told)")
    }
}

/// Items appended from many tasks.
final class Log<Item: Sendable>: Sendable {
    private let store = Mutex<[Item]>([])
    func append(_ item: Item) { store.withLock { $0.append(item) } }
    var items: [Item] { store.withLock { $0 } }
}
