import ArgumentParser
import FactbotTerminal

/// `factbot repl` (the default): questions and answers at a prompt.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Ask questions at a prompt (the default command).",
        discussion: "Line editing and history at a terminal; plain line reading when piped. Commands: /help, /why, /sources, /quit. Ctrl-D leaves."
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        Repl.run(answerer: try options.answerer())
    }
}
