/// Which sentences of a stored source the curated facts already tell (`factbot check
/// --coverage`, and what `factbot draft` leaves out). Pure: handed the sentences and the
/// answerer of the curated facts.
public struct SentenceCoverage: Sendable, Equatable {
    /// The sentence, as stored.
    public var sentence: String
    /// Its number in the source, from 1.
    public var number: Int
    /// The curated fact of the same source that tells it, if one does.
    public var fact: String?
    /// A fact of another source that tells it, if one does and none of its own source does:
    /// a candidate for `confirms`, `disputes` or `updates`.
    public var elsewhere: String?

    /// Sentences shorter than this say too little to need a fact ("Read more.").
    public static let shortest = 40
    /// Sentences longer than this are not one claim; the longest are skipped.
    public static let longest = 600
    /// How sure the answerer must be, asked the sentence itself, that a fact tells it. Below
    /// the answering threshold: a sentence carries more words than any question, and the
    /// ones a fact leaves out (the attribution, the asides) cost it.
    public static let coveredConfidence = 0.45
    /// A sentence holding several claims is told when the leading facts of its source
    /// together hold this share of its words.
    public static let coveredShare = 0.6

    /// The coverage of every sentence of `text` worth a fact, in order.
    public static func of(_ text: SourceText, answerer: Answerer) -> [SentenceCoverage] {
        text.sentences.enumerated().compactMap { position, sentence in
            guard (shortest...longest).contains(sentence.count), sentence.contains(where: \.isLetter) else { return nil }
            var result = SentenceCoverage(sentence: sentence, number: position + 1, fact: nil, elsewhere: nil)
            let (telling, together) = answerer.factsTelling(sentence, atLeast: coveredConfidence, sourceID: text.source.id)
            for candidate in telling {
                if candidate.sourceID == text.source.id {
                    result.fact = candidate.id
                    break
                }
                if result.elsewhere == nil { result.elsewhere = candidate.id }
            }
            if result.fact == nil, together.share >= coveredShare { result.fact = together.facts.joined(separator: " + ") }
            return result
        }
    }
}

extension Answerer {
    /// The curated facts that state what `sentence` says, best first: the sentence is
    /// asked as a question, and each fact among the leaders at `atLeast` confidence counts.
    /// And the leaders of `sourceID` taken together: the share of the sentence's words
    /// they hold between them (a sentence of several claims, told by several facts).
    func factsTelling(_ sentence: String, atLeast confidence: Double, sourceID: String) -> (facts: [Fact], together: (facts: [String], share: Double)) {
        let explanation = answerFromFacts(sentence).explanation
        let facts = explanation.candidates.compactMap { candidate in index.facts.first { $0.id == candidate.factID } }
        let curated = zip(explanation.candidates, facts).filter { !$1.isAboutSource && !$1.types.contains(.gap) }
        let telling = curated.filter { $0.0.confidence >= confidence }.map(\.1)
        let own = curated.filter { $0.1.sourceID == sourceID }
        let words = Set(explanation.terms.filter { !$0.isWeak }.map(\.surface)).union(explanation.unknown)
        let held = Set(own.flatMap(\.0.matched)).intersection(words)
        return (telling, (own.map(\.1.id), words.isEmpty ? 0 : Double(held.count) / Double(words.count)))
    }
}
