/// A file of webhooks (`webhooks.toml`), as `export` writes it and `plan`/`apply` read it: one
/// `[[webhook]]` table each, with `name`, `url`, `events`, `status`, `filter_users` and
/// `filter_domains`. Read as untrusted input: bounded, every key known, every value of its
/// type, each problem tied to its line.
public struct WebhookFile: Sendable, Equatable {
    /// One `[[webhook]]` table as written.
    public struct Entry: Sendable, Equatable {
        /// The line of its `[[webhook]]`.
        public var line: Int
        public var name: String?
        public var url: String?
        public var events: [String]?
        /// 1 or 0 (written `"enabled"`/`"disabled"`, `true`/`false` or 1/0); enabled when left out.
        public var status: Int?
        public var filterUsers: [String]?
        public var filterDomains: [String]?
        /// Where each key was written.
        public var lines: [String: Int] = [:]

        public func line(of field: WebhookField) -> Int { lines[field.apiName] ?? line }
    }

    /// A problem, tied to a line: `webhooks.toml:14: events: …`.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var field: String?
        public var message: String
        public init(path: String, line: Int, field: String? = nil, message: String) {
            self.path = path; self.line = line; self.field = field; self.message = message
        }
        public var description: String { "\(path):\(line): " + (field.map { "\($0): " } ?? "") + message }
    }

    public var path: String
    public var entries: [Entry]

    /// A file read, or why not.
    public enum Checked: Sendable, Equatable {
        case file(WebhookFile)
        case problems([Problem])
    }

    /// The largest file read: thousands of webhooks fit in far less.
    public static let sizeLimit = 1 << 20
    static let keys: Set<String> = ["name", "url", "events", "status", "filter_users", "filter_domains"]

    /// The file's webhooks, or every problem found (a TOML error stops the reading at its line).
    public static func parse(_ bytes: [UInt8], path: String) -> Checked {
        guard bytes.count <= sizeLimit else {
            return .problems([Problem(path: path, line: 1, message: "the file is larger than \(sizeLimit >> 10) KiB: not a file of webhooks")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .problems([Problem(path: path, line: 1, message: "the file is not UTF-8 text")])
        }
        var entries: [Entry] = []
        var problems: [Problem] = []
        var inWebhook = false
        do throws(ConfigFile.ParseError) {
            try TOMLReader.read(text, header: { table, isArray, line throws(ConfigFile.ParseError) in
                guard table == ["webhook"] else {
                    problems.append(Problem(path: path, line: line, message: "unknown table [\(table.joined(separator: "."))]: only [[webhook]] tables belong here"))
                    inWebhook = false
                    return
                }
                guard isArray else {
                    problems.append(Problem(path: path, line: line, message: "write [[webhook]] (with two brackets): one table for each webhook"))
                    inWebhook = false
                    return
                }
                inWebhook = true
                entries.append(Entry(line: line))
            }) { key, value, line throws(ConfigFile.ParseError) in
                guard inWebhook, key.count == 3, key[0] == "webhook", key[1] == "[]", var entry = entries.last else {
                    if key.first != "webhook" || key.count < 3 {
                        problems.append(Problem(path: path, line: line, message: "\(key.joined(separator: ".")) is outside a [[webhook]] table"))
                    } else {
                        problems.append(Problem(path: path, line: line, message: "unknown key \(key.dropFirst(2).joined(separator: "."))"))
                    }
                    return
                }
                let name = key[2]
                guard keys.contains(name) else {
                    problems.append(Problem(path: path, line: line, message: "unknown key \(name) (a webhook has \(keys.sorted().joined(separator: ", ")))"))
                    return
                }
                if let first = entry.lines[name] {
                    problems.append(Problem(path: path, line: line, field: name, message: "written twice in one table (first at line \(first))"))
                    return
                }
                entry.lines[name] = line
                if let problem = set(name, value, in: &entry) { problems.append(Problem(path: path, line: line, field: name, message: problem)) }
                entries[entries.count - 1] = entry
            }
        } catch {
            return .problems(problems + [Problem(path: path, line: error.line, message: error.reason)])
        }
        return problems.isEmpty ? .file(WebhookFile(path: path, entries: entries)) : .problems(problems)
    }

    /// Sets one key's value, or says why it is not of its type.
    private static func set(_ key: String, _ value: TOMLReader.Value, in entry: inout Entry) -> String? {
        switch (key, value) {
        case ("name", .string(let text)): entry.name = text
        case ("url", .string(let text)): entry.url = text
        case ("events", .strings(let list)): entry.events = list
        case ("filter_users", .strings(let list)): entry.filterUsers = list
        case ("filter_domains", .strings(let list)): entry.filterDomains = list
        case ("status", .string(let word)):
            guard let status = WebhookStatus(json: .string(word)) else { return "\"\(word)\" is not a status: write \"enabled\" or \"disabled\"" }
            entry.status = status.rawValue
        case ("status", .scalar(let token)):
            switch token {
            case "1", "true": entry.status = 1
            case "0", "false": entry.status = 0
            default: return "\(token) is not a status: write \"enabled\" or \"disabled\""
            }
        case ("name", _), ("url", _): return "must be a string in quotes"
        default: return "must be a list of strings, such as [\"a\", \"b\"] ([] for none)"
        }
        return nil
    }
}
