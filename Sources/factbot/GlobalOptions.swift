import ArgumentParser
import FactbotCore
import FactbotConfig

/// Options every command takes: where the knowledge and the configuration are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of facts, sources and word lists.", valueName: "dir"))
    var knowledge: String = "knowledge"

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: bot.conf; if that is missing, defaults).", valueName: "file"))
    var config: String?

    /// Loads config and knowledge and builds the answerer, or prints every problem
    /// (file:line) to standard error and exits with status 2.
    func answerer() throws -> Answerer { try load().answerer }

    /// The configuration and the answerer built from it (see ``answerer()``).
    func load() throws -> (config: BotConfig, answerer: Answerer) {
        // Read both, so that one run reports every problem in either.
        var problems: [Diagnostic] = []
        var config = BotConfig()
        var knowledge: KnowledgeBase?
        do { config = try Loading.config(at: self.config ?? "bot.conf", required: self.config != nil) } catch { problems += error.all }
        do { knowledge = try Loading.knowledge(at: self.knowledge) } catch { problems += error.all }
        if problems.isEmpty, let knowledge {
            if let answerer = Answerer(knowledge: knowledge, settings: config.answer) { return (config, answerer) }
            problems.append(Diagnostic(file: "libstemmer", line: nil, "the English stemmer is not available"))
        }
        FactbotTerminal.Console.error(Diagnostics(problems).description)
        throw ExitCode(2)
    }
}

import FactbotTerminal
