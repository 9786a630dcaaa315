import Foundation

/// A fresh directory under the system temp dir, removed when the test ends.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        var template = Array((NSTemporaryDirectory() + "/jetemail-test-XXXXXX").utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String, _ contents: String, mode: mode_t = 0o600) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(contents.utf8))
        chmod(p, mode)
        return p
    }
}
