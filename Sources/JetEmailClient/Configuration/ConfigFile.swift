/// The official `jetemail` CLI's config file: TOML with `current_profile = "name"` and
/// `[profiles.name]` tables holding `api_key = "api_..."`. The whole file is read as TOML 1.0
/// (`TOMLReader`): every kind of string, with escapes; comments; CRLF; a byte-order mark; other
/// values, arrays and inline tables over several lines are read and passed over. Anything that
/// is not TOML is reported with its line, never skipped in silence.
public struct ConfigFile: Sendable, Equatable {
    public var currentProfile: String?
    /// profile name -> key -> string value
    public var profiles: [String: [String: String]]
    /// `max_rate = N` (requests a minute), at the top or in a profile: this program's request
    /// budget (the official CLI ignores it). Profile name -> value; "" for the top level.
    public var maxRates: [String: Int] = [:]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> ConfigFile {
        var file = ConfigFile(currentProfile: nil, profiles: [:])
        try TOMLReader.read(text) { (path: [String], value: TOMLReader.Value, line: Int) throws(ParseError) in
            if path == ["max_rate"] || (path.count == 3 && path[0] == "profiles" && path[2] == "max_rate") {
                guard case .scalar(let number) = value, let rate = Int(number), RequestBudget.rates.contains(rate) else {
                    throw ParseError(line: line, reason: "max_rate must be a whole number of requests a minute, \(RequestBudget.rates.lowerBound)-\(RequestBudget.rates.upperBound)")
                }
                file.maxRates[path.count == 3 ? path[1] : ""] = rate
                return
            }
            let wanted = path == ["current_profile"] || (path.count == 3 && path[0] == "profiles" && path[2] == "api_key")
            guard case .string(let text) = value else {
                if wanted { throw ParseError(line: line, reason: "\(path.last!) must be a string in quotes") }
                return
            }
            if path == ["current_profile"] {
                file.currentProfile = text
            } else if path.count == 3, path[0] == "profiles" {
                file.profiles[path[1], default: [:]][path[2]] = text
            }
        }
        return file
    }

    /// The request budget for a profile (its own `max_rate`, else the top level's), if set.
    public func maxRate(profile: String?) -> Int? {
        maxRates[profile ?? currentProfile ?? "default"] ?? maxRates[""]
    }

    /// The API key of a profile: the one named, else `current_profile`, else `default`.
    public func apiKey(profile: String?) -> (profile: String, key: String)? {
        let name = profile ?? currentProfile ?? "default"
        guard let key = profiles[name]?["api_key"] else { return nil }
        return (name, key)
    }
}
