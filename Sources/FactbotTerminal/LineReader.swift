import CEdit
import FactbotCore
import Glibc

/// Where the REPL gets its lines: libedit (line editing and history) at a terminal,
/// plain reads when piped.
public protocol LineReader {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    mutating func read(prompt: String) -> String?
}

/// Line editing and history through libedit's readline interface.
public struct EditLineReader: LineReader {
    /// Lines of history kept.
    public static let historyLength: Int32 = 1000

    /// The file the history is kept in between sessions, if any.
    let historyFile: String?

    /// Makes a reader; use only when ``Console/isInteractive``. With `historyFile`, the
    /// history of earlier sessions is read from it, and every line asked is written back
    /// at once (so a killed session loses nothing), the file readable by its owner only.
    public init(historyFile: String? = nil) {
        self.historyFile = historyFile
        stifle_history(Self.historyLength)
        if let historyFile { _ = read_history(historyFile) }
    }

    /// Reads a line with the prompt shown; adds non-empty lines to the history.
    public mutating func read(prompt: String) -> String? {
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if !line.trimmingWhitespace().isEmpty {
            add_history(pointer)
            if let historyFile { Self.save(to: historyFile) }
        }
        return line
    }

    /// Writes the history to `file`, created mode 0600 (questions asked are private).
    static func save(to file: String) {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }  // an unwritable history is no reason to stop answering
        close(descriptor)
        _ = write_history(file)
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
