/// What ``Lexicon`` works out for a word (its stem, whether it is a stop word or a weak
/// word, the synonym group or name it belongs to, whether a phrase can start with it),
/// worked out once for every word the facts and word lists use. A question's known words
/// then cost one look-up each instead of a stem and half a dozen set look-ups.
struct WordTable: Sendable {
    struct Info: Sendable {
        var stem: String
        var single: Lexicon.Entry?
        var isStop: Bool
        var isWeak: Bool
        /// A phrase of the lists starts with this word's stem.
        var startsPhrase: Bool
        /// A function phrase (``Lexicon/functionPhrases``) starts with this word.
        var startsFunctionPhrase = false
        /// The term the word matches as on its own: its synonym group or name, else its stem.
        var key: String { single?.key ?? stem }
    }

    let info: WordMap<Info>

    /// The term `word` matches as on its own (``Info/key``); a word not in the table, its stem.
    func key(of word: String, lexicon: Lexicon) -> String { info[word]?.key ?? lexicon.stemmer.stem(word) }

    /// The table for `words` (the vocabulary's) and every word of the lexicon's lists.
    init(words: [String], lexicon: Lexicon) {
        var info: [String: Info] = [:]
        let all = Set(words).union(lexicon.listWords).union(lexicon.stopWords).union(lexicon.weakWords).union(Lexicon.functionPhraseStarts)
        info.reserveCapacity(all.count)
        for word in all {
            let stem = lexicon.stemmer.stem(word)
            let single = lexicon.singles[stem]
            info[word] = Info(
                stem: stem, single: single, isStop: lexicon.stopWords.contains(word),
                isWeak: lexicon.isWeak(word, entry: single), startsPhrase: lexicon.phrases[stem] != nil,
                startsFunctionPhrase: Lexicon.functionPhraseStarts.contains(word))
        }
        self.info = WordMap(info)
    }
}
