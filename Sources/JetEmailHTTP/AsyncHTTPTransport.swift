import AsyncHTTPClient
import JetEmailClient
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// The transport over AsyncHTTPClient: connect timeout, one deadline for the whole exchange
/// (head and body), system trust store plus an optional CA file, proxies. Never retries: a POST
/// that was sent is not sent again. It knows whether the request left (the library reports when
/// the request head was written), so every failure says exactly whether the API can have seen it.
/// One HTTP client serves every request of a transport, so connections (and TLS sessions) are
/// reused; it is made on the first request, not before the first frame.
public struct AsyncHTTPTransport: HTTPTransport {
    public let options: TransportOptions
    /// The certificates of `options.caFile`, read once.
    private let extraRoots: [NIOSSLCertificate]
    private let shared = SharedClient()
    /// The most of an answer's body that is read; more is an answer that cannot be used.
    public static let bodyLimit = 4 << 20

    public init(options: TransportOptions) throws(ConfigurationError) {
        self.options = options
        extraRoots = try Self.trustRoots(caFile: options.caFile)
    }

    /// The certificates of a CA file: read without blocking (a FIFO or a device is refused),
    /// then parsed from memory. None without a file.
    static func trustRoots(caFile: String?) throws(ConfigurationError) -> [NIOSSLCertificate] {
        guard let caFile else { return [] }
        let bytes: [UInt8]
        do { bytes = try SecureRead.bytes(atPath: caFile) } catch {
            throw .caFileUnreadable(path: caFile, reason: error.reason)
        }
        let roots: [NIOSSLCertificate]
        do { roots = try NIOSSLCertificate.fromPEMBytes(bytes) } catch {
            throw .caFileUnreadable(path: caFile, reason: "not a PEM certificate file")
        }
        if roots.isEmpty { throw .caFileUnreadable(path: caFile, reason: "it holds no PEM certificate") }
        return roots
    }

    public func send(_ request: APIRequest) async throws(JetEmailError) -> APIResponse {
        let host = Self.hostDescription(request.url)
        let seconds = options.deadlineSeconds
        let outgoing: HTTPClient.Request
        do {
            var headers = HTTPHeaders()
            for (name, value) in request.headers { headers.add(name: name, value: value) }
            outgoing = try HTTPClient.Request(url: request.url, method: HTTPMethod(rawValue: request.method), headers: headers,
                                              body: request.body.map { .bytes($0) })
        } catch {
            throw .network(.other, detail: "the request could not be made (\(TransportErrorClassifier.caseName(error))); nothing was sent")
        }
        let collector = AnswerCollector(limit: request.answerLimit ?? Self.bodyLimit)
        let task = shared.client(makeConfiguration)
            .execute(request: outgoing, delegate: collector, deadline: .now() + .seconds(Int64(seconds)))
        // The deadline covers the whole exchange: raced here as well, since a body that trickles
        // in must not outlast it.
        let result = await withTaskGroup(of: Result<APIResponse, any Error>.self) { group in
            group.addTask {
                await withTaskCancellationHandler {
                    do { return .success(try await task.futureResult.get()) } catch { return .failure(error) }
                } onCancel: {
                    task.cancel()
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds) + .milliseconds(250))
                if Task.isCancelled { return .failure(CancellationError()) }
                task.cancel()
                return .failure(HTTPClientError.deadlineExceeded)
            }
            let first = await group.next() ?? .failure(CancellationError())
            group.cancelAll()
            return first
        }
        switch result {
        case .success(let response): return response
        case .failure(let error):
            if request.keepsPartialAnswer, error is AnswerTooLarge, let partial = collector.partialAnswer { return partial }
            throw TransportErrorClassifier.classify(error, host: host, deadlineSeconds: seconds, requestSent: collector.requestSent)
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
        // One connection attempt: a refused or failing connection is reported at once, not
        // retried with backoff until the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        // An idle connection is let go well before servers commonly close theirs (60-75 s), so a
        // POST rarely meets a connection the server is closing.
        configuration.connectionPool.idleTimeout = .seconds(30)
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

/// The transport's one HTTP client, made on first use and shut down when the last copy of the
/// transport goes (AsyncHTTPClient requires an explicit shutdown).
private final class SharedClient: Sendable {
    private let made = Mutex<HTTPClient?>(nil)

    func client(_ configuration: () -> HTTPClient.Configuration) -> HTTPClient {
        made.withLock { client in
            if let client { return client }
            let new = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration())
            client = new
            return new
        }
    }

    deinit {
        // Asynchronous: the library keeps the client alive until its connections are closed.
        made.withLock { $0 }?.shutdown { _ in }
    }
}

/// An answer's body went past the request's limit (`AsyncHTTPTransport.bodyLimit` by default).
struct AnswerTooLarge: Error {
    let limit: Int

    /// `4 MiB`, `64 KiB`.
    var size: String { limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit >> 10) KiB" }
}

/// Gathers one answer (at most `limit` bytes of body) and notes when the request head was written.
private final class AnswerCollector: HTTPClientResponseDelegate {
    typealias Response = APIResponse

    private struct State {
        var sent = false
        var status = 0
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var overflowed = false
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) { self.limit = limit }

    /// True once the request head has been written to the connection: from then on the API
    /// may have received it.
    var requestSent: Bool { state.withLock { $0.sent } }

    /// The head and the first `limit` bytes of an answer that went past its limit.
    var partialAnswer: APIResponse? {
        state.withLock { $0.overflowed ? APIResponse(status: $0.status, headers: $0.headers, body: $0.body, truncated: true) : nil }
    }

    func didSendRequestHead(task: HTTPClient.Task<APIResponse>, _ head: HTTPRequestHead) {
        state.withLock { $0.sent = true }
    }

    func didReceiveHead(task: HTTPClient.Task<APIResponse>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock { s in
            s.sent = true
            s.status = Int(head.status.code)
            for (name, value) in head.headers { s.headers[name] = value }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<APIResponse>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let fits = state.withLock { s in
            guard s.body.count + buffer.readableBytes <= limit else {
                s.body += buffer.readableBytesView.prefix(max(0, limit - s.body.count))
                s.overflowed = true
                return false
            }
            s.body += buffer.readableBytesView
            return true
        }
        return fits ? task.eventLoop.makeSucceededVoidFuture() : task.eventLoop.makeFailedFuture(AnswerTooLarge(limit: limit))
    }

    func didFinishRequest(task: HTTPClient.Task<APIResponse>) throws -> APIResponse {
        state.withLock { APIResponse(status: $0.status, headers: $0.headers, body: $0.body) }
    }
}
