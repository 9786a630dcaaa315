import FoundationEssentials
import Glibc

/// A journal as read back: the plan, and what became of each event. Read as untrusted input
/// (a file anyone could have edited, a disk that filled mid-line): bounded in size, an id listed
/// twice kept once, a torn line taken at its most cautious meaning.
extension RecoverJournal {
    public struct State: Sendable, Equatable {
        public var path: String
        public var filter: RecoverFilter
        public var webhookName: String
        /// A recover of several webhooks: their names by uuid.
        public var webhookNames: [String: String] = [:]
        public var createdAt: Int
        /// The account it was made for; nil for a journal written before that was recorded.
        public var target: Target?
        public var events: [RecoverPlan.Event]
        public var sent: Set<String> = []
        public var results: [String: Result] = [:]
        public var details: [String: String] = [:]
        public var finished = false
        /// When it finished (unix seconds).
        public var finishedAt: Int?
        /// The latest run that took the journal: its process and when.
        public var owner: Holder?
        /// The file does not end with a whole line (a full disk, a kill mid-write).
        public var endsTorn = false
        /// When the latest requests of the journal's runs last counted (the answer's time, or the
        /// sending's when none came), unix seconds, at most `RequestBudget.rates.upperBound`: a
        /// run that goes on a moment after a kill counts them in its budget, as JetEmail does.
        public var recentRequests: [Int] = []

        /// Sent and never answered, or answered with no usable answer: may have been replayed.
        public var uncertain: [String] {
            events.map(\.ref).filter { results[$0] == .uncertain || (sent.contains($0) && results[$0] == nil) }
        }

        /// What is left to replay, oldest first (uncertain ones too when asked).
        public func remaining(retryUncertain: Bool) -> [RecoverPlan.Event] {
            let doubtful = Set(uncertain)
            return events.filter { event in
                if doubtful.contains(event.ref) { return retryUncertain }
                return results[event.ref] == nil
            }
        }

        /// How long ago (seconds, from unix `now`) its latest requests counted, two seconds
        /// younger than the journal's whole seconds say, so never older than they are.
        public func requestAges(now: Int) -> [Double] {
            recentRequests.map { max(0, Double(now) - Double($0) - 2) }
        }

        public func count(_ result: Result) -> Int { results.values.filter { $0 == result }.count }
    }

    /// The largest journal read back: a plan of 100,000 events and its lines are a few tens of MB.
    public static let readLimit = 256 << 20

    /// Bytes read whole, or nil when the file was larger than `readLimit`.
    static func parse(whole bytes: [UInt8]?, path: String) throws(Problem) -> State {
        guard let bytes else { throw Problem("\(path) is larger than \(readLimit >> 20) MiB: not a journal of this program's.") }
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(Problem) -> State {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)),
              header.journal == "jetemail-webhooks recover" else {
            throw Problem("\(path) is not a recover journal.")
        }
        // An id listed twice is one event: sent once.
        var listed = Set<String>()
        let events = header.events.filter { listed.insert($0.ref).inserted }
        var target: Target?
        if let base = header.base_url, let fingerprint = header.key_fingerprint { target = Target(baseURL: base, keyFingerprint: fingerprint) }
        var state = State(path: path, filter: header.filter, webhookName: header.webhook_name, createdAt: header.created_at, target: target, events: events)
        state.endsTorn = bytes.last != 0x0A
        state.webhookNames = header.webhook_names ?? [:]
        var requestTimes: [Int] = []
        var latestRequest: [String: Int] = [:]
        for line in lines.dropFirst() {
            guard let entry = try? decoder.decode(Line.self, from: Data(line)) else {
                // A line cut short (a kill or a full disk mid-write), or one glued to it: every
                // event it names may have been sent, and its answer is unknown.
                for id in namedEvents(in: line) where listed.contains(id) && state.results[id] == nil { state.sent.insert(id) }
                continue
            }
            if let id = entry.sent {
                state.sent.insert(id)
                latestRequest[id] = requestTimes.count
                requestTimes.append(entry.at)
            }
            if let id = entry.unsent { state.sent.remove(id) }
            if let id = entry.done ?? entry.unsent, let index = latestRequest[id] { requestTimes[index] = max(requestTimes[index], entry.at) }
            if let id = entry.done, let result = entry.result {
                state.results[id] = result
                if let detail = entry.detail { state.details[id] = detail }
            }
            if let owner = entry.owner { state.owner = Holder(pid: owner, since: entry.at) }
            if entry.finished == true { state.finished = true; state.finishedAt = entry.at }
        }
        state.recentRequests = Array(requestTimes.suffix(RequestBudget.rates.upperBound))
        return state
    }

    /// The event ids an unreadable line names whole (`"sent":"…"`, `"done":"…"`, `"unsent":"…"`).
    static func namedEvents(in line: ArraySlice<UInt8>) -> [String] {
        let text = String(decoding: line, as: UTF8.self)
        var ids: [String] = []
        for key in ["\"sent\":\"", "\"done\":\"", "\"unsent\":\""] {
            var rest = Substring(text)
            while let start = rest.firstRange(of: key) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                ids.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return ids
    }
}
