/// Hosts that JetEmail's servers, out on the internet, cannot reach: loopback, private and
/// link-local addresses, and names that only resolve inside a local network.
enum HostReachability {
    static func unreachableReason(_ host: String) -> String? {
        let h = host.lowercased().hasSuffix(".") ? String(host.lowercased().dropLast()) : host.lowercased()
        if h == "localhost" || h.hasSuffix(".localhost") { return "'\(host)' is this machine (loopback)" }
        for suffix in [".local", ".internal", ".lan", ".home.arpa", ".localdomain", ".corp"] where h.hasSuffix(suffix) {
            return "'\(host)' is a local-network name"
        }
        if let v4 = IPv4.parse(h) { return ipv4Reason(v4, host) }
        if h.hasPrefix("["), let g = IPv6Literal.groups(String(h.dropFirst().dropLast())) {
            if g == [0, 0, 0, 0, 0, 0, 0, 1] { return "'\(host)' is this machine (loopback)" }
            if g.allSatisfy({ $0 == 0 }) { return "'\(host)' is the unspecified address" }
            if g[0] & 0xFE00 == 0xFC00 { return "'\(host)' is a private (unique local) IPv6 address" }
            if g[0] & 0xFFC0 == 0xFE80 { return "'\(host)' is a link-local IPv6 address" }
            if g[0...4].allSatisfy({ $0 == 0 }) && g[5] == 0xFFFF {
                return ipv4Reason([UInt8(g[6] >> 8), UInt8(g[6] & 0xFF), UInt8(g[7] >> 8), UInt8(g[7] & 0xFF)], host)
            }
        }
        return nil
    }

    private static func ipv4Reason(_ a: [UInt8], _ host: String) -> String? {
        switch (a[0], a[1]) {
        case (127, _): return "'\(host)' is this machine (loopback)"
        case (0, _): return "'\(host)' is not a routable address"
        case (10, _), (192, 168): return "'\(host)' is a private address"
        case (172, 16...31): return "'\(host)' is a private address"
        case (169, 254): return "'\(host)' is a link-local address"
        case (100, 64...127): return "'\(host)' is a carrier-grade NAT address"
        default: return nil
        }
    }
}
