import Glibc

/// Writes every byte to a descriptor: continues after short writes and after a signal
/// interrupts the call. Returns nil, or the errno that stopped it.
public func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    var written = 0
    while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if n == 0 { return EIO }
        written += n
    }
    return nil
}
