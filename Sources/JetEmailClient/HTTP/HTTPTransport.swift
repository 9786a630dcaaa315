/// One HTTP exchange, independent of the library that carries it.
public struct APIRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// The largest answer body taken, or nil for the transport's own limit. A list of webhooks
    /// is legitimately larger than any single answer.
    public var answerLimit: Int?
    /// A longer answer is cut at `answerLimit` (`APIResponse.truncated`) instead of failing: a
    /// receiver's status is what matters, not its 10 MB of body.
    public var keepsPartialAnswer = false

    public init(method: String, url: String, headers: [(String, String)], body: [UInt8]?, answerLimit: Int? = nil,
                keepsPartialAnswer: Bool = false) {
        self.method = method; self.url = url; self.headers = headers; self.body = body; self.answerLimit = answerLimit
        self.keepsPartialAnswer = keepsPartialAnswer
    }

    public static func == (a: APIRequest, b: APIRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body
            && a.headers.map { "\($0.0):\($0.1)" } == b.headers.map { "\($0.0):\($0.1)" }
    }
}

public struct APIResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    /// The body is only the first `answerLimit` bytes (the request allowed a partial answer).
    public var truncated = false

    public init(status: Int, headers: [String: String], body: [UInt8], truncated: Bool = false) {
        self.status = status; self.headers = headers; self.body = body; self.truncated = truncated
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// The same answer with every occurrence of `secret` in its body and header values replaced
    /// by `[redacted]`.
    public func redacting(_ secret: String) -> APIResponse {
        let needle = Array(secret.utf8)
        guard !needle.isEmpty else { return self }
        var copy = self
        copy.body = Self.replacing(needle, in: body)
        for (name, value) in headers where value.contains(secret) { copy.headers[name] = value.replacing(secret, with: "[redacted]") }
        return copy
    }

    private static func replacing(_ needle: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = needle.first, bytes.count >= needle.count else { return bytes }
        var out: [UInt8] = []
        var i = 0, copied = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                if out.isEmpty { out.reserveCapacity(bytes.count) }
                out += bytes[copied..<i]
                out += Array("[redacted]".utf8)
                i += needle.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return bytes }
        out += bytes[copied...]
        return out
    }
}

/// Sends requests. Throws only `JetEmailError.network`, `.noAnswer` or `.cancelled`.
public protocol HTTPTransport: Sendable {
    func send(_ request: APIRequest) async throws(JetEmailError) -> APIResponse
}
