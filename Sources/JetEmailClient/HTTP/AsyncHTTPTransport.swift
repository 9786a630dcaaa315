import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The transport over AsyncHTTPClient: connect timeout, one deadline for the whole exchange
/// (head and body), system trust store plus an optional CA file, proxies. Never retries: a POST
/// that was sent is not sent again.
public struct AsyncHTTPTransport: HTTPTransport {
    public let options: TransportOptions
    /// The certificates of `options.caFile`, read once.
    private let extraRoots: [NIOSSLCertificate]
    /// The most of an answer's body that is read; more is an answer that cannot be used.
    public static let bodyLimit = 4 << 20

    public init(options: TransportOptions) throws(ConfigurationError) {
        var roots: [NIOSSLCertificate] = []
        if let caFile = options.caFile {
            // Read here, without blocking (a FIFO or a device is refused), then parsed from memory.
            let bytes: [UInt8]
            do { bytes = try SecureRead.bytes(atPath: caFile) } catch {
                throw .caFileUnreadable(path: caFile, reason: error.reason)
            }
            do { roots = try NIOSSLCertificate.fromPEMBytes(bytes) } catch {
                throw .caFileUnreadable(path: caFile, reason: "not a PEM certificate file")
            }
            if roots.isEmpty { throw .caFileUnreadable(path: caFile, reason: "it holds no PEM certificate") }
        }
        self.options = options
        extraRoots = roots
    }

    public func send(_ request: APIRequest) async throws(JetEmailError) -> APIResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let prepared = outgoing
        let host = Self.hostDescription(request.url)
        let configuration = makeConfiguration()
        let seconds = options.deadlineSeconds
        let outcome: Result<APIResponse, JetEmailError>
        do {
            outcome = try await HTTPClient.withHTTPClient(configuration: configuration) { client in
                // The library's deadline covers the connection and the head; a slow body is bounded
                // by racing the whole exchange against the same deadline (plus a moment, so that a
                // timeout while connecting is still reported as one).
                try await withThrowingTaskGroup(of: Result<APIResponse, JetEmailError>.self) { group in
                    group.addTask { await Self.exchange(client, prepared, seconds: seconds, host: host) }
                    group.addTask {
                        try await Task.sleep(for: .seconds(seconds) + .milliseconds(500))
                        return .failure(.noAnswer(.timedOut, deadlineSeconds: seconds))
                    }
                    let first = try await group.next() ?? .failure(.cancelled)
                    group.cancelAll()
                    return first
                }
            }
        } catch {
            outcome = .failure(TransportErrorClassifier.classify(error, host: host, deadlineSeconds: seconds, answerStarted: false))
        }
        return try outcome.get()
    }

    /// One request and its answer; every failure classified by whether the request can have
    /// reached the server.
    private static func exchange(_ client: HTTPClient, _ request: HTTPClientRequest, seconds: Int, host: String) async
        -> Result<APIResponse, JetEmailError> {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: .now() + .seconds(Int64(seconds)))
        } catch {
            return .failure(TransportErrorClassifier.classify(error, host: host, deadlineSeconds: seconds, answerStarted: false))
        }
        do {
            let body = try await response.body.collect(upTo: bodyLimit)
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name] = value }
            return .success(APIResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body)))
        } catch {
            return .failure(TransportErrorClassifier.classify(error, host: host, deadlineSeconds: seconds, answerStarted: true))
        }
    }

    private func makeConfiguration() -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !extraRoots.isEmpty { tls.additionalTrustRoots = [.certificates(extraRoots)] }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(Int64(options.connectTimeoutSeconds)), read: .seconds(Int64(options.deadlineSeconds)))
        )
        configuration.httpVersion = .http1Only
        if let proxy = options.proxy {
            let auth = proxy.username.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
            configuration.proxy = proxy.kind == .socks
                ? .socksServer(host: proxy.host, port: proxy.port)
                : .server(host: proxy.host, port: proxy.port, authorization: auth)
        }
        return configuration
    }

    static func hostDescription(_ url: String) -> String {
        guard let range = url.firstRange(of: "://") else { return url }
        let rest = url[range.upperBound...]
        return String(rest.prefix { $0 != "/" })
    }
}
