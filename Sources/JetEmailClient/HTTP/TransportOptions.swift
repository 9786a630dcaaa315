/// How the transport connects: time limits, trust, proxy.
public struct TransportOptions: Sendable, Equatable {
    /// At most this long to open a connection (TCP and TLS).
    public var connectTimeoutSeconds: Int
    /// The whole exchange must finish within this.
    public var deadlineSeconds: Int
    /// PEM file with extra trusted CA certificates, added to the system store.
    public var caFile: String?
    public var proxy: ProxySettings?

    public init(connectTimeoutSeconds: Int = 5, deadlineSeconds: Int = 30, caFile: String? = nil, proxy: ProxySettings? = nil) {
        self.connectTimeoutSeconds = min(connectTimeoutSeconds, 5)
        self.deadlineSeconds = deadlineSeconds
        self.caFile = caFile
        self.proxy = proxy
    }
}
