/// One HTTP exchange, independent of the library that carries it.
public struct APIRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]?
    /// The largest answer body taken, or nil for the transport's own limit. A list of webhooks
    /// is legitimately larger than any single answer.
    public var answerLimit: Int?

    public init(method: String, url: String, headers: [(String, String)], body: [UInt8]?, answerLimit: Int? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body; self.answerLimit = answerLimit
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

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status; self.headers = headers; self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Sends requests. Throws only `JetEmailError.network`, `.noAnswer` or `.cancelled`.
public protocol HTTPTransport: Sendable {
    func send(_ request: APIRequest) async throws(JetEmailError) -> APIResponse
}
