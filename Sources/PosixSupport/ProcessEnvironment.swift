import Glibc

/// The process's environment variables, read straight from `environ`.
/// Foundation's `ProcessInfo` does the same but first builds its whole process description,
/// which showed up in every profile of start-up.
public enum ProcessEnvironment {
    public static var current: [String: String] {
        // Sized up front: growing a [String: String] runs the standard library's prespecialised
        // code, which looks up String's Hashable conformance at run time, a scan of all 6,000
        // conformance records in the binary before the first frame.
        var count = 0
        while environ[count] != nil { count += 1 }
        var variables = [String: String](minimumCapacity: count)
        for index in 0..<count {
            let text = String(cString: environ[index]!)
            guard let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(text[..<equals])
            // The first definition wins, as with getenv(3).
            if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
        }
        return variables
    }
}
