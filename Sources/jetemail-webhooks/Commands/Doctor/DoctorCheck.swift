import JetEmailClient

/// One line of `doctor`: what was checked, how it went, what was found, and what to do.
struct DoctorCheck: Encodable, Equatable {
    enum Status: String, Encodable { case ok, warning, error }

    var name: String
    var status: Status
    var detail: String
    /// What to do about it (nil when nothing).
    var advice: String?

    static func ok(_ name: String, _ detail: String) -> DoctorCheck { DoctorCheck(name: name, status: .ok, detail: detail) }
    static func warning(_ name: String, _ detail: String, _ advice: String?) -> DoctorCheck {
        DoctorCheck(name: name, status: .warning, detail: detail, advice: advice)
    }
    static func error(_ name: String, _ detail: String, _ advice: String?) -> DoctorCheck {
        DoctorCheck(name: name, status: .error, detail: detail, advice: advice)
    }

    /// `✓ key  api_…abcd from JETEMAIL_API_KEY`, and the advice on the next line.
    var line: String {
        let mark = switch status { case .ok: "✓"; case .warning: "!"; case .error: "✗" }
        let head = "\(mark) \(name.padding(14)) \(TerminalSafe.escaped(detail))"
        return advice.map { head + "\n  \(String().padding(14)) → \(TerminalSafe.escaped($0))" } ?? head
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
