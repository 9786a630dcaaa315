/// An HTTP date as unix seconds, in the three forms RFC 9110 says a recipient accepts:
/// IMF-fixdate (`Sun, 06 Dec 2026 02:10:00 GMT`), RFC 850 (`Sunday, 06-Dec-26 02:10:00 GMT`)
/// and asctime (`Sun Dec  6 02:10:00 2026`); nil for anything else (the header is untrusted).
/// For `doctor`'s clock check and `Retry-After`.
public enum HTTPDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func parse(_ text: String) -> Int? {
        guard text.utf8.count <= 64 else { return nil }
        return fixdate(text) ?? obsolete(text)
    }

    /// RFC 850 and asctime: read word by word (a day, a month name, a year, a time).
    static func obsolete(_ text: String) -> Int? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map { String($0).lowercased() }
        var day: Int?, month: Int?, year: Int?, time: [Int]?
        for word in words.dropFirst() {
            if let m = months.firstIndex(where: { $0.lowercased() == word }) { month = m + 1; continue }
            let parts = word.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 3 { time = parts.compactMap { $0.count == 2 ? Int($0) : nil }; continue }
            if word == "gmt" || word == "utc" { continue }
            // The first number is the day, the second the year (two digits in RFC 850: the
            // century whose year is not more than 50 years ahead, as RFC 9110 says).
            guard word.count <= 4, let n = Int(word), n >= 0 else { return nil }
            if day == nil { day = n } else if year == nil { year = word.count == 2 ? (n < 70 ? 2000 + n : 1900 + n) : n } else { return nil }
        }
        guard let day, let month, let year, let time, time.count == 3, (1970...9999).contains(year), (1...TimeText.daysIn(month, year)).contains(day),
              time[0] < 24, time[1] < 60, time[2] <= 60 else { return nil }
        return TimeText.days(year: year, month: month, day: day) * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
    }

    static func fixdate(_ text: String) -> Int? {
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
