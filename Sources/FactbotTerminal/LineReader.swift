import CEdit
import FactbotCore

/// Where the REPL gets its lines: libedit (line editing and history) at a terminal,
/// plain reads when piped.
public protocol LineReader {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    mutating func read(prompt: String) -> String?
}

/// Line editing and history through libedit's readline interface.
public struct EditLineReader: LineReader {
    /// Makes a reader; use only when ``Console/isInteractive``.
    public init() {}

    /// Reads a line with the prompt shown; adds non-empty lines to the history.
    public mutating func read(prompt: String) -> String? {
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if !line.trimmingWhitespace().isEmpty { add_history(pointer) }
        return line
    }
}

/// Plain line reading from standard input, for pipes and files. Invalid UTF-8 is
/// repaired (replacement characters), never fatal.
public struct PlainLineReader: LineReader {
    /// Makes a reader.
    public init() {}

    /// Reads a line; the prompt is not shown (nobody is looking at a pipe).
    public mutating func read(prompt: String) -> String? {
        readLine(strippingNewline: true)
    }
}
