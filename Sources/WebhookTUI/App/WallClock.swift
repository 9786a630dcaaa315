import JetEmailClient

/// Wall-clock time for dates on screen: the shell reads the clock and the local UTC offset at
/// start; the core adds the seconds since (`now`). Pure formatting, no time zone database.
public struct WallClock: Sendable, Equatable {
    /// Unix seconds when `now` was 0.
    public var epochAtStart: Double
    /// Seconds east of UTC, for local times.
    public var utcOffset: Int

    public init(epochAtStart: Double = 0, utcOffset: Int = 0) {
        self.epochAtStart = epochAtStart
        self.utcOffset = utcOffset
    }

    /// The times that can be shown: years 1 to 9999. A server's number outside them (or at the
    /// edges of Int) is shown as `?`, never computed with.
    public static let showable = -62_135_596_800...253_402_300_799

    /// A time's local parts as text: `2026-11-27`, `14`, `05`, `09`, `+01:00`; nil outside `showable`.
    private func parts(_ unix: Int) -> (date: String, hour: String, minute: String, second: String, offset: String)? {
        guard Self.showable.contains(unix), abs(utcOffset) <= 86_400 else { return nil }
        let t = unix + utcOffset
        let days = Int((Double(t) / 86_400).rounded(.down))
        let seconds = t - days * 86_400
        let (y, m, d) = Self.civil(days)
        let offset = abs(utcOffset)
        return ("\(y)-\(Self.two(m))-\(Self.two(d))", Self.two(seconds / 3600), Self.two(seconds % 3600 / 60), Self.two(seconds % 60),
                (utcOffset < 0 ? "-" : "+") + "\(Self.two(offset / 3600)):\(Self.two(offset % 3600 / 60))")
    }

    /// `2026-11-27 14:05 +01:00`, or `?` for a time outside `showable`.
    public func local(_ unix: Int) -> String {
        guard let p = parts(unix) else { return "?" }
        return "\(p.date) \(p.hour):\(p.minute) \(p.offset)"
    }

    /// `2026-11-27T14:05:09+01:00`: exact to the second, and a time every prompt and `--since`
    /// reads back (`?` outside `showable`).
    public func iso(_ unix: Int) -> String {
        guard let p = parts(unix) else { return "?" }
        return "\(p.date)T\(p.hour):\(p.minute):\(p.second)\(p.offset)"
    }

    /// `16:01` for a time in the last 20 hours before `now` (unix seconds), else `2026-11-27 16:01`:
    /// short where a short time cannot be mistaken.
    public func shortTime(_ unix: Int, now: Int) -> String {
        guard let p = parts(unix) else { return "?" }
        let time = "\(p.hour):\(p.minute)"
        return now >= unix && now - unix < 20 * 3_600 ? time : "\(p.date) \(time)"
    }

    /// `3 days ago`, `in 5 min`, `just now`.
    public func relative(_ unix: Int, now: Double) -> String {
        let current = epochAtStart + now
        guard Self.showable.contains(unix), current.isFinite, abs(current) < 1e15 else { return "?" }
        let delta = Int(current) - unix
        let span = abs(delta)
        let text: String
        switch span {
        case ..<60: return "just now"
        case ..<3_600: text = "\(span / 60) min"
        case ..<86_400: text = "\(span / 3_600) h"
        case ..<(86_400 * 60): text = "\(span / 86_400) day\(span / 86_400 == 1 ? "" : "s")"
        case ..<(86_400 * 730): text = "\(span / (86_400 * 30)) months"
        default: text = "\(span / (86_400 * 365)) years"
        }
        return delta >= 0 ? text + " ago" : "in " + text
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Days since 1970-01-01 to a date.
    static func civil(_ days: Int) -> (Int, Int, Int) { TimeText.civil(days: days) }

    /// `2026-11-27 14:05 +01:00 (3 days ago)`; a number no calendar shows is shown as it came.
    public func described(_ unix: Int, now: Double) -> String {
        let shown = local(unix)
        return shown == "?" ? "\(unix) (not a time that can be shown)" : "\(shown) (\(relative(unix, now: now)))"
    }
}
