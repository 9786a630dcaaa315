import FoundationEssentials
import Glibc
import JetEmailClient
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The sandbox API as a real HTTP/1.1 server on a loopback address. Thread-safe: its state sits
/// behind a lock, and faults can be changed while it runs.
public final class SandboxServer: Sendable {
    private let state: NIOLockedValueBox<(config: SandboxConfiguration, store: SandboxStore)>
    private let channel: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)
    private let connections = NIOLockedValueBox(0)
    /// Called with a one-line summary of each request (never the key).
    private let log: (@Sendable (String) -> Void)?

    public init(configuration: SandboxConfiguration = SandboxConfiguration(), log: (@Sendable (String) -> Void)? = nil) {
        let now = Int(Date().timeIntervalSince1970)
        let seeded = SandboxSeed.webhooks(configuration.seed, now: now)
        let history = SandboxOutageSeed.merged(SandboxDeliverySeed.deliveries(configuration.seedDeliveries, webhooks: seeded, now: now),
                                               SandboxOutageSeed.deliveries(configuration.outage, webhooks: seeded, downCount: configuration.outageWebhooks,
                                                                            after: configuration.seedDeliveries, now: now),
                                               now: now)
        self.state = NIOLockedValueBox((configuration, SandboxStore(webhooks: seeded, deliveries: history)))
        self.log = log
    }

    public var apiKey: String { state.withLockedValue { $0.config.apiKey } }
    public var configuration: SandboxConfiguration { state.withLockedValue { $0.config } }
    public var received: [ReceivedRequest] { state.withLockedValue { $0.store.received } }
    public var webhooks: [Webhook] { state.withLockedValue { $0.store.webhooks } }
    /// The replays asked for, in order.
    public var replays: [ReceivedReplay] { state.withLockedValue { $0.store.replays } }
    /// The log as it is now, newest first.
    public var deliveries: [Delivery] { state.withLockedValue { $0.store.deliveries.map(\.delivery) } }

    /// Requests answered 429 by the rate window (`rateWindow`), and lockouts begun.
    public var rateLimited: (answers: Int, lockouts: Int) { state.withLockedValue { ($0.store.window.refused, $0.store.window.lockouts) } }

    /// TCP connections accepted so far (keep-alive lets one carry many requests).
    public var connectionCount: Int { connections.withLockedValue { $0 } }

    /// A delivery happens now, to the webhook with this uuid (the first of its types, or the
    /// `index`-th): it goes on top of the log, as JetEmail's newest. Its id, or nil for no such
    /// webhook. For `--live` and for tests that watch a log follow.
    @discardableResult
    public func deliverNow(to uuid: String, status: DeliveryStatus = .success, index: Int = 0) -> String? {
        let now = Int(Date().timeIntervalSince1970)
        return state.withLockedValue { s in
            guard let webhook = s.store.webhooks.first(where: { $0.uuid == uuid }) else { return nil }
            let n = 1_000_000_000 + s.store.deliveries.count + s.store.liveCount
            s.store.liveCount += 1
            let events = webhook.events.isEmpty ? [EventName(.outboundDelivered)] : webhook.events
            let failed = status == .failed
            let delivery = SandboxDelivery(id: SampleEvent.eventID(n), webhookUUID: webhook.uuid, webhookURL: webhook.url,
                                           eventType: events[index % events.count].rawValue, sourceUID: SampleEvent.sourceUID(n), n: n,
                                           createdAt: now, status: status, attempts: failed ? 6 : status == .pending ? 0 : 1,
                                           lastCode: failed ? 503 : status == .success ? 200 : nil)
            s.store.deliveries.insert(delivery, at: 0)
            // Every index held moved down one.
            s.store.settling = s.store.settling.map { $0 + 1 }
            s.store.matchCache = nil
            return delivery.id
        }
    }

    public func setFaults(_ faults: SandboxFaults) { state.withLockedValue { $0.config.faults = faults } }

    /// Binds and starts serving; returns the port (pass 0 for any free one).
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        // SO_REUSEADDR only for a port asked for (a restart on 8787 while the old one lingers in
        // TIME_WAIT): with it, Linux may hand the same ephemeral port to two sockets binding at
        // once, and a client then talks to the wrong server (seen in tests).
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: port == 0 ? 0 : 1)
            .childChannelInitializer { [self] channel in
                connections.withLockedValue { $0 += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(SandboxHTTPHandler(server: self))
                }
            }
        let bound = try await bootstrap.bind(host: host, port: port).get()
        channel.withLockedValue { $0 = bound }
        return bound.localAddress?.port ?? port
    }

    public var baseURL: String? {
        channel.withLockedValue { ch in ch?.localAddress.flatMap { a in a.port.map { "http://\(a.ipAddress ?? "127.0.0.1"):\($0)" } } }
    }

    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    public func stop() async {
        let ch = channel.withLockedValue { c in defer { c = nil }; return c }
        try? await ch?.close()
    }

    func handle(_ request: ReceivedRequest) -> SandboxReply {
        let reply = state.withLockedValue { s in
            s.store.received.append(request)
            return SandboxAPI.handle(request, config: s.config, store: &s.store, now: Int(Date().timeIntervalSince1970),
                                     clock: Self.monotonicSeconds())
        }
        log?("\(request.method) \(request.path) -> \(reply.drop ? "dropped" : String(reply.status))")
        return reply
    }
}

/// Collects one request, asks the server for the reply, writes it (after any injected delay).
private final class SandboxHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The API takes small JSON bodies; a larger request is answered 413 and its body not kept,
    /// so that no client can grow the sandbox's memory at will.
    static let bodyLimit = 1 << 20

    private let server: SandboxServer
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(server: SandboxServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h; body = []
            tooLarge = h.headers.first(name: "Content-Length").flatMap { Int($0) }.map { $0 > Self.bodyLimit } ?? false
        case .body(var buffer):
            if tooLarge || body.count + buffer.readableBytes > Self.bodyLimit { tooLarge = true; body = []; return }
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            if tooLarge {
                send(SandboxReply(status: 413, body: Array(#"{"success":false,"error":"Request body too large"}"#.utf8)), keepAlive: false, context: context)
                return
            }
            let keepAlive = head.isKeepAlive
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = ReceivedRequest(method: head.method.rawValue, path: head.uri, headers: headers, body: body)
            let reply = server.handle(request)
            let loop = context.eventLoop.assumeIsolated()
            if reply.delayMilliseconds > 0 {
                loop.scheduleTask(in: .milliseconds(Int64(reply.delayMilliseconds))) { self.send(reply, keepAlive: keepAlive, context: context) }
            } else {
                send(reply, keepAlive: keepAlive, context: context)
            }
        }
    }

    /// Writes the answer; the connection stays open for the next request when the client asked
    /// for keep-alive (HTTP/1.1's default), as the real API's does.
    private func send(_ reply: SandboxReply, keepAlive: Bool, context: ChannelHandlerContext) {
        if reply.drop { context.close(promise: nil); return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Date", value: HTTPDate.format(Int(Date().timeIntervalSince1970)))
        for (name, value) in reply.headers { headers.replaceOrAdd(name: name, value: value) }
        headers.add(name: "Content-Length", value: String(reply.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { written.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
    }
}
