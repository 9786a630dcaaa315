import Foundation
import Synchronization

/// A TCP server on 127.0.0.1 that answers every connection with a script of its own: raw bytes,
/// pauses, a close at any point. For testing what the client does with a server that is slow,
/// broken or hostile. Each connection's request (head and body, as far as Content-Length says)
/// is read first and kept. Stops by itself after `lifetime` seconds at most.
public final class MisbehavingServer: Sendable {
    public enum Step: Sendable {
        case send([UInt8])
        case sendText(String)
        /// Sends the bytes one at a time with a pause between them.
        case trickle([UInt8], everySeconds: Double)
        case pause(Double)
        /// Closes the connection at once (the rest of the script is skipped).
        case close
    }

    public let port: Int
    private let listener: Int32
    /// What the serving threads share with the test: the requests, and whether to stop.
    private final class Shared: Sendable {
        let requests = Mutex<[String]>([])
        let stopped = Mutex(false)
    }
    private let shared = Shared()

    /// `script` gives the steps for a request (its text); `readRequest: false` answers without reading.
    public init(lifetime: Double = 120, readRequest: Bool = true, script: @escaping @Sendable (String) -> [Step]) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        // No SO_REUSEADDR: on an ephemeral port it lets two servers binding at once share one.
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let fd = listener
        let shared = shared
        let thread = Thread {
            // The listener is closed here, by the thread that polls it, never while it may still
            // poll: a number closed elsewhere can be given to the next test's listener, and this
            // thread would then accept that server's connections and answer them with this script.
            defer { close(fd) }
            let end = Date().addingTimeInterval(lifetime)
            while Date() < end, !shared.stopped.withLock({ $0 }) {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 200) >= 0 else { return }
                if poller.revents == 0 { continue }
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                let connection = Thread {
                    let request = readRequest ? Self.readRequest(client) : ""
                    shared.requests.withLock { $0.append(request) }
                    Self.run(script(request), on: client, until: end)
                    close(client)
                }
                connection.start()
            }
        }
        thread.start()
    }

    deinit {
        shared.stopped.withLock { $0 = true }
        // Stops accepting at once; the accepting thread closes the descriptor (see above).
        shutdown(listener, Int32(SHUT_RDWR))
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, as text.
    public var received: [String] { shared.requests.withLock { $0 } }

    private static func readRequest(_ fd: Int32) -> String {
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var expected: Int?
        while data.count < 1 << 22 {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 5000) > 0 else { break }
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            data += chunk[0..<n]
            let text = String(decoding: data, as: UTF8.self)
            if expected == nil, let end = text.range(of: "\r\n\r\n") {
                let head = text[..<end.lowerBound].lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound) + length
            }
            if let expected, data.count >= expected { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func run(_ steps: [Step], on fd: Int32, until end: Date) {
        func write(_ bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return false }
                sent += n
            }
            return true
        }
        for step in steps where Date() < end {
            switch step {
            case .send(let bytes): if !write(bytes) { return }
            case .sendText(let text): if !write(Array(text.utf8)) { return }
            case .trickle(let bytes, let every):
                for byte in bytes {
                    if Date() >= end || !write([byte]) { return }
                    Thread.sleep(forTimeInterval: every)
                }
            case .pause(let seconds): Thread.sleep(forTimeInterval: seconds)
            case .close: return
            }
        }
    }

    /// An HTTP/1.1 answer with a JSON body and the right Content-Length.
    public static func answer(_ status: Int, _ body: String, headers: [String] = []) -> String {
        let lines = ["HTTP/1.1 \(status) X", "Content-Type: application/json", "Content-Length: \(body.utf8.count)", "Connection: close"]
            + headers
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }
}
