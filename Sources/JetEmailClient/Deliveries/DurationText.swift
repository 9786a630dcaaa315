/// `45 s`, `2 min`, `1 h 5 min`: how long, in a few characters.
public enum DurationText {
    public static func words(_ seconds: Int) -> String {
        seconds < 90 ? "\(max(0, seconds)) s" : seconds < 3600 ? "\((seconds + 59) / 60) min" : "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }
}
