import ArgumentParser
import FactbotCore
import FactbotTerminal

/// `factbot check`: validates the knowledge and the configuration.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the knowledge and bot.conf.",
        discussion: """
            Errors (exit status 2) name file:line and what is wrong. Warnings flag example \
            questions answered by another fact or declined, and examples two facts share.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Exit with status 1 when there are warnings.")
    var strict = false

    func run() throws {
        let answerer = try options.answerer()
        let warnings = KnowledgeCheck.warnings(for: answerer)
        for warning in warnings { Console.error(warning.description) }
        let knowledge = answerer.knowledge
        let examples = knowledge.facts.reduce(0) { $0 + $1.questions.count }
        Console.line("\(knowledge.facts.count) facts, \(examples) example questions, \(knowledge.sources.count) source(s): \(warnings.isEmpty ? "all examples reach their facts" : "\(warnings.count) warning(s)")")
        if strict, !warnings.isEmpty { throw ExitCode(1) }
    }
}
