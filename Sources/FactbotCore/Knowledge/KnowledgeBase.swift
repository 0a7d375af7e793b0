/// One file of the knowledge folder, as text: the core never opens files itself.
public struct KnowledgeFile: Sendable {
    /// Path relative to wherever the caller likes; used in diagnostics and to tell the kind of file.
    public var path: String
    /// The file's contents.
    public var text: String

    /// Wraps a file's path and contents.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    var name: Substring { path.split(separator: "/").last ?? Substring(path) }
}

/// Everything the answerer knows: the facts, the sources they cite, and the word lists.
public struct KnowledgeBase: Sendable {
    /// All facts, in file order.
    public var facts: [Fact]
    /// Sources by id.
    public var sources: [String: Source]
    /// Synonyms, shorthand, stop words and names.
    public var words: WordLists

    /// Makes a knowledge base directly (tests, benchmarks).
    public init(facts: [Fact], sources: [Source], words: WordLists = WordLists()) {
        self.facts = facts
        self.sources = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.words = words
    }

    /// The source a fact cites.
    public func source(of fact: Fact) -> Source? { sources[fact.sourceID] }

    /// True for a file of facts: any `.yaml` or `.yml` file but ``FileName/sources``.
    public static func isFactFile(_ path: String) -> Bool {
        (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) && path.split(separator: "/").last.map(String.init) != FileName.sources
    }

    /// Names of the files a knowledge folder holds besides fact files.
    public enum FileName {
        /// The source list.
        public static let sources = "sources.yaml"
        /// Synonym groups.
        public static let synonyms = "synonyms.txt"
        /// Chat shorthand and contractions.
        public static let shorthand = "shorthand.txt"
        /// Stop words.
        public static let stopWords = "stopwords.txt"
        /// Weak words.
        public static let weakWords = "weakwords.txt"
        /// Known names.
        public static let names = "names.txt"
        /// Words WordNet may not link.
        public static let unlinked = "unlinked.txt"
        /// Greetings, thanks and other small talk.
        public static let smallTalk = "smalltalk.txt"
        /// Nouns for people, institutions, outlets, roles; currencies; number words.
        public static let wordClasses = "wordclasses.txt"
    }

    /// Builds a knowledge base from a folder's files: `sources.yaml`, the word lists,
    /// and every other `.yaml` file as facts. Throws every problem found, with file and line.
    /// `folder` names the knowledge folder in messages about a file that is missing.
    /// (A start from the index cache hands only the other files: the cached index holds
    /// the facts, checked when it was built.)
    public static func parse(_ files: [KnowledgeFile], folder: String = "knowledge") throws(Diagnostics) -> KnowledgeBase {
        var problems: [Diagnostic] = []
        var facts: [Fact] = []
        var sources: [Source] = []
        var words = WordLists()
        var sawSources = false
        var sawStopWords = false
        var sourcesRead = true  // false when sources.yaml has problems: then no fact's source is called unknown
        var sourcesPath = (folder.hasSuffix("/") ? folder : folder + "/") + FileName.sources
        func collect<T>(_ body: () throws(Diagnostics) -> T) -> T? {
            do { return try body() } catch {
                problems += error.all
                return nil
            }
        }
        for file in files {
            switch file.name {
            case FileName.sources:
                sawSources = true
                sourcesPath = file.path
                if let read = collect({ () throws(Diagnostics) in try SourceFileParser.parse(file.text, file: file.path) }) {
                    sources += read
                } else {
                    sourcesRead = false
                }
            case FileName.synonyms:
                words.synonyms = collect { () throws(Diagnostics) in try WordListParser.synonyms(file.text, file: file.path) } ?? []
            case FileName.shorthand:
                words.shorthand = collect { () throws(Diagnostics) in try WordListParser.shorthand(file.text, file: file.path) } ?? [:]
            case FileName.stopWords:
                sawStopWords = true
                words.stopWords = WordSet(WordListParser.words(file.text))
            case FileName.weakWords:
                words.weakWords = WordListParser.words(file.text)
            case FileName.smallTalk:
                words.smallTalk = collect { () throws(Diagnostics) in try WordListParser.smallTalk(file.text, file: file.path) } ?? SmallTalkWords()
            case FileName.wordClasses:
                words.classes = collect { () throws(Diagnostics) in try WordListParser.wordClasses(file.text, file: file.path) } ?? WordClasses()
            case FileName.unlinked:
                words.unlinked = Set(WordListParser.lines(file.text).map { $0.1.lowercased() })
            case FileName.names:
                if let (names, kinds, sides) = collect({ () throws(Diagnostics) in try WordListParser.names(file.text, file: file.path) }) {
                    words.names = names
                    words.nameKinds = kinds
                    words.sides = sides
                }
            case _ where Self.isFactFile(file.path):
                facts += collect { () throws(Diagnostics) in try FactFileParser.parse(file.text, file: file.path) } ?? []
            default:
                continue  // README.md and other notes
            }
        }
        if !sawStopWords { words.stopWords = WordLists.englishStopWords }
        if !sawSources {
            problems.append(Diagnostic(file: sourcesPath, line: nil, "missing: the knowledge folder needs a \(FileName.sources) listing the articles"))
        }
        var sourceByID: [String: Source] = [:]
        for source in sources {
            if let first = sourceByID[source.id] {
                problems.append(Diagnostic(file: sourcesPath, line: source.line, "source id \"\(source.id)\" is already used on line \(first.line)"))
            }
            sourceByID[source.id] = source
        }
        var factByID: [String: Fact] = [:]
        for fact in facts {
            if let first = factByID[fact.id] {
                problems.append(Diagnostic(file: fact.file, line: fact.line, "fact id \"\(fact.id)\" is already used at \(first.file):\(first.line)"))
            }
            factByID[fact.id] = fact
            if sawSources, sourcesRead, sourceByID[fact.sourceID] == nil {
                problems.append(
                    Diagnostic(
                        file: fact.file, line: fact.sourceLine ?? fact.line,
                        "fact \"\(fact.id)\" cites unknown source \"\(fact.sourceID)\"\(Suggestion.didYouMean(fact.sourceID, in: sourceByID.keys))"))
            }
        }
        problems += Self.relationProblems(facts, factByID: factByID)
        if facts.isEmpty, sources.isEmpty, problems.isEmpty {
            problems.append(Diagnostic(file: folder, line: nil, "nothing to answer from: list an article in \(FileName.sources), or add a .yaml file of facts"))
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return KnowledgeBase(facts: facts, sources: sources, words: words)
    }

    /// Links between facts (`updates`, `disputes`, `confirms`) that lead nowhere, or updates
    /// that go round in a circle (each fact newer than the next).
    static func relationProblems(_ facts: [Fact], factByID: [String: Fact]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for fact in facts {
            for relation in fact.relations where factByID[relation.factID] == nil {
                problems.append(
                    Diagnostic(
                        file: fact.file, line: relation.line,
                        "fact \"\(fact.id)\" \(relation.kind.rawValue) unknown fact \"\(relation.factID)\"\(Suggestion.didYouMean(relation.factID, in: factByID.keys))"
                    ))
            }
        }
        // two facts linked both ways must say the same: "a updates b" and "b confirms a" cannot both hold
        for fact in facts {
            for relation in fact.relations {
                guard let other = factByID[relation.factID], fact.id < other.id,
                    let back = other.relations.first(where: { $0.factID == fact.id }), back.kind != relation.kind
                else { continue }
                problems.append(
                    Diagnostic(
                        file: other.file, line: back.line,
                        "fact \"\(other.id)\" \(back.kind.rawValue) \"\(fact.id)\", which \(relation.kind.rawValue) it (\(fact.file):\(relation.line)): give one link"
                    ))
            }
        }
        // updates must form no cycle (depth-first, without recursion)
        var state: [String: Int] = [:]  // 1 on the path being walked, 2 done
        for fact in facts where state[fact.id] == nil {
            var path: [(fact: Fact, next: Int)] = [(fact, 0)]
            state[fact.id] = 1
            while let (current, next) = path.last {
                let updated = current.relations.filter { $0.kind == .updates }
                guard next < updated.count else {
                    state[current.id] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                guard let target = factByID[updated[next].factID] else { continue }
                switch state[target.id] {
                case 1:
                    let circle = path.drop { $0.fact.id != target.id }.map(\.fact.id) + [target.id]
                    problems.append(
                        Diagnostic(
                            file: current.file, line: updated[next].line,
                            "updates go round in a circle: \(circle.map { "\"\($0)\"" }.joined(separator: " → ")); the newer fact updates the older, never back"
                        ))
                case nil:
                    state[target.id] = 1
                    path.append((target, 0))
                default:
                    continue
                }
            }
        }
        return problems
    }
}
