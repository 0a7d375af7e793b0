import FactbotConfig
import FactbotCore
import FactbotRefresh
import Foundation

/// factbot's files, read in one place: bot.conf, the knowledge folder and the stored
/// copies of the sources, checked, and the answerer built on them. The only code that
/// reads them; every command starts here.
///
/// A long-running bot holds one `Bot` and calls ``reload()`` (on SIGHUP, and after a
/// refresh): the new settings, knowledge and answerer swap in whole, or, when any file is
/// broken, nothing changes and the problems come back with their `file:line`. Reading
/// ``answerer`` never waits for a reload.
public final class Bot: @unchecked Sendable {
    /// Where the files are.
    public let paths: Paths
    /// Whether the answerer also quotes the stored copies' sentences.
    public let quoting: Bool

    private let lock = NSLock()  // held only to read or swap `current`
    private let reloading = NSLock()  // one reload at a time
    private var current: Loaded

    /// Loads everything at `paths`; throws every problem found.
    public init(paths: Paths, quoting: Bool = true) throws(LoadError) {
        self.paths = paths
        self.quoting = quoting
        self.current = try Self.load(paths, quoting: quoting)
    }

    /// What is loaded now.
    public var loaded: Loaded { lock.withLock { current } }

    /// The answerer in use now.
    public var answerer: Answerer { loaded.answerer }

    /// Reads every file again. On success the new state replaces the old in one step and
    /// is returned; on failure the old state stays in use and the problems are returned.
    @discardableResult
    public func reload() -> Result<Loaded, LoadError> {
        reloading.withLock {
            let result = Result { () throws(LoadError) in try Self.load(paths, quoting: quoting) }
            if case .success(let fresh) = result { lock.withLock { current = fresh } }
            return result
        }
    }

    /// Where factbot's files are.
    public struct Paths: Sendable, Equatable {
        /// The knowledge folder.
        public var knowledge: String
        /// bot.conf as named on the command line; nil for `./bot.conf` when it exists,
        /// else defaults.
        public var config: String?
        /// The state folder as named on the command line; nil for `state_dir` of [refresh].
        public var stateDirectory: String?

        /// Paths as given.
        public init(knowledge: String = "knowledge", config: String? = nil, stateDirectory: String? = nil) {
            self.knowledge = knowledge
            self.config = config
            self.stateDirectory = stateDirectory
        }

        /// The bot.conf read when none is named.
        public static let defaultConfig = "bot.conf"
    }

    /// Everything read, checked and built.
    public struct Loaded: Sendable {
        /// The settings.
        public var config: BotConfig
        /// The bot.conf read; nil when there was none and the defaults apply.
        public var configFile: String?
        /// The knowledge: the curated facts and those every source answers about itself.
        public var knowledge: KnowledgeBase
        /// The answerer built on it.
        public var answerer: Answerer
        /// The state folder's stored copies.
        public var store: SourceStore
        /// Problems that did not stop the load (an unreadable stored copy, a cache that
        /// could not be saved), for the caller to show or log.
        public var warnings: [String]

        /// The state folder in use.
        public var stateDirectory: String { store.folder }

        /// Why the WordNet folder of [answer] cannot be used, or nil when it can (or none is set).
        public var wordNetProblem: String? { WordLinkCache.problem(with: config.answer.wordNetFolder) }
    }

    /// Why nothing could be loaded.
    public enum LoadError: Error, CustomStringConvertible, Sendable {
        /// Problems in the files, each with its `file:line`.
        case problems(Diagnostics)
        /// libstemmer (Debian `libstemmer0d`) could not be loaded.
        case noStemmer

        public var description: String {
            switch self {
            case .problems(let problems): problems.description
            case .noStemmer: "error: the English stemmer (libstemmer) cannot be loaded; install Debian's libstemmer0d"
            }
        }
    }

    /// Reads and builds everything at `paths`, reporting every problem of every file in
    /// one go.
    public static func load(_ paths: Paths, quoting: Bool = true) throws(LoadError) -> Loaded {
        var problems: [Diagnostic] = []
        var warnings: [String] = []
        var config = BotConfig()
        let configFile = paths.config ?? Paths.defaultConfig
        var configRead: String?
        do {
            config = try Loading.config(at: configFile, required: paths.config != nil)
            if Loading.exists(configFile) { configRead = configFile }
        } catch { problems += error.all }
        let state = paths.stateDirectory ?? config.refresh.stateDirectory

        var knowledge: KnowledgeBase?
        var listFiles: [Loading.RawFile] = []  // the files other than facts
        var cached: FactIndex?
        var builtFrom: UInt64?  // the fingerprint of the files a cold start parsed
        do {
            // With an index cache that matches, the fact files are not read again.
            let all = try Loading.knowledgePaths(at: paths.knowledge)
            cached = try IndexCache(stateDirectory: state, knowledge: paths.knowledge, paths: all)?.load()
            let files = try Loading.knowledgeFiles(at: paths.knowledge, paths: cached == nil ? all : all.filter { !KnowledgeBase.isFactFile($0) })
            if cached == nil { builtFrom = IndexCache.fingerprint(of: files) }
            listFiles = files.filter { !KnowledgeBase.isFactFile($0.path) }
            knowledge = try Loading.knowledge(from: files, folder: paths.knowledge)
        } catch { problems += error.all }
        guard problems.isEmpty, let knowledge else { throw .problems(Diagnostics(problems)) }

        let store = SourceStore(folder: state)
        // the stored copies' sentences: read back when nothing changed since they were read
        let quoteCache = quoting ? QuoteCache(stateDirectory: state, knowledge: paths.knowledge, files: listFiles, store: store) : nil
        let answerer: Answerer
        if let stored = quoteCache?.load() {
            guard let built = Answerer(knowledge: knowledge, index: cached, settings: config.answer, quotes: stored) else { throw .noStemmer }
            answerer = built
        } else {
            let before = warnings.count
            let texts = quoting ? StoredTexts.read(store, knowledge: knowledge, warnings: &warnings) : []
            guard let built = Answerer(knowledge: knowledge, index: cached, settings: config.answer, quoting: texts) else { throw .noStemmer }
            answerer = built
            // (not when a copy could not be read: its warning is then given at every start)
            if let quoteCache, !texts.isEmpty, warnings.count == before, let warning = quoteCache.save(answerer) { warnings.append(warning) }
        }
        if let builtFrom, knowledge.facts.count >= IndexCache.minimumFacts,
            let warning = IndexCache.save(answerer.index, fingerprint: builtFrom, stateDirectory: state, knowledge: paths.knowledge)
        {
            warnings.append(warning)
        }
        let links = WordLinkCache.links(for: answerer, stateDirectory: state, knowledge: paths.knowledge, warnings: &warnings)
        let linked = answerer.linking(links)
        return Loaded(config: config, configFile: configRead, knowledge: linked.knowledge, answerer: linked, store: store, warnings: warnings)
    }
}
