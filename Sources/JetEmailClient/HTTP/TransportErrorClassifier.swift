import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// Turns the errors of AsyncHTTPClient and SwiftNIO into `JetEmailError`s that say whether
/// the request can have reached the server. Only failures that happen before anything is
/// written (resolving, connecting, TLS, the proxy's CONNECT, a request the library refuses
/// to build) are `.network`: nothing was sent. Every other failure may come after the request
/// left. No library error is printed whole: some carry header values, and so the key.
enum TransportErrorClassifier {
    static func classify(_ error: any Error, host: String, deadlineSeconds: Int, answerStarted: Bool) -> JetEmailError {
        if error is CancellationError { return .cancelled }
        if let known = error as? JetEmailError { return known }
        if answerStarted { return afterHead(error, deadlineSeconds: deadlineSeconds) }
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .network(.connectTimeout, detail: host)
            case .httpProxyHandshakeTimeout, .socksHandshakeTimeout, .invalidProxyResponse, .proxyAuthenticationRequired:
                return .network(.proxy, detail: "\(caseName(e)) before anything was sent to \(host)")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .noAnswer(.timedOut, deadlineSeconds: deadlineSeconds)
            case .remoteConnectionClosed:
                return .noAnswer(.connectionDropped, deadlineSeconds: nil)
            case .cancelled:
                return .cancelled
            case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath, .bodyLengthMismatch, .alreadyShutdown:
                return .network(.other, detail: "the request could not be made (\(caseName(e))); nothing was sent")
            default:
                if refusedBeforeSending(e) {
                    return .network(.other, detail: "the request could not be made (\(caseName(e))); nothing was sent")
                }
                return .answerUnusable(reason: "the answer was not valid HTTP (\(caseName(e)))")
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
            default: return .answerUnusable(reason: "\(host): \(String(cString: strerror(e.errnoCode)))")
            }
        }
        if error is SocketAddressError { return .network(.dns, detail: host) }
        if error is NIOTooManyBytesError { return .answerUnusable(reason: "it is larger than \(AsyncHTTPTransport.bodyLimit >> 20) MiB") }
        return .answerUnusable(reason: "it could not be read (\(caseName(error)))")
    }

    /// A failure while the body was being read: the server had answered, so the request reached it.
    private static func afterHead(_ error: any Error, deadlineSeconds: Int) -> JetEmailError {
        if error is NIOTooManyBytesError { return .answerUnusable(reason: "it is larger than \(AsyncHTTPTransport.bodyLimit >> 20) MiB") }
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout: return .noAnswer(.timedOut, deadlineSeconds: deadlineSeconds)
            case .cancelled: return .cancelled
            case .remoteConnectionClosed: return .answerUnusable(reason: "the connection closed in the middle of it")
            default: break
            }
        }
        return .answerUnusable(reason: "its body could not be read (\(caseName(error)))")
    }

    /// Header names and values, schemes and configurations the library refuses are checked
    /// before anything is written.
    private static func refusedBeforeSending(_ e: HTTPClientError) -> Bool {
        let name = e.shortDescription
        return name.hasPrefix("Invalid header field") || name.hasPrefix("Unsupported scheme") || name.contains("configuration")
            || name.hasPrefix("Invalid local address")
    }

    /// The error's type and case, never its associated values (`Invalid header field values`):
    /// some carry header values, and so the key.
    static func caseName(_ error: any Error) -> String {
        if let e = error as? HTTPClientError { return e.shortDescription }
        let text = String(describing: error)
        let head = text.prefix { $0 != "(" && $0 != ":" && $0 != "\n" }
        return TerminalSafe.excerpt(String(head.prefix(80)), limit: 80)
    }

    private static func tlsDetail(_ error: any Error, host: String) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate") {
            return "the certificate of \(host) is not trusted"
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("wrong version") || text.contains("handshake") {
            return "\(host) did not answer with TLS (is it plain http?)"
        }
        return "\(host): \(caseName(error))"
    }
}
