import FactbotCore

/// The interactive loop: reads lines, hands them to a ``ReplSession``, prints replies.
public enum Repl {
    /// Runs until `/quit` or end of input. Uses libedit when both ends are a terminal,
    /// keeping the history in `historyFile` when one is given.
    public static func run(answerer: Answerer, historyFile: String? = nil) {
        var session = ReplSession(answerer: answerer)
        let interactive = Console.isInteractive
        var reader: any LineReader = interactive ? EditLineReader(historyFile: historyFile) : PlainLineReader()
        if interactive { Console.line(session.banner) }
        while let line = reader.read(prompt: "factbot> ") {
            switch session.handle(line) {
            case .reply(let text): Console.line(text)
            case .nothing: continue
            case .quit: return
            }
        }
        if interactive { Console.line("") }
    }
}
