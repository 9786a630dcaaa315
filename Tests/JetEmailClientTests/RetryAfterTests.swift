import Testing
@testable import JetEmailClient

/// Retry-After in every shape a server may send (issue 9, items 1 and 19).
@Suite struct RetryAfterTests {
    let now = 784_111_777.0  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test(arguments: [
        ("120", 120), ("0", 0), (" 7 ", 7), ("9223372036854775807", Int.max), ("92233720368547758079999", Int.max),
        ("Sun, 06 Nov 1994 08:51:37 GMT", 120), ("Sunday, 06-Nov-94 08:50:37 GMT", 60), ("Sun Nov  6 08:52:37 1994", 180),
        ("Sun, 06 Nov 1994 08:00:00 GMT", 0),
    ])
    func readable(_ header: String, _ seconds: Int) {
        #expect(RetryAfter.seconds(header, now: now) == seconds)
    }

    @Test(arguments: ["-5", "soon", "", "1.5", "Sun, 32 Nov 1994 08:51:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT", "\u{1B}[2J"])
    func unreadable(_ header: String) {
        #expect(RetryAfter.seconds(header, now: now) == nil)
    }

    @Test func messagesNeverCountDownDays() {
        #expect(JetEmailError.rateLimited(retryAfter: 999_999, message: "").message == "Rate limited by the API for more than an hour: try again later.")
        #expect(JetEmailError.rateLimited(retryAfter: 0, message: "").message.contains("try again in a moment"))
        #expect(JetEmailError.rateLimited(retryAfter: 45, message: "").message.contains("wait 45 s"))
        #expect(JetEmailError.rateLimited(retryAfter: nil, message: "").message.contains("a few minutes"))
    }

    @Test func aDateIsReadAgainstTheClockGiven() {
        let r = ResponseInterpreter.error(for: APIResponse(status: 429, headers: ["Retry-After": "Sun, 06 Nov 1994 08:51:37 GMT"], body: []), now: now)
        #expect(r == .rateLimited(retryAfter: 120, message: "429 Too Many Requests"))
    }
}
