import Testing
@testable import JetEmailClient

/// The time left of a run: what the budget's window allows, or one round trip an event left,
/// whichever is later; never a trap on odd clocks.
@Suite struct RecoverProgressTests {
    func progress(done: Int, of total: Int, trip: Double, budgetDoneAt: Double?) -> RecoverRun.Progress {
        var p = RecoverRun.Progress(total: total)
        p.done = done
        p.roundTrips = [trip]
        p.budgetDoneAt = budgetDoneAt
        return p
    }

    @Test func whileTheWindowHoldsTheRestTheWindowSaysWhen() {
        // 197 of 305 went in the first seconds; the other 108 go as those leave the window.
        let p = progress(done: 197, of: 305, trip: 0.01, budgetDoneAt: 60.5)
        #expect(p.secondsLeft(now: 3) == 58)
        var budget = RequestBudget(limit: 200)
        for _ in 0..<197 { budget.record(0.5) }
        let left = budget.secondsUntil(108, now: 3, spacing: 0.01)
        #expect(abs(left - (60.5 + 0.01 * 104 - 3)) < 1e-6, "3 free at once, then as the 197 leave: \(left)")
    }

    @Test func aSlowReceiverIsSlowerThanTheBudget() {
        // 100 left at 2 s a round trip: the budget is never what holds them.
        #expect(RequestBudget(limit: 200).secondsUntil(100, now: 0, spacing: 2) == 198)
        #expect(RecoverPlan.estimatedSeconds(count: 100, perMinute: 200, secondsEach: 2) == 200)
    }

    @Test func nothingKnownYetAndNothingLeft() {
        #expect(RecoverRun.Progress(total: 5).secondsLeft(now: 1) == nil)
        #expect(progress(done: 5, of: 5, trip: 1, budgetDoneAt: nil).secondsLeft(now: 1) == 0)
        #expect(progress(done: 0, of: 5, trip: 1, budgetDoneAt: nil).secondsLeft(now: 1) == nil)
        #expect(progress(done: 0, of: 5, trip: .infinity, budgetDoneAt: 3).secondsLeft(now: 1) == 1_000_000_000, "at most a bound")
        #expect(progress(done: 0, of: 5, trip: .nan, budgetDoneAt: 3).secondsLeft(now: 1) == nil)
        #expect(progress(done: 0, of: Int.max, trip: 1e300, budgetDoneAt: 1e308).secondsLeft(now: -1e308) == 1_000_000_000)
    }

    @Test func theEstimateOfAPlanUsesTheWindow() {
        // A run may fill 190 of the 200 (10 are kept for the person): 190 in the first 47.5 s (a
        // round trip each), the 191st when the first leaves the window, 60 s after it.
        #expect(RecoverPlan.estimatedSeconds(count: 305, perMinute: 200) == 89)
        #expect(RecoverPlan.estimatedSeconds(count: 1000, perMinute: 200) == 313)
        #expect(RecoverPlan.estimatedSeconds(count: 5, perMinute: 10) == 2, "no reserve in a budget under 20")
        #expect(RecoverPlan.estimatedSeconds(count: 0, perMinute: 200) == 0)
    }

    @Test func countsAreRankedLargestFirstAndEqualOnesByNameOnEveryRun() {
        // Five types of 60 each: in a dictionary's own order they came out differently each run.
        let counts = ["inbound.spam": 60, "outbound.queued": 60, "inbound.blocked": 60, "inbound.received": 61, "inbound.delivered": 60]
        #expect(RecoverPlan.ranked(counts).map(\.key) == ["inbound.received", "inbound.blocked", "inbound.delivered", "inbound.spam", "outbound.queued"])
        #expect(RecoverPlan.ranked(["504": 75, "none": 75, "502": 75, "503": 80]).map { "\($0.key) \($0.count)" } == ["503 80", "502 75", "504 75", "none 75"])
    }
}
