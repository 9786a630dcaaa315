import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// Turns the errors of AsyncHTTPClient and SwiftNIO into `JetEmailError`s that say whether
/// the request can have reached the server.
enum TransportErrorClassifier {
    static func classify(_ error: any Error, host: String, deadlineSeconds: Int) -> JetEmailError {
        if error is CancellationError { return .cancelled }
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .network(.connectTimeout, detail: host)
            case .httpProxyHandshakeTimeout, .socksHandshakeTimeout, .invalidProxyResponse, .proxyAuthenticationRequired:
                return .network(.proxy, detail: String(describing: e))
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .noAnswer(.timedOut, deadlineSeconds: deadlineSeconds)
            case .remoteConnectionClosed:
                return .noAnswer(.connectionDropped, deadlineSeconds: nil)
            case .cancelled:
                return .cancelled
            default:
                return .network(.other, detail: String(describing: e))
            }
        }
        if let e = error as? NIOConnectionError {
            if e.connectionErrors.isEmpty { return .network(.dns, detail: host) }
            let codes = e.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            if codes.contains(ECONNREFUSED) { return .network(.refused, detail: host) }
            if codes.contains(where: { [ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains($0) }) {
                return .network(.unreachable, detail: host)
            }
            return .network(.other, detail: "cannot connect to \(host)")
        }
        if let e = error as? ChannelError, case .connectTimeout = e { return .network(.connectTimeout, detail: host) }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .network(.tls, detail: tlsDetail(error, host: host))
        }
        if let e = error as? IOError {
            switch e.errnoCode {
            case ECONNREFUSED: return .network(.refused, detail: host)
            case ENETUNREACH, EHOSTUNREACH: return .network(.unreachable, detail: host)
            case ECONNRESET, EPIPE: return .noAnswer(.connectionDropped, deadlineSeconds: nil)
            default: return .network(.other, detail: "\(host): \(e.description)")
            }
        }
        if error is SocketAddressError { return .network(.dns, detail: host) }
        let text = String(describing: error)
        if text.contains("SSL") || text.contains("certificate") { return .network(.tls, detail: tlsDetail(error, host: host)) }
        return .network(.other, detail: "\(host): \(text)")
    }

    private static func tlsDetail(_ error: any Error, host: String) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate") {
            return "the certificate of \(host) is not trusted"
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("wrong version") || text.contains("handshake") {
            return "\(host) did not answer with TLS (is it plain http?)"
        }
        return "\(host): \(text.prefix(120))"
    }
}
