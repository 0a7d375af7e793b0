/// The stored text of a refreshed source, sentence by sentence: a fallback the answerer
/// quotes from when no curated fact answers.
public struct SourceText: Sendable, Equatable {
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

    init(answerer: Answerer) { self.answerer = answerer }

    init?(texts: [SourceText], words: WordLists, settings: Answerer.Settings) {
        var facts: [Fact] = []
        for text in texts {
            // Long enough to say something, short enough for one reply line.
            for (number, sentence) in text.sentences.enumerated() where (20...400).contains(sentence.count) {
                facts.append(Fact(id: "\(text.source.id)#s\(number + 1)", answer: sentence, questions: [sentence],
                                  types: Self.types(of: sentence), sourceID: text.source.id))
            }
        }
        guard !facts.isEmpty else { return nil }
        let knowledge = KnowledgeBase(facts: facts, sources: texts.map(\.source), words: words)
        guard let answerer = Answerer(knowledge: knowledge, index: nil, settings: settings, quoting: [], describingSources: false) else { return nil }
        self.answerer = answerer
    }

    /// What a sentence can answer, read from its surface: figures, quotations, or a description.
    static func types(of sentence: String) -> [AnswerType] {
        var types: [AnswerType] = [.description]
        if sentence.contains(where: \.isNumber) { types += [.number, .amount, .date] }
        if sentence.contains(where: { "\"“«".contains($0) }) { types += [.quote, .person] }
        return types
    }
}
