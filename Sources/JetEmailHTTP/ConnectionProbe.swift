import Dispatch
import Glibc
import JetEmailClient
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// `doctor`'s look at the way to the API, one step at a time, each timed: the name resolved,
/// a TCP connection, a TLS handshake (with the same trust as every request). A step that fails
/// says why, and the steps after it are not tried.
public enum ConnectionProbe {
    public struct Step: Sendable, Equatable {
        public enum Kind: String, Sendable { case dns, tcp, tls }
        public var kind: Kind
        public var milliseconds: Int
        /// What it found (the address), or why it failed.
        public var detail: String
        public var ok: Bool
    }

    /// Probes `host:port` (TLS when `tls`); gives up on each step after `timeout` seconds.
    public static func run(host: String, port: Int, tls: Bool, caFile: String?, timeout: Int) async -> [Step] {
        var steps: [Step] = []
        var clock = ContinuousClock.now
        func elapsed() -> Int {
            let d = ContinuousClock.now - clock
            return Int(d.components.seconds) * 1000 + Int(d.components.attoseconds / 1_000_000_000_000_000)
        }
        // DNS: getaddrinfo, off the caller's thread.
        let resolved = await withCheckedContinuation { (c: CheckedContinuation<Result<SocketAddress, ProbeFailure>, Never>) in
            DispatchQueue.global().async { c.resume(returning: resolve(host: host, port: port)) }
        }
        let address: SocketAddress
        switch resolved {
        case .success(let a):
            address = a
            steps.append(Step(kind: .dns, milliseconds: elapsed(), detail: a.ipAddress ?? "resolved", ok: true))
        case .failure(let f):
            steps.append(Step(kind: .dns, milliseconds: elapsed(), detail: f.reason, ok: false))
            return steps
        }
        // TCP.
        clock = .now
        let group = MultiThreadedEventLoopGroup.singleton
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group).connectTimeout(.seconds(Int64(timeout))).connect(to: address).get()
            steps.append(Step(kind: .tcp, milliseconds: elapsed(), detail: "connected to \(address.ipAddress ?? host):\(port)", ok: true))
        } catch {
            steps.append(Step(kind: .tcp, milliseconds: elapsed(), detail: describe(error), ok: false))
            return steps
        }
        guard tls else { try? await channel.close(); return steps }
        // TLS: the handshake, with the system's trust and the CA file's.
        clock = .now
        do {
            var configuration = TLSConfiguration.makeClientConfiguration()
            let roots = try AsyncHTTPTransport.trustRoots(caFile: caFile)
            if !roots.isEmpty { configuration.additionalTrustRoots = [.certificates(roots)] }
            let context = try NIOSSLContext(configuration: configuration)
            let done = channel.eventLoop.makePromise(of: Void.self)
            let timer = channel.eventLoop.scheduleTask(in: .seconds(Int64(timeout))) { done.fail(ProbeFailure(reason: "no handshake within \(timeout) s")) }
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: BaseURL.isLoopback(host: host) ? nil : host)
                try channel.pipeline.syncOperations.addHandler(handler)
                try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(done: done))
            }.get()
            try await done.futureResult.get()
            timer.cancel()
            steps.append(Step(kind: .tls, milliseconds: elapsed(), detail: "handshake done, the certificate trusted", ok: true))
        } catch {
            steps.append(Step(kind: .tls, milliseconds: elapsed(), detail: describe(error), ok: false))
        }
        try? await channel.close()
        return steps
    }

    struct ProbeFailure: Error { var reason: String }

    static func resolve(host: String, port: Int) -> Result<SocketAddress, ProbeFailure> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            return .failure(ProbeFailure(reason: "cannot resolve \(host): \(String(cString: gai_strerror(status)))"))
        }
        defer { freeaddrinfo(list) }
        switch first.pointee.ai_family {
        case AF_INET:
            let v4 = first.pointee.ai_addr.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
            return .success(SocketAddress(v4, host: host))
        case AF_INET6:
            let v6 = first.pointee.ai_addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee }
            return .success(SocketAddress(v6, host: host))
        default:
            return .failure(ProbeFailure(reason: "\(host) resolved to an address that cannot be used"))
        }
    }

    /// A library error as a short reason (never whole: some carry header values).
    static func describe(_ error: any Error) -> String {
        if let f = error as? ProbeFailure { return f.reason }
        if let e = error as? IOError { return String(cString: strerror(e.errnoCode)) }
        if let e = error as? ChannelError {
            switch e {
            case .connectTimeout: return "no connection within the timeout"
            case .ioOnClosedChannel, .alreadyClosed, .eof: return "the server closed the connection during the handshake (not TLS on this port?)"
            default: break
            }
        }
        if let e = error as? NIOSSLError, case .uncleanShutdown = e { return "the server closed the connection during the handshake (not TLS on this port?)" }
        if String(describing: error).contains("WRONG_VERSION_NUMBER") { return "the server did not answer in TLS (a plain-HTTP port?)" }
        if let e = error as? NIOConnectionError, let first = e.connectionErrors.first, let io = first.error as? IOError {
            return String(cString: strerror(io.errnoCode))
        }
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") { return "the certificate is not trusted (a TLS-intercepting proxy? --ca-file adds its CA)" }
        if error is NIOSSLError || error is BoringSSLError { return "TLS failed: " + TerminalSafe.excerpt(String(text.prefix(120)), limit: 120) }
        return TerminalSafe.excerpt(String(text.prefix { $0 != "(" && $0 != "\n" }.prefix(80)), limit: 80)
    }
}

/// Completes `done` when the TLS handshake ends, or fails it with the handshake's error.
private final class HandshakeWatcher: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny
    let done: EventLoopPromise<Void>
    init(done: EventLoopPromise<Void>) { self.done = done }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tls = event as? TLSUserEvent, case .handshakeCompleted = tls { done.succeed(()) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        done.fail(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.fail(ConnectionProbe.ProbeFailure(reason: "the server closed the connection during the handshake (not TLS on this port?)"))
        context.fireChannelInactive()
    }
}
