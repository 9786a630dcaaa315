import Glibc
import WebhookTUI

enum SystemClock {
    /// The wall clock now and the local UTC offset.
    static func wallClock() -> WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        return WallClock(epochAtStart: Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9, utcOffset: parts.tm_gmtoff)
    }

    static var unixNow: Int { Int(wallClock().epochAtStart) }
}
