/// A problem found in a file the bot reads: where it is (file and line) and what is wrong.
///
/// Every parser in the core reports problems this way, so the command line can print
/// `knowledge/facts.yaml:12: unknown key "anwser" (did you mean "answer"?)` and exit 2.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable {
        /// The file cannot be used as it is.
        case error
        /// The file works, but probably not as its author meant.
        case warning
    }

    /// Path of the file, as the caller named it.
    public var file: String
    /// 1-based line number, or nil when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong, in plain words.
    public var message: String
    /// Error or warning.
    public var severity: Severity

    /// Makes a diagnostic; errors by default.
    public init(file: String, line: Int?, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// `file:line: message` (or `file: message`), with `warning:` for warnings.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return severity == .warning ? "\(place): warning: \(message)" : "\(place): \(message)"
    }
}

/// Several diagnostics found in one pass, thrown together so a curator sees them all at once.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var all: [Diagnostic]

    /// Wraps a list of diagnostics.
    public init(_ all: [Diagnostic]) { self.all = all }

    /// One diagnostic per line.
    public var description: String { all.map(\.description).joined(separator: "\n") }
}
