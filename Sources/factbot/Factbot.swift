import ArgumentParser

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
        subcommands: [ReplCommand.self, AskCommand.self, IRCCommand.self, RunCommand.self, RefreshCommand.self, CheckCommand.self, DraftCommand.self, BenchCommand.self],
        defaultSubcommand: ReplCommand.self
    )
}
