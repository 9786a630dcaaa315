import Testing
@testable import JetEmailClient

/// The one time parser of the verbs and the TUI, with a fixed "now" and zone.
@Suite struct TimeTextTests {
    /// 2026-12-07 10:30:00 UTC.
    let now = 1_796_639_400
    func parse(_ text: String, offset: Int = 0) -> Int? { TimeText.parse(text, now: now, utcOffset: offset) }

    @Test func aTimeOfDayIsTodayOrYesterdayWhenStillToCome() {
        let midnight = 1_796_601_600  // 2026-12-07 00:00 UTC
        #expect(parse("09:15") == midnight + 9 * 3_600 + 15 * 60)
        #expect(parse("9:15") == midnight + 9 * 3_600 + 15 * 60)
        #expect(parse("14:00") == midnight - 86_400 + 14 * 3_600, "14:00 is still to come today: yesterday's")
        #expect(parse("10:30") == now)
        #expect(parse("09:15:30") == midnight + 9 * 3_600 + 15 * 60 + 30)
        #expect(parse("yesterday 09:15") == midnight - 86_400 + 9 * 3_600 + 15 * 60)
        #expect(parse("Yesterday  14:00") == midnight - 86_400 + 14 * 3_600)
        #expect(parse("today 14:00") == midnight + 14 * 3_600, "said today, meant today, even if to come")
    }

    @Test func aTimeOfDayIsLocal() {
        // At UTC+2 it is 12:30 on 2026-12-07: 14:00 local is yesterday's, 12:00 UTC.
        #expect(parse("14:00", offset: 7_200) == 1_796_601_600 - 86_400 + 12 * 3_600)
        // At UTC-11 it is 23:30 on 2026-12-06: 14:00 local is 2026-12-07 01:00 UTC.
        #expect(parse("14:00", offset: -39_600) == 1_796_601_600 + 3_600)
    }

    @Test func theOtherFormsStillParse() {
        #expect(parse("2h") == now - 7_200)
        #expect(parse("90m") == now - 5_400)
        #expect(parse("2d") == now - 172_800)
        #expect(parse("1764250000") == 1_764_250_000)
        #expect(parse("2026-11-27T14:00Z") == 1_795_788_000)
        #expect(parse("2026-11-27t14:00z") == 1_795_788_000)
        #expect(parse("2026-11-27T14:00+01:00") == 1_795_788_000 - 3_600)
        #expect(parse("2026-11-27 14:00", offset: 3_600) == 1_795_788_000 - 3_600)
    }

    @Test func notTimes() {
        for text in ["", "3h16:00", "24:00", "12:60", "12:5", "12:", ":30", "yesterday", "yesterday 25:00", "tomorrow 14:00",
                     "14:00:61", "14:00:5", "todays 14:00", String(repeating: "1", count: 80), "2026-02-30"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }

    @Test func everyExampleShownParses() {
        for example in TimeText.examples { #expect(parse(example) != nil, "\(example)") }
        #expect(TimeText.examplesText.contains("14:00"))
    }
}
