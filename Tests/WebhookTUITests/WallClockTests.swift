import Testing
@testable import WebhookTUI

/// Issue 17 item 2: times at the edges of Int (`created_at: "9223372036854775807"`) trapped in
/// the log, the query table, an event's and a webhook's details; where the UTC offset is
/// positive (Asia/Tokyo) only the largest did.
@Suite struct WallClockTests {
    @Test(arguments: [Int.min, Int.max, Int.min + 1, Int.max - 1, -62_135_596_801, 253_402_300_800])
    func aTimeNoCalendarShowsIsAQuestionMarkNeverATrap(_ unix: Int) {
        for offset in [0, 32_400, -36_000] {
            let clock = WallClock(epochAtStart: 1_800_000_000, utcOffset: offset)
            #expect(clock.local(unix) == "?")
            #expect(clock.relative(unix, now: 5) == "?")
        }
    }

    @Test func ordinaryTimesStillShow() {
        let tokyo = WallClock(epochAtStart: 1_800_000_000, utcOffset: 32_400)
        #expect(tokyo.local(0) == "1970-01-01 09:00 +09:00")
        #expect(tokyo.local(253_402_300_799 - 32_400) == "9999-12-31 23:59 +09:00")
        #expect(tokyo.relative(1_800_000_000 - 7_200, now: 0) == "2 h ago")
    }
}
