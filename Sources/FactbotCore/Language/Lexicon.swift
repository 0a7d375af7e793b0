/// Turns text into ``Term``s using the curator's word lists: expands chat shorthand and
/// contractions, corrects misspellings against a vocabulary, stems (libstemmer), joins
/// known phrases, maps synonyms to their group and drops stop words.
public struct Lexicon: Sendable {
    /// What a phrase or word maps to.
    struct Entry: Sendable {
        var key: String
        var isName: Bool
    }

    let stemmer: Stemmer
    let shorthand: WordMap<[String]>
    let stopWords: WordSet
    let weakWords: WordSet
    /// Stem sequences of phrases (two or more words), by their first stem, longest first.
    let phrases: [String: [([String], Entry)]]
    /// Single stems that belong to a synonym group or name the list knows.
    let singles: [String: Entry]
    /// A word of the lists whose stem another group already claimed: it matches as that
    /// group, not its own ("interviewer" stems to "interview").
    public struct Clash: Sendable, Equatable {
        /// The word or phrase as listed.
        public var word: String
        /// Its stem.
        public var stem: String
        /// The group (or name) that owns the stem.
        public var keptIn: String
        /// The group the word was listed in.
        public var wantedIn: String
    }

    /// Stems claimed twice; `factbot check` reports them.
    public let clashes: [Clash]

    /// The synonym group of each single word the lists name, by the word as written.
    let groupOfWord: [String: String]
    /// Keys of every listed name and of synonym groups that hold one.
    let namedKeys: WordSet
    /// Keys of the names listed under `[countries]`.
    let countryKeys: WordSet
    /// Keys of the names listed under `[people]` (a synonym group's when the name is in one).
    let peopleKeys: WordSet
    /// The side of the story (``WordLists/sides``) each name's key is on.
    let sideOfKey: [String: Int]

    /// Number words read as digits (``WordClasses/numberWords``).
    let numberWords: WordMap<String>

    /// Every word the lists know: they are never "corrected", and the answerer adds
    /// them to its vocabulary so question words can be corrected towards them.
    public let listWords: WordSet

    /// Builds the lexicon from the word lists.
    public init(words: WordLists, stemmer: Stemmer) {
        self.stemmer = stemmer
        self.shorthand = WordMap(words.shorthand)
        self.numberWords = WordMap(words.classes.numberWords)
        self.stopWords = words.stopWords
        self.weakWords = WordSet(words.weakWords)
        var phrases: [String: [([String], Entry)]] = [:]
        var singles: [String: Entry] = [:]
        var listWords: Set<String> = []
        var clashes: [Clash] = []
        func add(_ text: String, _ entry: Entry) {
            let tokens = Tokenizer.tokens(text)
            let stems = tokens.map { stemmer.stem(Self.dropApostrophes($0.text)) }
            for token in tokens { listWords.insert(token.text) }
            if stems.count == 1 {
                if let owner = singles[stems[0]] {
                    if owner.key != entry.key, owner.key.hasPrefix("~"), entry.key.hasPrefix("~") {
                        clashes.append(Clash(word: text, stem: stems[0], keptIn: owner.key, wantedIn: entry.key))
                    }
                } else {
                    singles[stems[0]] = entry
                }
            } else if let first = stems.first {
                phrases[first, default: []].append((stems, entry))
            }
        }
        var groupOfWord: [String: String] = [:]
        for group in words.synonyms {
            guard let key = Self.groupKey(group) else { continue }
            for member in group where !member.contains(" ") && groupOfWord[member] == nil { groupOfWord[member] = key }
            let isName = group.contains { words.names.contains($0) }
            for member in group { add(member, Entry(key: key, isName: isName)) }
        }
        for name in words.names {
            let stems = Tokenizer.tokens(name).map { stemmer.stem(Self.dropApostrophes($0.text)) }
            add(name, Entry(key: stems.joined(separator: "_"), isName: true))
        }
        let sortedPhrases = phrases.mapValues { $0.sorted { $0.0.count > $1.0.count } }
        // the entry of the listed phrase of exactly these stems, as a question's words find it
        func phraseEntry(_ stems: [String]) -> Entry? { stems.first.flatMap { sortedPhrases[$0]?.first { $0.0 == stems }?.1 } }
        // A listed person's surname or given name alone names them too ("Wang" of "Wang
        // Guangjun"), as the whole name reads (a synonym group's key when the name is in
        // one: "Zhang" of "Zhang Renbo", one man with "Chang Renbo"), unless it is part of
        // two people's names or a word of the lists already.
        var parts: [String: Entry?] = [:]
        for (name, kind) in words.nameKinds.sorted(by: { $0.key < $1.key }) where kind == .people && name.contains(" ") {
            let stems = Tokenizer.tokens(name).map { stemmer.stem(Self.dropApostrophes($0.text)) }
            guard stems.count > 1 else { continue }
            let entry = phraseEntry(stems) ?? Entry(key: stems.joined(separator: "_"), isName: true)
            for stem in stems where stem.count >= 3 && !words.stopWords.contains(stem) && singles[stem] == nil {
                if let earlier = parts[stem], earlier?.key != entry.key {
                    parts[stem] = .some(nil)  // someone else's name too: ambiguous
                } else if parts[stem] == nil {
                    parts[stem] = entry
                }
            }
        }
        for (stem, entry) in parts { if let entry { singles[stem] = entry } }
        self.phrases = sortedPhrases
        self.singles = singles
        self.listWords = WordSet(listWords)
        self.clashes = clashes
        self.groupOfWord = groupOfWord
        var named: Set<String> = []
        for entry in singles.values where entry.isName { named.insert(entry.key) }
        for list in phrases.values { for (_, entry) in list where entry.isName { named.insert(entry.key) } }
        self.namedKeys = WordSet(named)
        func key(of name: String) -> String? {
            let stems = Tokenizer.tokens(name).map { stemmer.stem(Self.dropApostrophes($0.text)) }
            if stems.count == 1 { return singles[stems[0]]?.key ?? stems[0] }
            return phraseEntry(stems)?.key
        }
        var countries: Set<String> = []
        var people: Set<String> = []
        for (name, kind) in words.nameKinds {
            if kind == .countries, let key = key(of: name) { countries.insert(key) }
            if kind == .people, let key = key(of: name) { people.insert(key) }
        }
        self.peopleKeys = WordSet(people)
        var sideOfKey: [String: Int] = [:]
        for (side, names) in words.sides.enumerated() {
            for name in names { if let key = key(of: name) { sideOfKey[key] = side } }
        }
        self.sideOfKey = sideOfKey
        self.countryKeys = WordSet(countries)
    }

    /// The key of a synonym group: `~` and its first member (`~pay`, `~social_media`).
    static func groupKey(_ group: [String]) -> String? {
        group.first.map { "~" + Tokenizer.tokens($0).map(\.text).joined(separator: "_") }
    }

    /// The longest listed phrase whose words' stems are `stem(index)`, `stem(index + 1)`...
    /// (of `count` words in all); `stem` gives nil for a word that may not join one.
    func phrase(at index: Int, count: Int, stem: (Int) -> String?) -> (length: Int, entry: Entry)? {
        guard let first = stem(index), let candidates = phrases[first] else { return nil }
        candidates: for (phrase, entry) in candidates where index + phrase.count <= count {  // longest first
            for offset in 1..<phrase.count where stem(index + offset) != phrase[offset] { continue candidates }
            return (phrase.count, entry)
        }
        return nil
    }

    /// Words before a number that make it a count, not chat shorthand ("the other *4*
    /// soldiers", not "thanks *4* that").
    static let countLeads: WordSet = [
        "the", "other", "those", "these", "all", "only", "about", "around", "nearly", "almost", "over", "under", "than", "another",
        "first", "last", "next", "just",
    ]

    /// True when the number at `at` counts something: after a word that leads a count, or
    /// before a plural noun ("4 soldiers", not "4 this"). Such a number is never read as shorthand.
    func countsHere(_ tokens: [Token], _ at: Int, after previous: Token?) -> Bool {
        guard tokens[at].isNumber else { return false }
        if let previous, Self.countLeads.contains(previous.text) { return true }
        guard at + 1 < tokens.count else { return false }
        let next = tokens[at + 1].text
        return Self.countedPlurals.contains(next) || (next.count > 3 && next.hasSuffix("s") && !next.hasSuffix("ss") && !stopWords.contains(next))
    }

    /// Plurals a number counts that may be stop words or lack an "s": "4 days", "4 men".
    static let countedPlurals: WordSet = [
        "days", "weeks", "months", "years", "hours", "minutes", "times", "men", "women", "people", "children",
    ]

    /// The words of `text` after shorthand and contractions are expanded: what the
    /// question-type rules read.
    public func words(_ text: String) -> [Token] {
        var result: [Token] = []
        let tokens = Tokenizer.tokens(text)
        for (at, token) in tokens.enumerated() {
            if let long = shorthand[token], !countsHere(tokens, at, after: result.last) {
                result += long.enumerated().map { Token($1, startsClause: $0 == 0 && token.startsClause) }
                continue
            }
            var word = token.text
            // a slip in the question word that opens it ("wich", "whta"): the one question word it can be
            if at == 0, let questionWord = Self.questionWordSlip(word, stopWords: stopWords) { word = questionWord }
            // "the US" is the country, never the pronoun
            if word == "us", result.last?.text == "the" { word = "usa" }
            guard word.utf8.contains(39) else {  // no apostrophe: nothing to split or drop
                if let digits = numberWords[word] { word = digits }
                result.append(Token(word, capitalised: token.capitalised, startsClause: token.startsClause))
                continue
            }
            if word.hasSuffix("n't") {
                result.append(Token(String(word.dropLast(3)), capitalised: token.capitalised, startsClause: token.startsClause))
                result.append(Token("not"))
                continue
            }
            if word.hasSuffix("'s") { word.removeLast(2) }
            word = Self.dropApostrophes(word)
            if let digits = numberWords[word] { word = digits }
            if !word.isEmpty { result.append(Token(word, capitalised: token.capitalised, startsClause: token.startsClause)) }
        }
        return Self.foldingMultipliers(result)
    }

    /// Question words a question may open with.
    static let questionWords = ["what", "which", "when", "where", "who", "whom", "whose", "why", "how"]

    /// The question word `word` is a slip of (one letter wrong, missing, extra or two
    /// swapped), when it is one alone and `word` is no small word itself: "wich" is "which",
    /// "whet" could be "what" or "when" and stays.
    static func questionWordSlip(_ word: String, stopWords: WordSet) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4, scalars.count <= 6, scalars.first == "w" || scalars.first == "h", !stopWords.contains(word),
            scalars.allSatisfy(Tokenizer.isLetter)
        else { return nil }
        var distance = Suggestion.BoundedDistance(capacity: 8)
        let near = questionWords.filter { distance.between(scalars, Array($0.unicodeScalars)[...], limit: 1) <= 1 }
        return near.count == 1 ? near[0] : nil
    }

    /// How much "thousand", "million" and their short forms multiply a figure by ("m" only
    /// joined to it, "5m": alone after a figure it is as often metres).
    static let multipliers: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    ]

    /// Figures written with a multiplier as plain digits, the way they are written with
    /// separators: "200 thousand", "200k" and "200,000" all read `200000`; "1.5 million"
    /// reads `1500000`. A figure that would not be a whole number is left as written.
    static func foldingMultipliers(_ words: [Token]) -> [Token] {
        func value(_ text: String) -> Double? {
            guard let first = text.utf8.first, first >= 48, first <= 57 else { return nil }
            return Double(text)
        }
        func folded(_ figure: Double, _ multiplier: Double) -> String? {
            let product = figure * multiplier
            // a whole number, but for binary rounding ("2.01 million" is 2009999.9999999998)
            guard product < 1e15, abs(product - product.rounded()) < 1e-6 else { return nil }
            return String(Int64(product.rounded()))
        }
        guard words.contains(where: { $0.text.utf8.first.map { $0 >= 48 && $0 <= 57 } == true }) else { return words }
        var result: [Token] = []
        result.reserveCapacity(words.count)
        var position = 0
        while position < words.count {
            var token = words[position]
            if let figure = value(token.text), position + 1 < words.count, let multiplier = multipliers[words[position + 1].text],
                let digits = folded(figure, multiplier)
            {
                token.text = digits  // "200 thousand"
                position += 1
            } else if value(token.text) == nil, let suffix = ["bn", "mln", "mn", "k", "m"].first(where: { token.text.hasSuffix($0) }),
                let figure = value(String(token.text.dropLast(suffix.count))), let multiplier = suffix == "m" ? 1e6 : multipliers[suffix],
                let digits = folded(figure, multiplier)
            {
                token.text = digits  // "200k"
            }
            result.append(token)
            position += 1
        }
        return result
    }

    /// The content terms of already-expanded words. When `vocabulary` is given, a word
    /// that neither it nor the lists know is replaced by the closest known word.
    public func terms(_ words: [Token], vocabulary: Vocabulary? = nil) -> [Term] {
        terms(words, vocabulary: vocabulary, table: nil)
    }

    /// The same, reading what `table` already knows about a word instead of working it out,
    /// and matching words the fact base does not use through WordNet `links` (a phrase of
    /// up to three words, then single words) before trying to correct their spelling.
    func terms(_ words: [Token], vocabulary: Vocabulary?, table: WordTable?, links: WordLinks? = nil) -> [Term] {
        // 1. stem; find WordNet links for unknown words; correct the rest
        // links found, by position (few questions have any: kept apart so the words stay cheap to copy)
        var linkAt: [Int: WordLink] = [:]
        typealias Word = (stem: String, token: Token, corrected: String?, known: WordTable.Info?, span: Int)
        var stems: [Word] = []
        stems.reserveCapacity(words.count)
        var anyUnknown = false
        for token in words {
            if let known = table?.info[token] {  // a word the facts or lists use: never corrected
                stems.append((known.stem, token, nil, known, 1))
            } else {
                stems.append((stemmer.stem(token.text), token, nil, nil, 1))
                anyUnknown = true
            }
        }
        // the spelling correction of an unknown word, looked up once (and at most
        // maximumCorrections a question: a line of junk cannot make a question slow)
        var corrections = 0
        var correctionAt: [Int: String?] = [:]
        // a word that may be a slip: asked (there is a vocabulary) and neither the facts nor the lists use it
        func misspellable(_ index: Int) -> Bool {
            let token = stems[index].token
            let stem = stems[index].stem
            guard let vocabulary, !token.isNumber, singles[stem] == nil, !vocabulary.knows(stem: stem) else { return false }
            return !stopWords.contains(token) && !weakWords.contains(token) && !listWords.contains(token)
                && !vocabulary.contains(token.text)
        }
        func correction(at index: Int) -> String? {
            if let known = correctionAt[index] { return known }
            let token = stems[index].token
            var fix: String?
            if let vocabulary, corrections < Self.maximumCorrections, misspellable(index) {
                corrections += 1
                fix = vocabulary.correction(for: token.text) { word in stems.indices.contains { $0 != index && stems[$0].token.text == word } }
                // an English word is not a misspelling of another ("minister" is not "ministry")
                if fix != nil, links?.isEnglish(token.text) ?? false { fix = nil }
            }
            correctionAt[index] = .some(fix)
            return fix
        }
        if anyUnknown, let links, links.count > 0 {
            var index = 0
            while index < stems.count {
                defer { index += max(1, stems[index].span) }
                // a phrase WordNet knows, holding at least one unknown word ("hired guns")
                for length in [3, 2] where index + length <= stems.count {
                    let window = stems[index..<(index + length)]
                    guard window.contains(where: { $0.known == nil && !$0.token.isNumber }) else { continue }
                    // three words only around a small word ("head of state", "soldier of fortune")
                    if length == 3, !(window[index + 1].known?.isStop ?? false) { continue }
                    if let link = usable(links.links(window.map(\.stem).joined(separator: "_")), vocabulary) {
                        linkAt[index] = link
                        stems[index].span = length
                        break
                    }
                }
                let word = stems[index]
                // a slip of the keyboard is corrected rather than linked ("soliders" is not "solid")
                if word.span == 1, word.known == nil, !word.token.isNumber, !stopWords.contains(word.token.text), singles[word.stem] == nil,
                    let found = usable(links.links(word.stem), vocabulary), correction(at: index) == nil
                {
                    linkAt[index] = found
                }
            }
        }
        for index in stems.indices where stems[index].known == nil && linkAt[index] == nil && stems[index].span == 1 {
            // the rest of a listed name, misspelt ("chai jign"): its first word says which name
            // (only in a question, and only for a word the facts do not use: "new work" is no "new york")
            if index > 0, misspellable(index), let part = namePart(after: stems[index - 1].stem, typed: stems[index].token) {
                stems[index].corrected = stems[index].token.text
                stems[index].token.text = part
                stems[index].stem = part
                continue
            }
            if let fix = correction(at: index) {
                stems[index].corrected = stems[index].token.text
                stems[index].token.text = fix
                stems[index].stem = stemmer.stem(fix)
            }
        }
        // 2. phrases and synonyms, 3. stop words
        var terms: [Term] = []
        // (a word of the table says whether it starts one: most questions have none)
        let functionWords =
            stems.contains { $0.known?.startsFunctionPhrase ?? Self.functionPhraseStarts.contains($0.token.text) }
            ? Self.functionPhrasePositions(words) : []
        var index = 0
        while index < stems.count {
            let (stem, token, corrected, known, span) = stems[index]
            if functionWords.contains(index) {
                index += 1
                continue
            }
            if !linkAt.isEmpty, let link = linkAt[index] {
                let covered = stems[index..<(index + span)]
                var term = Term(
                    key: link.key, surface: covered.map(\.token.text).joined(separator: " "),
                    isName: covered.contains { $0.token.capitalised })
                term.link = link
                // an adverb ("originally") shades the question even when WordNet links it
                term.isWeak = span == 1 && isWeak(token.text, entry: nil)
                terms.append(term)
                index += span
                continue
            }
            if known?.startsPhrase ?? true,
                let (length, entry) = phrase(at: index, count: stems.count, stem: { linkAt[$0] == nil ? stems[$0].stem : nil })
            {
                let surface = stems[index..<(index + length)].map(\.token.text).joined(separator: " ")
                let capitalised = stems[index..<(index + length)].contains { $0.token.capitalised }
                let slip = corrected ?? stems[index..<(index + length)].lazy.compactMap(\.corrected).first
                terms.append(Term(key: entry.key, surface: surface, isName: entry.isName || capitalised, correctedFrom: slip))
                index += length
                continue
            }
            index += 1
            if known?.isStop ?? stopWords.contains(token) { continue }
            let entry = known.map(\.single) ?? singles[stem]
            var term = Term(
                key: entry?.key ?? stem, surface: token.text,
                isName: (entry?.isName ?? false) || token.capitalised, isNumber: Self.isFigure(token),
                correctedFrom: corrected)
            // a small count ("the 2 captured", "three types") helps a fact that has it but
            // is no reason to pick one
            term.isWeak = (known?.isWeak ?? isWeak(token.text, entry: entry)) || (token.isNumber && !term.isNumber)
            terms.append(term)
        }
        return terms
    }

    /// The second word of the one listed name that starts with `first` and whose second word
    /// is `typed` but for one slip (a letter wrong, missing, extra or two swapped: "jign"
    /// for "jing"). The name before it makes the reading safe for short words, which the
    /// general spelling correction leaves alone.
    func namePart(after first: String, typed: Token) -> String? {
        guard let listed = phrases[first], !typed.isNumber else { return nil }
        let length = typed.text.unicodeScalars.count
        guard length >= 4 else { return nil }
        // cheap tests first: most phrases starting with the word are no name, or not of a length within reach
        var found: String?
        var scalars: [Unicode.Scalar] = []
        var distance: Suggestion.BoundedDistance?
        for (stems, entry) in listed where entry.isName && stems[1] != found {
            let part = stems[1].unicodeScalars
            guard part.count >= 4, abs(part.count - length) <= 1 else { continue }
            if scalars.isEmpty {
                scalars = Array(typed.text.unicodeScalars)
                guard scalars.allSatisfy(Tokenizer.isLetter) else { return nil }
                distance = Suggestion.BoundedDistance(capacity: length + 2)
            }
            guard distance!.between(scalars, Array(part)[...], limit: 1) <= 1 else { continue }
            if found != nil { return nil }  // two names it could be
            found = stems[1]
        }
        return found
    }

    /// The strongest of `links` whose key the fact base uses (all of them, without a vocabulary).
    private func usable(_ links: [WordLink], _ vocabulary: Vocabulary?) -> WordLink? {
        links.first { vocabulary?.knows(stem: $0.key) ?? true }
    }

    /// Adverbs ("primarily", "reportedly") shade a question rather than carry it, as do
    /// the listed weak words.
    func isWeak(_ word: String, entry: Entry?) -> Bool {
        weakWords.contains(word) || (entry == nil && word.count > 5 && word.hasSuffix("ly"))
    }

    /// Convenience: ``terms(_:vocabulary:)`` of ``words(_:)``.
    public func terms(of text: String, vocabulary: Vocabulary? = nil) -> [Term] {
        terms(words(text), vocabulary: vocabulary)
    }

    /// Most spelling look-ups one question may cost.
    static let maximumCorrections = 6

    /// Phrases that work as a preposition or a plain verb of motion: their words are no
    /// content there ("dangled *in front of* recruits" is not about the front; "in
    /// exchange for the fee" is not a prisoner exchange; "*head to* Russia" is no leader).
    static let functionPhrases: [[String]] = [
        ["in", "front", "of"], ["in", "terms", "of"], ["on", "behalf", "of"], ["in", "spite", "of"], ["by", "means", "of"],
        ["with", "respect", "to"], ["with", "regard", "to"], ["in", "regard", "to"], ["in", "relation", "to"],
        ["in", "exchange", "for"], ["in", "return", "for"], ["in", "the", "wake", "of"], ["in", "light", "of"],
        ["as", "a", "result", "of"], ["at", "the", "hands", "of"], ["in", "the", "course", "of"], ["for", "the", "sake", "of"],
        ["in", "addition", "to"], ["in", "the", "face", "of"], ["head", "to"], ["head", "for"], ["head", "towards"],
        ["head", "toward"], ["head", "back"], ["head", "home"], ["headed", "to"], ["headed", "for"], ["headed", "back"],
        ["headed", "home"], ["heading", "to"], ["heading", "for"], ["heading", "back"], ["heading", "home"], ["heads", "to"],
        ["heads", "for"],
    ]
    /// The first words of the function phrases.
    static let functionPhraseStarts = WordSet(functionPhrases.map { $0[0] })

    /// The positions of `words` inside a function phrase (``functionPhrases``).
    static func functionPhrasePositions(_ words: [Token]) -> Set<Int> {
        var inside: Set<Int> = []
        for start in words.indices.dropLast() where functionPhraseStarts.contains(words[start]) {
            for phrase in functionPhrases where phrase[0] == words[start].text && phrase[1] == words[start + 1].text {
                if start + phrase.count <= words.count, zip(phrase, words[start...]).allSatisfy({ $0 == $1.text }) {
                    inside.formUnion(start..<(start + phrase.count))
                }
            }
        }
        return inside
    }

    /// A number that pins a question down: any written in digits from 13 up (155, 2023).
    /// Small counts ("which two leaders") are ordinary words.
    static func isFigure(_ token: Token) -> Bool {
        token.isNumber && (token.text.count > 2 || (Int(token.text) ?? 0) >= 13)
    }

    static func dropApostrophes(_ word: String) -> String {
        word.utf8.contains(39) ? String(word.unicodeScalars.filter { $0 != "'" }.map(Character.init)) : word
    }
}
