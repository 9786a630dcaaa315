/// `45 s`, `2 min`, `1 h 5 min`: how long, in a few characters.
public enum DurationText {
    public static func words(_ seconds: Int) -> String {
        seconds < 90 ? "\(max(0, seconds)) s" : seconds < 3600 ? "\((seconds + 59) / 60) min" : "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }
}

extension DurationText {
    /// The longest duration a command takes (`--delete-after`): a year.
    public static let longest = 366 * 86_400

    /// Seconds from `90`, `90s`, `30m`, `24h`, `7d` or parts run together (`1h30m`); nil for
    /// anything else, or past `longest` (never an overflow, whatever the digits).
    public static func seconds(_ text: String) -> Int? {
        let text = text.lowercased()
        guard !text.isEmpty, text.utf8.count <= 32 else { return nil }
        var total = 0, digits = "", sawUnit = false
        for c in text {
            if c.isASCII, c.isNumber { digits.append(c); continue }
            let unit: Int? = switch c { case "s": 1; case "m": 60; case "h": 3600; case "d": 86_400; default: nil }
            guard let unit, let n = Int(digits), n <= longest else { return nil }
            total += n * unit
            guard total <= longest else { return nil }
            digits = ""; sawUnit = true
        }
        if !digits.isEmpty {
            guard !sawUnit, let n = Int(digits), n <= longest else { return nil }
            total = n
        }
        return total
    }
}

extension DurationText {
    /// `23:59:58` or `4:05` for a countdown.
    public static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let mm = s % 3600 / 60, ss = s % 60
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(mm)):\(two(ss))" : "\(mm):\(two(ss))"
    }
}
