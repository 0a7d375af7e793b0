/// The plain word lists a curator keeps beside the facts: synonyms, chat shorthand,
/// stop words and names. They carry the domain vocabulary, so none of it lives in code.
public struct WordLists: Sendable, Equatable {
    /// Groups of words or phrases that mean the same for matching; the first names the group.
    public var synonyms: [[String]] = []
    /// Chat shorthand and contractions: `r` → `are`, `what's` → `what is`.
    public var shorthand: [String: [String]] = [:]
    /// Words too common to match on ("the", "is", "many").
    public var stopWords: WordSet = []
    /// Words that help a fact that has them but cost nothing to one that lacks them:
    /// words about the article itself ("article", "story", "piece").
    public var weakWords: Set<String> = []
    /// Names of people, places, countries and organisations the bot should recognise as
    /// names even when no fact mentions them, so a question about one is declined.
    public var names: [String] = []
    /// What kind of name each listed name is, for those listed under a section
    /// (`[people]`, `[places]` ...): a question asking for a person's name is not answered
    /// with a country's.
    public var nameKinds: [String: NameKind] = [:]
    /// The opposing sides of the story (`[sides]` in names.txt), each a list of names
    /// ("russia, russian, moscow"): a question about one side is not answered with a fact
    /// about the other ("how many Chinese fight on *Ukraine's* side?").
    public var sides: [[String]] = []

    /// The kinds of name `names.txt` sorts its names into, one section each.
    public enum NameKind: String, Sendable, CaseIterable, Equatable {
        /// Countries and the words for their people (`[countries]`): the sides of a story.
        case countries
        /// Cities, regions and other places (`[places]`).
        case places
        /// Organisations, outlets, platforms (`[organisations]`).
        case organisations
        /// People (`[people]`).
        case people
        /// Currencies (`[currencies]`).
        case currencies
        /// The opposing sides (`[sides]`): a line per side, its names separated by commas.
        case sides
    }

    /// Words WordNet may not link to the fact base (`unlinked.txt`): links a curator found
    /// misleading here ("activity" is not "training").
    public var unlinked: Set<String> = []

    /// Greetings, thanks and the like (`smalltalk.txt`), answered politely, never as facts.
    public var smallTalk = SmallTalkWords()
    /// Nouns for people, institutions, outlets, roles; currencies; number words
    /// (`wordclasses.txt`).
    public var classes = WordClasses()

    /// Empty lists.
    public init() {}

    /// The stop words of a knowledge folder that has no `stopwords.txt` yet (a new story,
    /// sources listed and nothing curated): English function words, question words and
    /// auxiliaries, so "who published the article?" weighs "published" and "article", not
    /// "who" and "the". A folder's own `stopwords.txt` replaces them.
    public static let englishStopWords: WordSet = [
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "that", "this", "these", "those", "there", "here",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had",
        "having", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
        "them", "their", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "to", "of", "in", "on",
        "at", "by", "for", "from", "with", "about", "as", "into", "onto", "over", "under", "up", "down", "out", "off",
        "can", "could", "will", "would", "shall", "should", "may", "might", "must", "not", "no", "yes", "many", "much",
        "more", "most", "some", "any", "all", "each", "every", "both", "either", "very", "really", "just", "also", "too",
        "only", "even", "still", "tell", "know", "please", "explain", "anything", "something", "thing", "things",
        "s", "t", "u", "r", "pls", "plz", "ok", "okay",
    ]

    /// Makes lists directly (tests, benchmarks).
    public init(
        synonyms: [[String]] = [], shorthand: [String: [String]] = [:],
        stopWords: WordSet = [], weakWords: Set<String> = [], names: [String] = []
    ) {
        self.synonyms = synonyms
        self.shorthand = shorthand
        self.stopWords = stopWords
        self.weakWords = weakWords
        self.names = names
    }
}

/// Parsers for the line-based word lists. Each line is one item; `#` starts a comment.
public enum WordListParser {
    /// `synonyms.txt`: one group a line, words or phrases separated by commas.
    public static func synonyms(_ text: String, file: String) throws(Diagnostics) -> [[String]] {
        var groups: [[String]] = []
        var seen: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (line, content) in lines(text) {
            let words = content.split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }
            if words.contains(where: \.isEmpty) {
                problems.append(Diagnostic(file: file, line: line, "empty item between commas"))
                continue
            }
            if words.count < 2 {
                problems.append(Diagnostic(file: file, line: line, "a synonym group needs at least two words separated by commas, got \"\(content)\""))
                continue
            }
            for word in words {
                if let first = seen[word] {
                    problems.append(Diagnostic(file: file, line: line, "\"\(word)\" is already in the group on line \(first); a word may be in one group only"))
                }
                seen[word] = line
            }
            groups.append(words)
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return groups
    }

    /// `shorthand.txt`: `short = long form` a line.
    public static func shorthand(_ text: String, file: String) throws(Diagnostics) -> [String: [String]] {
        var table: [String: [String]] = [:]
        var problems: [Diagnostic] = []
        for (line, content) in lines(text) {
            let sides = content.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                problems.append(Diagnostic(file: file, line: line, "expected \"short = long form\", got \"\(content)\""))
                continue
            }
            let short = String(sides[0]).trimmingWhitespace().lowercased()
            let long = sides[1].split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
            if short.isEmpty || long.isEmpty || short.contains(where: \.isWhitespace) {
                problems.append(Diagnostic(file: file, line: line, "expected one word, \"=\", then its long form, got \"\(content)\""))
                continue
            }
            if table[short] != nil {
                problems.append(Diagnostic(file: file, line: line, "\"\(short)\" is defined twice"))
            }
            table[short] = long
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return table
    }

    /// `stopwords.txt` and `weakwords.txt`: words separated by spaces or lines.
    public static func words(_ text: String) -> Set<String> {
        var words: Set<String> = []
        for (_, content) in lines(text) {
            for word in content.split(whereSeparator: \.isWhitespace) { words.insert(word.lowercased()) }
        }
        return words
    }

    /// Parses `smalltalk.txt`: sections (`[greetings]`, `[thanks]`, `[help]`, `[filler]`,
    /// `[story cues]`, `[story words]`), each followed by words, several to a line. A
    /// section the file lists replaces the built-in one; the others stay.
    public static func smallTalk(_ text: String, file: String) throws(Diagnostics) -> SmallTalkWords {
        var words = SmallTalkWords()
        let sections = SmallTalkWords.sections
        try sectioned(text, file: file, known: sections.map(\.name)) { name in
            if let section = sections.first(where: { $0.name == name }) { words[keyPath: section.list] = [] }
        } item: { name, content in
            if let section = sections.first(where: { $0.name == name }) { words[keyPath: section.list].formUnion(Self.wordsOnALine(content)) }
            return nil
        }
        return words
    }

    /// Reads a file of `[section]` lines, each followed by lines of its own, the sections
    /// named in `known` (each at most once): `opened` is told of each section as it starts,
    /// and `item` reads each line under it, returning a problem with it or nil. Throws every
    /// problem with its line: an unknown or repeated section, a line outside a known
    /// section, and what `item` found.
    static func sectioned(
        _ text: String, file: String, known: [String], opened: (String) -> Void, item: (_ section: String, _ line: String) -> String?
    ) throws(Diagnostics) {
        var current: String?
        var seen: Set<String> = []
        var problems: [Diagnostic] = []
        for (line, content) in lines(text) {
            if content.hasPrefix("[") {
                let name = content.dropFirst().prefix { $0 != "]" }.lowercased()
                current = nil
                guard content.hasSuffix("]"), known.contains(name) else {
                    problems.append(
                        Diagnostic(
                            file: file, line: line,
                            "unknown section \(content)\(Suggestion.didYouMean(name, in: known)); sections are \(known.map { "[\($0)]" }.joined(separator: ", "))"
                        ))
                    continue
                }
                guard seen.insert(name).inserted else {
                    problems.append(Diagnostic(file: file, line: line, "section \(content) appears twice"))
                    continue
                }
                opened(name)
                current = name
                continue
            }
            guard let current else {
                problems.append(Diagnostic(file: file, line: line, "words before any section: start with a section such as [\(known[0])]"))
                continue
            }
            if let problem = item(current, content) { problems.append(Diagnostic(file: file, line: line, problem)) }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
    }

    /// The words of a line of a sectioned list, lower case: separated by spaces, tabs or commas.
    static func wordsOnALine(_ content: String) -> [String] {
        content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map { $0.lowercased() }
    }

    /// `names.txt`: one name (a word or a phrase) a line, after an optional section line
    /// (`[people]`, `[places]`, `[countries]`, `[organisations]`, `[currencies]`) saying what kind
    /// of name the lines below it are.
    public static func names(_ text: String, file: String = WordListParser.namesFile) throws(Diagnostics) -> (
        names: [String], kinds: [String: WordLists.NameKind], sides: [[String]]
    ) {
        var names: [String] = []
        var kinds: [String: WordLists.NameKind] = [:]
        var sides: [[String]] = []
        var kind: WordLists.NameKind?
        var problems: [Diagnostic] = []
        for (line, content) in lines(text) {
            if content.hasPrefix("[") {
                let name = content.dropFirst().prefix { $0 != "]" }.lowercased()
                guard content.hasSuffix("]"), let found = WordLists.NameKind(rawValue: name) else {
                    let known = WordLists.NameKind.allCases.map(\.rawValue)
                    problems.append(
                        Diagnostic(
                            file: file, line: line,
                            "unknown section \(content)\(Suggestion.didYouMean(name, in: known)); sections are \(known.map { "[\($0)]" }.joined(separator: ", "))"
                        ))
                    continue
                }
                kind = found
                continue
            }
            if kind == .sides {
                let side = content.split(separator: ",").map { String($0).trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
                if side.count != content.split(separator: ",", omittingEmptySubsequences: false).count {
                    problems.append(Diagnostic(file: file, line: line, "empty name between commas"))
                    continue
                }
                for other in sides.indices {
                    if let shared = side.first(where: sides[other].contains) {
                        problems.append(Diagnostic(file: file, line: line, "\"\(shared)\" is already on another side"))
                    }
                }
                sides.append(side)
                names += side
                continue
            }
            let name = content.lowercased()
            names.append(name)
            if let kind { kinds[name] = kind }
        }
        if sides.count == 1 {
            problems.append(Diagnostic(file: file, line: nil, "[sides] lists one side; list each side of the story on a line of its own"))
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return (names, kinds, sides)
    }

    /// The file name used in messages when none is given.
    public static let namesFile = "names.txt"

    /// Non-empty lines with comments removed, numbered from 1.
    static func lines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (index, raw) in text.textLines.enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = content.trimmingWhitespace()
            if !trimmed.isEmpty { result.append((index + 1, trimmed)) }
        }
        return result
    }
}
