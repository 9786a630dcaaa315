import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The transport over AsyncHTTPClient: connect timeout, overall deadline, system trust store
/// plus an optional CA file, proxies. Never retries: a POST that was sent is not sent again.
public struct AsyncHTTPTransport: HTTPTransport {
    public let options: TransportOptions

    public init(options: TransportOptions) throws(ConfigurationError) {
        if let caFile = options.caFile {
            do { _ = try NIOSSLCertificate.fromPEMFile(caFile) } catch {
                throw .caFileUnreadable(path: caFile, reason: "not a readable PEM certificate file")
            }
        }
        self.options = options
    }

    public func send(_ request: APIRequest) async throws(JetEmailError) -> APIResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let host = Self.hostDescription(request.url)
        let configuration = makeConfiguration()
        let deadline = NIODeadline.now() + .seconds(Int64(options.deadlineSeconds))
        do {
            return try await HTTPClient.withHTTPClient(configuration: configuration) { client in
                let response = try await client.execute(outgoing, deadline: deadline)
                let body = try await response.body.collect(upTo: 4 << 20)
                var headers: [String: String] = [:]
                for (name, value) in response.headers { headers[name] = value }
                return APIResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body))
            }
        } catch {
            throw TransportErrorClassifier.classify(error, host: host, deadlineSeconds: options.deadlineSeconds)
        }
    }

    private func makeConfiguration() -> HTTPClient.Configuration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = options.caFile { tls.additionalTrustRoots = [.file(caFile)] }
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
