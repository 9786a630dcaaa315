/// One thing wrong with (error) or worth knowing about (warning) a field.
public struct ValidationProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable { case error, warning }
    public var field: WebhookField
    public var severity: Severity
    public var message: String

    public init(_ field: WebhookField, _ severity: Severity, _ message: String) {
        self.field = field; self.severity = severity; self.message = message
    }

    /// `field: message`, the form used on stderr.
    public var description: String { "\(field.apiName): \(message)" }
}

/// Every problem found, per field, in field order. Errors block sending; warnings do not.
public struct ValidationReport: Sendable, Equatable {
    public var problems: [ValidationProblem]

    public init(_ problems: [ValidationProblem] = []) { self.problems = problems }

    public var errors: [ValidationProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ValidationProblem] { problems.filter { $0.severity == .warning } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public func problems(for field: WebhookField) -> [ValidationProblem] { problems.filter { $0.field == field } }
    public func errors(for field: WebhookField) -> [ValidationProblem] { errors.filter { $0.field == field } }
    public func warnings(for field: WebhookField) -> [ValidationProblem] { warnings.filter { $0.field == field } }

    /// The first field, in form order, that has an error.
    public var firstInvalidField: WebhookField? {
        WebhookField.allCases.first { !errors(for: $0).isEmpty }
    }
}
