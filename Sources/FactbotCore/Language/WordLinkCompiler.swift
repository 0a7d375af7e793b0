import WordNet

/// Finds, in WordNet, the words that lead to the words a fact base uses, the way
/// ChatScript builds its concepts on WordNet: the other words of the same sense, the
/// derivationally related forms (recruit, recruitment, recruiter), similar adjectives,
/// and one level of more general and more specific words.
///
/// One hop in WordNet is noisy ("aimed" reaches "drive" through a rare sense), so a link
/// is weighed by the kind of relation and by how common the sense is, on both ends: a
/// word's first sense counts fully, later ones less, senses never seen in WordNet's tagged
/// corpus least, and links below ``minimumStrength`` are dropped. Fan-out is capped, the
/// most general nouns (WordNet's `noun.Tops`: entity, person, act ...) are never followed
/// up or down, nor are the ``neverFollowed`` words.
public struct WordLinkCompiler {
    /// Weakest link kept.
    public static let minimumStrength = 0.3
    /// Most senses of a fact base's word followed.
    static let sensesFollowed = 4
    /// Most more-specific synsets followed from one sense (a word like "soldier" has dozens).
    static let narrowerFollowed = 16
    /// What a link from a word never seen in WordNet's tagged corpus keeps ("everydayness").
    static let rareWordShare = 0.6
    /// Most links kept for one question word.
    static let linksKept = 3
    /// What each kind of relation is worth before the senses are weighed.
    static func base(_ kind: WordLink.Kind) -> Double {
        switch kind {
        case .synonym: 0.85
        case .derivation: 0.8
        case .similar: 0.65
        case .broader: 0.6
        case .narrower: 0.6
        }
    }

    /// Words too vague to link to or from, however common their sense: they would
    /// tie a question to anything.
    static let neverFollowed: Set<String> = [
        "be", "have", "do", "make", "get", "give", "take", "go", "come", "put", "set", "let", "thing", "matter",
        "way", "kind", "sort", "type", "part", "piece", "stuff", "one", "lot", "time", "state", "act", "action",
        "people", "person", "individual", "someone", "somebody", "group", "unit", "object", "entity", "abstraction",
    ]

    let database: WordNetDatabase
    let stemmer: Stemmer

    /// A compiler over `database`, keying question words by `stemmer`'s stems.
    public init(database: WordNetDatabase, stemmer: Stemmer) {
        self.database = database
        self.stemmer = stemmer
    }

    /// How much a sense of rank `rank` (0 = most frequent) counts, given how many of the
    /// lemma's senses were seen in the tagged corpus.
    static func senseWeight(rank: Int, tagged: Int) -> Double {
        let byRank: Double =
            switch rank {
            case 0: 1
            case 1: 0.75
            case 2: 0.55
            default: 0.4
            }
        return rank < max(tagged, 1) ? byRank : byRank * 0.6
    }

    /// The links to `targets` (each a word or phrase of the fact base, with the term key it
    /// matches as). `known` holds the keys of words the fact base already matches exactly
    /// (never linked), `stopWords` words never linked from.
    /// `names` holds the keys of names, which are linked to their synonyms and related
    /// forms only: a name has no more general or more specific word ("Chinese" is not "Cantonese").
    /// Words in `unlinked` (the curator's `unlinked.txt`), and words of the same stem, are never linked from.
    public func compile(
        targets: [(word: String, key: String)], known: Set<String>, stopWords: WordSet,
        names: Set<String> = [], unlinked: Set<String> = []
    ) -> [String: [WordLink]] {
        var best: [String: [String: WordLink]] = [:]  // question key → target key → best link
        struct Lemma: Hashable {
            var text: String
            var pos: PartOfSpeech
        }
        let lines = PartOfSpeech.allCases.map { database.lemmaLines($0) }  // one pass per index file
        var entries: [Lemma: IndexEntry?] = [:]
        func entry(_ lemma: String, _ pos: PartOfSpeech) -> IndexEntry? {
            guard let line = lines[Int(pos.rawValue)][lemma] else { return nil }
            let id = Lemma(text: lemma, pos: pos)
            if let cached = entries[id] { return cached }
            let found = database.entry(atLine: line, lemma: lemma, pos)
            entries[id] = found
            return found
        }
        var synsets: [Int: Synset?] = [:]
        func synset(_ offset: Int, _ pos: PartOfSpeech) -> Synset? {
            let id = offset << 2 | Int(pos.rawValue)
            if let cached = synsets[id] { return cached }
            let found = database.synset(at: offset, pos)
            synsets[id] = found
            return found
        }
        /// How much a lemma's use as `pos` counts: fully for its commonest part of speech
        /// (most senses seen in the tagged corpus), less for the others ("dead" the adverb).
        var taggedByLemma: [String: [Int]] = [:]
        func posWeight(_ lemma: String, _ pos: PartOfSpeech) -> Double {
            let tagged = taggedByLemma[lemma] ?? PartOfSpeech.allCases.map { entry(lemma, $0)?.taggedSenses ?? 0 }
            taggedByLemma[lemma] = tagged
            let own = tagged[Int(pos.rawValue)]
            if own == tagged.max() ?? 0 { return 1 }
            return own > 0 ? 0.6 : 0.35
        }
        let unlinkedStems = Set(unlinked.map { $0.split(separator: " ").map { stemmer.stem(String($0)) }.joined(separator: "_") })
        func offer(_ lemma: String, in synset: Synset, to target: (word: String, key: String), kind: WordLink.Kind, weight: Double) {
            guard !Self.neverFollowed.contains(lemma), lemma.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 || $0 == 95 || $0 == 45 }),
                let rank = entry(lemma, synset.partOfSpeech).flatMap({ e in e.rank(of: synset.offset).map { (e, $0) } })
            else { return }
            var strength = weight * Self.senseWeight(rank: rank.1, tagged: rank.0.taggedSenses) * posWeight(lemma, synset.partOfSpeech)
            if taggedByLemma[lemma]?.allSatisfy({ $0 == 0 }) ?? false { strength *= Self.rareWordShare }
            guard strength >= Self.minimumStrength else { return }
            let parts = lemma.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
            if parts.allSatisfy(stopWords.contains) { return }  // "come in": nothing a question would match on
            if unlinked.contains(parts.joined(separator: " ")) { return }
            let stems = parts.map { stemmer.stem($0) }
            // nor any word of the same stem: a question's "population" is matched as "popul",
            // which WordNet's "populate" would link otherwise
            if unlinkedStems.contains(stems.joined(separator: "_")) { return }
            // a phrase of words the fact base already matches is never looked up ("front line")
            if parts.count > 1, zip(parts, stems).allSatisfy({ known.contains($1) || stopWords.contains($0) }) { return }
            let key = stems.joined(separator: "_")
            guard !key.isEmpty, !known.contains(key), key != target.key else { return }
            let link = WordLink(
                key: target.key, word: target.word, from: parts.joined(separator: " "), kind: kind,
                strength: (strength * 100).rounded() / 100)
            if let old = best[key]?[target.key], old.strength >= link.strength { return }
            best[key, default: [:]][target.key] = link
        }

        for target in targets where !Self.neverFollowed.contains(target.word) {
            let lemmaOfTarget = target.word.replacingSpaces()
            for pos in PartOfSpeech.allCases {
                for lemma in database.baseForms(lemmaOfTarget, pos, isLemma: { entry($0, pos) != nil }) {
                    guard let own = entry(lemma, pos) else { continue }
                    for (rank, offset) in own.synsets.prefix(Self.sensesFollowed).enumerated() {
                        guard let sense = synset(offset, pos) else { continue }
                        let weight = Self.senseWeight(rank: rank, tagged: own.taggedSenses) * posWeight(lemma, pos)
                        let wordNumber = (sense.words.firstIndex(of: lemma) ?? -1) + 1
                        for other in sense.words where other != lemma {
                            offer(other, in: sense, to: target, kind: .synonym, weight: weight * Self.base(.synonym))
                        }
                        var narrower = 0
                        for pointer in sense.pointers {
                            let lexical = pointer.sourceWord != 0
                            if lexical, pointer.sourceWord != wordNumber { continue }  // another word's link
                            let kind: WordLink.Kind
                            switch pointer.symbol {
                            case "+", "\\", "<", "=": kind = .derivation
                            case "&": kind = .similar
                            case "@", "@i": kind = .broader
                            case "~", "~i":
                                narrower += 1
                                if narrower > Self.narrowerFollowed { continue }
                                kind = .narrower
                            default: continue
                            }
                            guard let linked = synset(pointer.target, pointer.partOfSpeech) else { continue }
                            if kind == .broader || kind == .narrower,
                                linked.lexicographerFile == 3 || sense.lexicographerFile == 3 || names.contains(target.key)
                            {
                                continue
                            }
                            let words =
                                lexical && pointer.targetWord > 0 && pointer.targetWord <= linked.words.count
                                ? [linked.words[pointer.targetWord - 1]] : linked.words
                            for word in words {
                                offer(word, in: linked, to: target, kind: kind, weight: weight * Self.base(kind))
                            }
                        }
                    }
                }
            }
        }
        return best.mapValues { byTarget in
            Array(byTarget.values.sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.key < $1.key }.prefix(Self.linksKept))
        }
    }
}

extension String {
    /// `sign up` → `sign_up`: a phrase as WordNet spells its lemmas.
    func replacingSpaces() -> String {
        String(self.lowercased().map { $0 == " " ? "_" : $0 })
    }
}
