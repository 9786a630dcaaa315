import Glibc

/// Reads a `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110). Anything else,
/// negative numbers included, is no usable value. Never traps: a delay too large for an Int
/// is `Int.max`, and callers cap what they wait.
public enum RetryAfter {
    /// Longer than this is not counted down: the person is told to try again later.
    public static let longestWait = 3600

    /// Seconds to wait from `now` (unix seconds), or nil.
    public static func seconds(_ header: String?, now: Double) -> Int? {
        guard let header else { return nil }
        let text = header.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return Int(text) ?? Int.max }
        guard let date = httpDate(text) else { return nil }
        let delta = date - now
        return delta <= 0 ? 0 : delta >= Double(Int.max) ? Int.max : Int(delta.rounded(.up))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
    /// or asctime (`Sun Nov  6 08:49:37 1994`), as unix seconds.
    static func httpDate(_ text: String) -> Double? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map { String($0).lowercased() }
        var day: Int?, month: Int?, year: Int?, time: [Int]?
        for word in words.dropFirst() {
            if let m = months.firstIndex(of: word) { month = m; continue }
            let parts = word.split(separator: ":")
            if parts.count == 3 { time = parts.compactMap { Int($0) }; continue }
            if word == "gmt" || word == "utc" { continue }
            // The first number is the day, the second the year (two digits in RFC 850).
            guard let n = Int(word) else { return nil }
            if day == nil { day = n } else if year == nil { year = n < 100 ? (n < 70 ? 2000 + n : 1900 + n) : n } else { return nil }
        }
        guard let day, (1...31).contains(day), let month, let year, let time, time.count == 3, (1970...9999).contains(year),
              time[0] < 24, time[1] < 60, time[2] <= 60 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(time[0])
        parts.tm_min = Int32(time[1])
        parts.tm_sec = Int32(time[2])
        return Double(timegm(&parts))
    }
}
