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
    /// A sentence holding several claims is told when the facts of its source together hold
    /// this share of its words, and every figure of it.
    public static let coveredShare = 0.5

    /// The coverage of every sentence of `text` worth a fact, in order.
    public static func of(_ text: SourceSentences, answerer: Answerer) -> [SentenceCoverage] {
        let own = answerer.index.facts.indices.filter { answerer.index.facts[$0].sourceID == text.source.id && !answerer.index.facts[$0].isAboutSource }
            .map { Int32($0) }
        return text.sentences.enumerated().compactMap { position, sentence in
            guard (shortest...longest).contains(sentence.count), sentence.contains(where: \.isLetter) else { return nil }
            var result = SentenceCoverage(sentence: sentence, number: position + 1, fact: nil, elsewhere: nil)
            let (telling, share) = answerer.factsTelling(sentence, atLeast: coveredConfidence, among: own)
            for candidate in telling {
                if candidate.sourceID == text.source.id {
                    result.fact = candidate.id
                    break
                }
                if result.elsewhere == nil { result.elsewhere = candidate.id }
            }
            if result.fact == nil, share >= coveredShare { result.fact = "its facts together" }
            return result
        }
    }
}

extension Answerer {
    /// The curated facts that state what `sentence` says, best first: the sentence is
    /// asked as a question, and each fact among the leaders at `atLeast` confidence counts.
    /// And the share of the sentence's words that the facts `among` (a source's) hold between
    /// them, none if they leave out one of its figures: a sentence of several claims, told
    /// by several facts.
    func factsTelling(_ sentence: String, atLeast confidence: Double, among own: [Int32]) -> (facts: [Fact], share: Double) {
        let explanation = answerFromFacts(sentence).explanation
        let paired = explanation.candidates.compactMap { candidate in index.facts.first { $0.id == candidate.factID }.map { (candidate, $0) } }
        let telling =
            paired
            .filter { !$1.isAboutSource && !$1.types.contains(.gap) && $0.confidence >= confidence }.map(\.1)
        let terms = explanation.terms.filter { !$0.isWeak }
        guard !own.isEmpty, !terms.isEmpty else { return (telling, 0) }
        var held = 0
        for term in terms {
            let told = index.termID(term.key).map { id in own.contains { index.uses(fact: $0, term: id) } } ?? false
            if told { held += 1 } else if term.isNumber { return (telling, 0) }
        }
        return (telling, Double(held) / Double(terms.count + explanation.unknown.count))
    }
}
