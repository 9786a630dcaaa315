/// A point in time as people write it: unix seconds (`1764250000`), ISO 8601 (`2026-11-27`,
/// `2026-11-27T14:00`, `2026-11-27T14:00:00Z`, `…+01:00`; without a zone, local time), a time
/// of day (`14:00`: today, or yesterday when today's is still to come; `yesterday 14:00`,
/// `today 9:30`), or a time ago (`90s`, `90m`, `6h`, `2d`, `1w`). The one parser of every verb
/// and every prompt of the TUI. Pure: `now` and the local UTC offset are given.
public enum TimeText {
    /// What prompts and messages offer as examples: each one parses (a test holds them to it).
    public static let examples = ["2h", "30m", "1d", "14:00", "yesterday 14:00", "2026-11-27T14:00", "1764250000"]

    /// The examples as a sentence's end: "2h, 30m, … or unix seconds".
    public static var examplesText: String {
        examples.dropLast().joined(separator: ", ") + " or unix seconds"
    }

    public static func parse(_ text: String, now: Int, utcOffset: Int) -> Int? {
        let t = text.trimmingCharacters(in: " ").lowercased()
        guard !t.isEmpty, t.utf8.count <= 64 else { return nil }
        if t.allSatisfy(\.isASCIIDigit) { return Int(t) }
        if let at = timeOfDay(t, now: now, utcOffset: utcOffset) { return at }
        if let unit = t.last, let count = Int(t.dropLast()), count >= 0, let seconds = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800][unit] {
            let (product, overflow) = count.multipliedReportingOverflow(by: seconds)
            return overflow ? nil : now - product
        }
        return iso8601(t, utcOffset: utcOffset)
    }

    /// `HH:MM[:SS]` (today, or yesterday when that is still to come), `today HH:MM`,
    /// `yesterday HH:MM`, in the local zone.
    static func timeOfDay(_ t: String, now: Int, utcOffset: Int) -> Int? {
        var rest = Substring(t)
        var day: Int?
        for (word, back) in [("yesterday", 1), ("today", 0)] where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            guard rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
            day = back
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60, parts[1].count == 2 else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard second < 60, parts.count < 3 || parts[2].count == 2 else { return nil }
        // Midnight of today, local: whole days of local time, back to UTC.
        let (localNow, overflow) = now.addingReportingOverflow(utcOffset)
        guard !overflow else { return nil }
        let midnight = localNow - ((localNow % 86_400) + 86_400) % 86_400 - utcOffset
        let today = midnight + hour * 3_600 + minute * 60 + second
        if let day { return today - day * 86_400 }
        return today > now ? today - 86_400 : today
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS][Z|±HH[:]MM]]`.
    static func iso8601(_ t: String, utcOffset: Int) -> Int? {
        let chars = Array(t)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count, chars[from..<from + count].allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(String(chars[from..<from + count]))
        }
        guard let year = number(0, 4), chars.count >= 10, chars[4] == "-", chars[7] == "-",
              let month = number(5, 2), let day = number(8, 2), (1...12).contains(month), (1...daysIn(month, year)).contains(day) else { return nil }
        var seconds = days(year: year, month: month, day: day) * 86_400
        var i = 10
        var offset = utcOffset
        if i < chars.count {
            guard chars[i] == "t" || chars[i] == " ", let hour = number(i + 1, 2), i + 3 < chars.count, chars[i + 3] == ":",
                  let minute = number(i + 4, 2), hour < 24, minute < 60 else { return nil }
            seconds += hour * 3_600 + minute * 60
            i += 6
            if i < chars.count, chars[i] == ":" {
                guard let second = number(i + 1, 2), second < 61 else { return nil }
                seconds += second
                i += 3
            }
            if i < chars.count {
                if chars[i] == "z" {
                    offset = 0
                    i += 1
                } else if chars[i] == "+" || chars[i] == "-" {
                    guard let oh = number(i + 1, 2) else { return nil }
                    var j = i + 3
                    if j < chars.count, chars[j] == ":" { j += 1 }
                    // Real offsets are within ±14:00 (and ±23:59 is the most ISO 8601 can write).
                    guard let om = number(j, 2), oh <= 23, om <= 59 else { return nil }
                    offset = (chars[i] == "-" ? -1 : 1) * (oh * 3_600 + om * 60)
                    i = j + 2
                }
            }
        }
        guard i == chars.count else { return nil }
        return seconds - offset
    }

    /// Days in a month of the Gregorian calendar: 2026-02-30 is no date.
    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day counted from 1970-01-01 (Howard Hinnant's civil_from_days): the
    /// inverse of `days(year:month:day:)`.
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}


private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
