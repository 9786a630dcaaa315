import Glibc

/// The budget's clock: seconds since the machine booted (CLOCK_BOOTTIME), the same in every
/// process, never stepped by NTP or a changed date, and going on through a suspend. A ledger
/// written before a reboot holds times from another boot: those in the future are dropped and
/// those in the past only make a window look fuller than it is.
public enum BudgetClock {
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_BOOTTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
