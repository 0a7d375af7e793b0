import ArgumentParser
import FactbotCore
import FactbotLoader
import FactbotTerminal
import Foundation

/// `factbot draft SOURCE_ID`: draft facts from a fetched source, for a curator to edit.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft facts from a fetched source's sentences that no fact tells yet.",
        discussion: """
            Reads the stored copy of SOURCE_ID (fetch it first: factbot refresh) and writes a \
            fact file to standard output, or to --output: one fact for each sentence no fact of \
            that source tells, with a guessed type and example questions. Rewrite the answers in \
            your own words before moving the file into knowledge/facts/. Never writes into the \
            knowledge folder.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the draft to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: "The id of a source in sources.yaml (or one fetched with --source).")
    var sourceID: String

    func run() throws {
        let loaded = try options.load(quoting: false)
        var warnings: [String] = []
        let texts = StoredTexts.read(loaded.store, knowledge: loaded.knowledge, warnings: &warnings)
        for warning in warnings { Console.error(warning) }
        guard let text = texts.first(where: { $0.source.id == sourceID }) else {
            let known = Set(loaded.knowledge.sources.keys).union(texts.map(\.source.id))
            let hint =
                known.contains(sourceID)
                ? "it has not been fetched yet: run `factbot refresh` first"
                : "no such source\(Suggestion.didYouMean(sourceID, in: known))"
            Console.error("error: \(sourceID): \(hint)")
            throw ExitCode(2)
        }
        let drafts = FactDraft.drafts(for: text, answerer: loaded.answerer)
        let yaml = FactDraft.yaml(drafts, source: text.source)
        guard let output else {
            Console.line(yaml)
            return
        }
        let knowledge = URL(fileURLWithPath: options.knowledge).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let folder = target.deletingLastPathComponent().resolvingSymlinksInPath().path
        if folder == knowledge || folder.hasPrefix(knowledge + "/") {
            Console.error("error: \(output): a draft is never written into the knowledge folder; write it elsewhere, edit it, then move it in")
            throw ExitCode(2)
        }
        do {
            try Data(yaml.utf8).write(to: target, options: .atomic)
        } catch {
            Console.error("error: \(output): cannot write the draft: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        Console.error("\(drafts.count) draft fact(s) for \(sourceID) written to \(output)")
    }
}
