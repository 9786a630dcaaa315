import AsyncHTTPClient
import JetEmailClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// Turns the errors of AsyncHTTPClient and SwiftNIO into `JetEmailError`s that say whether the
/// request can have reached the server. `requestSent` is the fact: before the request head was
/// written (resolving, connecting, TLS, a proxy's CONNECT), nothing was sent, whatever the error;
/// after it, every failure may come after the API acted. No library error is printed whole:
/// some carry header values, and so the key.
enum TransportErrorClassifier {
    static func classify(_ error: any Error, host: String, deadlineSeconds: Int, requestSent: Bool) -> JetEmailError {
        if let known = error as? JetEmailError { return known }
        return requestSent ? afterSending(error, deadlineSeconds: deadlineSeconds) : beforeSending(error, host: host)
    }

    /// Nothing reached the API: say why the connection could not be made.
    private static func beforeSending(_ error: any Error, host: String) -> JetEmailError {
        if error is CancellationError { return .cancelled }
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout, .deadlineExceeded, .readTimeout, .writeTimeout:
                return .network(.connectTimeout, detail: host)
            case .httpProxyHandshakeTimeout, .socksHandshakeTimeout, .invalidProxyResponse, .proxyAuthenticationRequired:
                return .network(.proxy, detail: "\(caseName(e)), before anything was sent to \(host)")
            case .cancelled:
                return .cancelled
            default:
                break
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
            default: return .network(.other, detail: "\(host): \(String(cString: strerror(e.errnoCode))); nothing was sent")
            }
        }
        if error is SocketAddressError { return .network(.dns, detail: host) }
        let text = String(describing: error)
        if text.contains("SSL") || text.contains("certificate") { return .network(.tls, detail: tlsDetail(error, host: host)) }
        return .network(.other, detail: "\(host): \(caseName(error)); nothing was sent")
    }

    /// The request left: the API may have acted on it, so each failure says the webhook may exist.
    private static func afterSending(_ error: any Error, deadlineSeconds: Int) -> JetEmailError {
        if error is CancellationError { return .cancelled }
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .noAnswer(.timedOut, deadlineSeconds: deadlineSeconds)
            case .remoteConnectionClosed: return .noAnswer(.connectionDropped, deadlineSeconds: nil)
            case .cancelled: return .cancelled
            default: return .answerUnusable(reason: "it was not valid HTTP (\(caseName(e)))")
            }
        }
        if let e = error as? IOError, [ECONNRESET, EPIPE].contains(e.errnoCode) {
            return .noAnswer(.connectionDropped, deadlineSeconds: nil)
        }
        if let tooLarge = error as? AnswerTooLarge {
            return .answerUnusable(reason: "it is larger than \(tooLarge.size)")
        }
        if let e = error as? HTTPParserError {
            return .answerUnusable(reason: e == .invalidEOFState
                ? "the connection closed in the middle of it" : "it is not valid HTTP: \(caseName(e))")
        }
        return .answerUnusable(reason: caseName(error))
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
