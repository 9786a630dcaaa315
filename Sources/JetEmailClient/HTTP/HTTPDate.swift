/// An HTTP `Date` header (`Sun, 06 Dec 2026 02:10:00 GMT`, RFC 9110's IMF-fixdate) as unix
/// seconds, for `doctor`'s clock check; nil for anything else (the header is untrusted).
public enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func parse(_ text: String) -> Int? {
        guard text.utf8.count <= 64 else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
              let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 }) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1970...9999).contains(year), (1...TimeText.daysIn(month, year)).contains(day),
              (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2]) else { return nil }
        return TimeText.days(year: year, month: month, day: day) * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
    }

    static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// Unix seconds as an IMF-fixdate (`Sun, 06 Dec 2026 02:10:00 GMT`), for the sandbox's answers.
    public static func format(_ unix: Int) -> String {
        let t = min(max(unix, 0), 253_402_300_799)
        let days = t / 86_400, seconds = t % 86_400
        let (y, m, d) = TimeText.civil(days: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[days % 7]), \(two(d)) \(months[m - 1]) \(y) \(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60)) GMT"
    }
}
