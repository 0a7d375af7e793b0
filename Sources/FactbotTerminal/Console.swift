import CEdit

/// Writes to standard output and standard error, flushing after every write so that a
/// program reading factbot through a pipe gets each reply as soon as it is made.
public enum Console {
    /// Writes `text` and a newline to standard output, then flushes.
    public static func line(_ text: String) {
        fputs(text + "\n", factbot_stdout())
        fflush(factbot_stdout())
    }

    /// Writes `text` and a newline to standard error.
    public static func error(_ text: String) {
        fputs(text + "\n", factbot_stderr())
        fflush(factbot_stderr())
    }

    /// True when both standard input and standard output are terminals.
    public static var isInteractive: Bool { isatty(0) != 0 && isatty(1) != 0 }
}
