import ArgumentParser
import FactbotLoader
import FactbotRefresh
import FactbotTerminal

/// `factbot repl` (the default): questions and answers at a prompt.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Ask questions at a prompt (the default command).",
        discussion: """
            Line editing at a terminal, with the history kept in the state folder \
            (repl_history, readable by you only); plain line reading when piped. \
            Commands: /help, /why, /sources, /facts [WORD], /quit. Ctrl-D leaves.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .customLong("no-history"), help: "Keep no history of the questions asked.")
    var noHistory = false

    func run() throws {
        let loaded = try options.load()
        var history: String?
        if !noHistory, Console.isInteractive, (try? AtomicFile.createFolder(loaded.stateDirectory)) != nil {
            history = loaded.stateDirectory + "/repl_history"
        }
        Repl.run(answerer: loaded.answerer, historyFile: history)
    }
}
