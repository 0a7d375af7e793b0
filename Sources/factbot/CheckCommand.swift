import ArgumentParser
import FactbotCore
import FactbotLoader
import FactbotRefresh
import FactbotTerminal

/// `factbot check`: validates the knowledge and the configuration.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the knowledge and bot.conf.",
        discussion: """
            Errors (exit status 2) name file:line and what is wrong. Warnings flag example \
            questions answered by another fact or declined, and examples two facts share. \
            With --sources, also lists facts whose figures are missing from the fetched copy \
            of their source (see `factbot refresh`). With --coverage, lists for each fetched \
            source the sentences no fact of that source tells yet (`factbot draft` drafts them).
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Exit with status 1 when there are warnings.")
    var strict = false

    @Flag(name: .long, help: "Also check facts against the fetched copies of their sources.")
    var sources = false

    @Flag(name: .long, help: "List, for each fetched source, the sentences no fact of it tells yet.")
    var coverage = false

    func run() throws {
        let loaded = try options.load(quoting: false)
        if coverage {
            var unreadable: [String] = []  // said again below, among the warnings
            for text in StoredTexts.read(loaded.store, knowledge: loaded.knowledge, warnings: &unreadable) {
                let sentences = SentenceCoverage.of(text, answerer: loaded.answerer)
                let open = sentences.filter { $0.fact == nil }
                Console.line(
                    "\(text.source.id): \(sentences.count - open.count) of \(sentences.count) sentences told by its facts\(open.isEmpty ? "" : "; not yet:")")
                for sentence in open {
                    let elsewhere = sentence.elsewhere.map { " [fact \"\($0)\" of another source tells it]" } ?? ""
                    Console.line("  \(sentence.number): \(sentence.sentence)\(elsewhere)")
                }
            }
        }
        let answerer = loaded.answerer
        var warnings = KnowledgeCheck.warnings(for: answerer).map(\.description)
        if sources {
            for source in loaded.knowledge.sources.values.sorted(by: { $0.id < $1.id }) {
                switch loaded.store.load(source.id) {
                case .success(let stored?):
                    warnings += Drift.absent(loaded.knowledge.facts, sourceID: source.id, from: stored.checkedText).map(\.description)
                case .success(nil):
                    Console.error("note: \(source.id) has not been fetched yet (factbot refresh)")
                case .failure(let problem):
                    warnings.append("\(problem)")
                }
            }
        }
        if let problem = loaded.wordNetProblem { warnings.append("warning: \(problem)") }
        for warning in warnings { Console.error(warning) }
        let knowledge = answerer.knowledge
        let curated = knowledge.facts.filter { !$0.isAboutSource }
        let examples = curated.reduce(0) { $0 + $1.questions.count }
        let links = answerer.links.map { ", \($0.all.count) words linked through WordNet" } ?? ""
        Console.line("\(options.knowledge) with \(loaded.configFile.map { "settings from \($0)" } ?? "default settings (no \(Bot.Paths.defaultConfig))"):")
        Console.line(
            "\(curated.count) facts (and \(knowledge.facts.count - curated.count) about the sources), \(examples) example questions, \(knowledge.sources.count) source(s)\(links): \(warnings.isEmpty ? "all examples reach their facts" : "\(warnings.count) warning(s)")"
        )
        if strict, !warnings.isEmpty { throw ExitCode(1) }
    }
}
