/// The stored text of a refreshed source, sentence by sentence: a fallback the answerer
/// quotes from when no curated fact answers.
public struct SourceSentences: Sendable, Equatable {
    /// The source, as registered (its URL may be replaced by the final URL fetched).
    public var source: Source
    /// The article's sentences, in order.
    public var sentences: [String]

    /// A source's sentences.
    public init(source: Source, sentences: [String]) {
        self.source = source
        self.sentences = sentences
    }
}

/// An index over stored source sentences, scored by the same answerer as the facts.
/// Each sentence is a fact of its own (`sourceID#sN`) whose one example is itself.
final class QuoteIndex: Sendable {
    let answerer: Answerer
    /// Who the sentences that say "he", "she" or "I" surely speak of, by id, for the reply
    /// to name them (``SentenceReading/Attribution``).
    let attributions: [String: SentenceReading.Attribution]
    /// Each sentence's position in the index, by id.
    private let positions: [String: Int]

    init(answerer: Answerer, attributions: [String: SentenceReading.Attribution]) {
        self.answerer = answerer
        self.attributions = attributions
        self.positions = Dictionary(uniqueKeysWithValues: answerer.index.facts.enumerated().map { ($1.id, $0) })
    }

    /// The sentence of an id, if there is one.
    func sentence(_ id: String) -> Fact? { positions[id].map { answerer.index.facts[$0] } }

    /// Where a sentence stands in the index: sentences of one article are in its order.
    func position(of id: String) -> Int { positions[id] ?? 0 }

    convenience init?(texts: [SourceSentences], words: WordLists, settings: Answerer.Settings, lexicon: Lexicon? = nil) {
        var facts: [Fact] = []
        var attributions: [String: SentenceReading.Attribution] = [:]
        for text in texts {
            // "A day later, he said ...": the people a sentence speaks of without naming them
            let readings = SentenceReading.readings(of: text.sentences, words: words) { _ in 0 }
            // Long enough to say something, short enough for one reply line.
            for (number, sentence) in text.sentences.enumerated() where (20...400).contains(sentence.count) {
                var fact = Fact(
                    id: "\(text.source.id)#s\(number + 1)", answer: sentence, questions: [sentence],
                    types: Self.types(of: sentence, currencies: words.classes.currencies), sourceID: text.source.id)
                // matched by who the passage is about, shown naming who "he" is when that is sure
                let (reading, carried, sure) = readings[number]
                if carried { fact.context = reading.names }
                if sure { attributions[fact.id] = SentenceReading.attribution(sentence, to: reading.names, credited: reading.isCredited) }
                facts.append(fact)
            }
        }
        guard !facts.isEmpty else { return nil }
        let knowledge = KnowledgeBase(facts: facts, sources: texts.map(\.source), words: words)
        guard let answerer = Answerer(knowledge: knowledge, index: nil, settings: settings, quoting: [], describingSources: false, lexicon: lexicon)
        else { return nil }
        self.init(answerer: answerer, attributions: attributions)
    }

    /// What a sentence can answer, read from its surface: a count when it has a figure,
    /// an amount when a currency goes with it, a date when it names a time, a person
    /// when it names one (two capitalised words), a quote when it quotes; always a description.
    static func types(of sentence: String, currencies: WordSet) -> [AnswerType] {
        var types: [AnswerType] = [.description]
        let words = sentence.split { !$0.isLetter && !$0.isNumber && $0 != "£" && $0 != "$" && $0 != "€" }
        let lower = words.map { $0.lowercased() }
        if sentence.contains(where: \.isNumber) || lower.contains(where: countWords.contains) { types.append(.number) }
        if sentence.contains(where: currencySigns.contains) || lower.contains(where: { currencies.contains($0) || payWords.contains($0) }) {
            types.append(.amount)
        }
        if lower.contains(where: { Answerer.timeWords.contains($0) || ($0.count == 4 && Int($0).map { (1900...2100).contains($0) } ?? false) }) {
            types.append(.date)
        }
        if zip(words, words.dropFirst()).contains(where: { ($0.first?.isUppercase ?? false) && ($1.first?.isUppercase ?? false) }) {
            types += [.person, .organization, .place]
        } else if zip(lower, words.dropFirst()).contains(where: {
            SentenceReading.placePrepositions.contains($0) && ($1.first?.isUppercase ?? false) && !Answerer.timeWords.contains($1.lowercased())
        }) {
            // "had been in Bakhmut"
            types.append(.place)
        }
        if sentence.contains(where: quotationMarks.contains) { types.append(.quote) }
        if lower.contains(where: reasonWords.contains) { types.append(.reason) }
        return types
    }

    static let currencySigns: Set<Character> = ["£", "$", "€", "¥"]
    /// Marks that open a quotation.
    static let quotationMarks: Set<Character> = ["\"", "“", "«"]
    static let countWords: WordSet = ["hundreds", "thousands", "millions", "dozens", "two", "three", "several"]
    /// Words of pay, which make a sentence's figure an amount as a currency does.
    static let payWords: WordSet = ["salary", "salaries", "pay", "paid", "wage", "wages"]
    static let reasonWords: WordSet = ["because", "since", "reason", "why", "driven", "motivated", "due"]
}
