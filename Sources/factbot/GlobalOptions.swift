import ArgumentParser
import FactbotConfig
import FactbotCore
import FactbotRefresh
import FactbotTerminal
import Foundation

/// Options every command takes: where the knowledge, the configuration and the fetched
/// copies of the sources are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of facts, sources and word lists.", valueName: "dir"))
    var knowledge: String = "knowledge"

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: bot.conf; if that is missing, defaults).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Folder of fetched source copies (default: state_dir in [refresh], \"state\").", valueName: "dir"))
    var stateDirectory: String?

    /// Everything a command needs, loaded and checked.
    struct Loaded {
        var config: BotConfig
        var knowledge: KnowledgeBase
        var answerer: Answerer
        var store: SourceStore
    }

    /// Loads config and knowledge and builds the answerer, or prints every problem
    /// (file:line) to standard error and exits with status 2.
    func answerer() throws -> Answerer { try load().answerer }

    /// Loads config and knowledge and builds the answerer; with `quoting`, the answerer
    /// also quotes the fetched copies in the state folder (a missing folder means none;
    /// an unreadable copy is a warning, never fatal).
    func load(quoting: Bool = true) throws -> Loaded {
        // Read both, so that one run reports every problem in either.
        var problems: [Diagnostic] = []
        var config = BotConfig()
        var knowledge: KnowledgeBase?
        var cache: IndexCache?
        var cached: FactIndex?
        var builtFrom: UInt64?  // the fingerprint of the files a cold start parsed
        do { config = try Loading.config(at: self.config ?? "bot.conf", required: self.config != nil) } catch { problems += error.all }
        let state = stateDirectory ?? config.refresh.stateDirectory
        do {
            // Fingerprint the files first; with a matching index cache, the fact files are not read again.
            let paths = try Loading.knowledgePaths(at: self.knowledge)
            cache = try IndexCache(stateDirectory: state, knowledge: self.knowledge, paths: paths)
            cached = cache?.load()
            let files = try Loading.knowledgeFiles(at: self.knowledge, paths: cached == nil ? paths : paths.filter { !KnowledgeBase.isFactFile($0) })
            if cached == nil { builtFrom = IndexCache.fingerprint(of: files) }
            knowledge = try Loading.knowledge(from: files, folder: self.knowledge, facts: cached?.facts)
        } catch { problems += error.all }
        let store = SourceStore(folder: state)
        if problems.isEmpty, let knowledge {
            let texts = quoting ? Self.storedTexts(store, knowledge: knowledge) : []
            if let answerer = Answerer(knowledge: knowledge, index: cached, settings: config.answer, quoting: texts) {
                if let builtFrom, knowledge.facts.count >= IndexCache.minimumFacts { cache?.save(answerer.index, fingerprint: builtFrom) }
                let linked = answerer.linking(WordLinkCache.links(for: answerer, stateDirectory: state, knowledge: self.knowledge))
                return Loaded(config: config, knowledge: linked.knowledge, answerer: linked, store: store)
            }
            problems.append(Diagnostic(file: "libstemmer", line: nil, "the English stemmer is not available"))
        }
        FactbotTerminal.Console.error(Diagnostics(problems).description)
        throw ExitCode(2)
    }

    /// The sentences of every stored copy, each cited as the registered source (at the
    /// URL it was fetched from) or, for an id given only with `--source`, as the page says.
    static func storedTexts(_ store: SourceStore, knowledge: KnowledgeBase) -> [SourceText] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []
        let ids = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        let (stored, problems) = store.loadAll(ids)
        for problem in problems { Console.error("warning: \(problem)") }
        return stored.map { copy in
            var source = knowledge.sources[copy.id] ?? Source(
                id: copy.id, url: copy.finalURL, title: copy.article.title, author: copy.article.author,
                publisher: URL(string: copy.finalURL)?.host ?? copy.finalURL, published: String(copy.article.published.prefix(10)))
            source.url = copy.finalURL
            return SourceText(source: source, sentences: copy.article.sentences)
        }
    }
}
