import ArgumentParser
import FactbotCore
import FactbotLoader
import FactbotTerminal
import Foundation

/// Options every command takes: where the knowledge, the configuration and the fetched
/// copies of the sources are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of facts, sources and word lists.", valueName: "dir"))
    var knowledge: String = "knowledge"

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: bot.conf; if that is missing, defaults).", valueName: "file"))
    var config: String?

    @Option(
        name: .customLong("state-dir"), help: ArgumentHelp("Folder of fetched source copies (default: state_dir in [refresh], \"state\").", valueName: "dir"))
    var stateDirectory: String?

    /// Where the files are, as the options say.
    var paths: Bot.Paths { Bot.Paths(knowledge: knowledge, config: config, stateDirectory: stateDirectory) }

    /// Loads bot.conf, the knowledge and (with `quoting`) the stored copies, printing any
    /// warnings; or prints every problem (file:line) to standard error and exits with status 2.
    func bot(quoting: Bool = true) throws -> Bot {
        do {
            let bot = try Bot(paths: paths, quoting: quoting)
            for warning in bot.loaded.warnings { Console.error(warning) }
            return bot
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
    }

    /// What ``bot(quoting:)`` loads, for a command that never reloads.
    func load(quoting: Bool = true) throws -> Bot.Loaded { try bot(quoting: quoting).loaded }

    /// The answerer, for a command that never reloads.
    func answerer() throws -> Answerer { try load().answerer }
}
