import ArgumentParser
import FactbotCore

/// Options every command takes: where the knowledge and the configuration are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of facts, sources and word lists.", valueName: "dir"))
    var knowledge: String = "knowledge"

    @Option(name: .long, help: ArgumentHelp("Configuration file; a missing file means defaults.", valueName: "file"))
    var config: String = "bot.conf"

    /// Loads config and knowledge and builds the answerer, or prints every problem
    /// (file:line) to standard error and exits with status 2.
    func answerer() throws -> Answerer {
        do {
            let config = try Loading.config(at: self.config)
            let knowledge = try Loading.knowledge(at: self.knowledge)
            guard let answerer = Answerer(knowledge: knowledge, settings: config.answer) else {
                throw Diagnostics([Diagnostic(file: "libstemmer", line: nil, "the English stemmer is not available")])
            }
            return answerer
        } catch let problems as Diagnostics {
            FactbotTerminal.Console.error(problems.description)
            throw ExitCode(2)
        }
    }
}

import FactbotTerminal
