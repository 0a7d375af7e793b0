import ArgumentParser
import FactbotCore
import FactbotTerminal

/// `factbot`: answers questions about news stories from a curated fact base.
@main
struct Factbot: ParsableCommand {
    static let version = "0.1.0"

    /// What factbot calls itself when it fetches a page.
    static let userAgent = "factbot/\(version) (news fact bot; libcurl)"

    static let configuration = CommandConfiguration(
        commandName: "factbot",
        abstract: "Answers questions about news stories from a curated fact base.",
        discussion: """
            With no command, starts the REPL on ./knowledge and ./bot.conf.
            Malformed knowledge or configuration exits with status 2.
            """,
        version: version,
        subcommands: [
            ReplCommand.self, AskCommand.self, IRCCommand.self, RunCommand.self, RefreshCommand.self, CheckCommand.self, DraftCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )

    /// Parses and runs the command line. A first word that is no command and no option
    /// (`factbot aks`) is a misspelt command, not an argument of the default REPL.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) {
            Console.error(
                "error: no command \"\(first)\"\(Suggestion.didYouMean(first, in: commands)); the commands are \(commands.dropLast().joined(separator: ", ")) (factbot --help)"
            )
            Self.exit(withError: ExitCode(64))
        }
        Self.main(arguments)
    }
}
