/// Answers questions from a ``KnowledgeBase``: the heart of factbot. Pure: it is handed
/// a question and returns an ``Answer``; it reads no files and keeps no state between calls.
///
/// Each fact is scored by how much of the question it covers. A question term counts by
/// its rarity in the fact base (idf), twice as much when it names someone or something;
/// a word the fact base does not know at all counts as missing from every fact, and heavily
/// so when it looks like a name or is a number. The coverage, scaled by how well the fact's
/// answer type fits the question type, is the confidence.
public struct Answerer: Sendable {
    /// Tunable knobs, read from the `[answer]` section of bot.conf.
    public struct Settings: Sendable, Equatable {
        /// Below this confidence the answerer declines.
        public var minimumConfidence: Double = 0.5
        /// How many "did you mean" suggestions a decline offers.
        public var suggestions: Int = 2
        /// Least confidence a fact needs to be offered as a suggestion.
        public var suggestionConfidence: Double = 0.2

        /// Defaults.
        public init() {}
    }

    /// Weight of a question term that names something, relative to a plain word.
    static let nameBoost = 2.0

    /// The knowledge answered from.
    public let knowledge: KnowledgeBase
    /// The settings in force.
    public let settings: Settings
    /// The index over the facts.
    public let index: FactIndex
    let lexicon: Lexicon

    /// Builds the lexicon and index. Returns nil only if libstemmer is missing English.
    public init?(knowledge: KnowledgeBase, settings: Settings = Settings()) {
        guard let stemmer = Stemmer() else { return nil }
        self.knowledge = knowledge
        self.settings = settings
        self.lexicon = Lexicon(words: knowledge.words, stemmer: stemmer)
        self.index = FactIndex(facts: knowledge.facts, lexicon: lexicon)
    }

    /// Answers one question (any text; at most ``Tokenizer/maximumTokens`` words are read).
    public func answer(_ question: String) -> Answer {
        let words = lexicon.words(question)
        if let kind = SmallTalk.kind(of: words) { return smallTalk(kind, question: question) }
        let questionType = QuestionType.of(words)
        var terms: [Term] = []
        for term in lexicon.terms(words, vocabulary: index.vocabulary) where !terms.contains(where: { $0.key == term.key }) {
            terms.append(term)
        }
        var explanation = Explanation(questionType: questionType, terms: terms)
        guard !terms.isEmpty else {
            return decline(question, explanation, suggestions: [])
        }

        // Weigh the question's terms and add each fact's share through the posting lists.
        var total = 0.0
        var questionWeights: [Int32: Double] = [:]
        var scores: [Int32: Double] = [:]
        for term in terms {
            guard let id = index.termID(term.key) else {
                explanation.unknown.append(term.surface)
                total += (term.isName || term.isNumber) ? 2 * Self.nameBoost * index.maximumIDF : 0.5 * index.maximumIDF
                continue
            }
            let weight = index.idf[Int(id)] * ((term.isName || term.isNumber || index.isName[Int(id)]) ? Self.nameBoost : 1)
            total += weight
            questionWeights[id] = weight
            for posting in index.postings[Int(id)] {
                scores[posting.fact, default: 0] += weight * Double(posting.weight)
            }
        }

        // Confidence: coverage × type fit, and for the close candidates, likeness to an example.
        var ranked: [(fact: Int32, confidence: Double, score: Double)] = []
        ranked.reserveCapacity(scores.count)
        let leader = scores.values.max() ?? 0
        for (fact, score) in scores {
            var confidence = min(1, score / total) * questionType.fit(index.facts[Int(fact)].types)
            if score >= 0.5 * leader {
                confidence *= 0.8 + 0.2 * exampleLikeness(fact: fact, questionWeights: questionWeights, total: total)
            } else {
                confidence *= 0.8
            }
            ranked.append((fact, confidence, score))
        }
        ranked.sort { a, b in
            a.confidence != b.confidence ? a.confidence > b.confidence
                : a.score != b.score ? a.score > b.score : a.fact < b.fact
        }
        explanation.candidates = ranked.prefix(3).map { candidate in
            Explanation.Candidate(factID: index.facts[Int(candidate.fact)].id, confidence: candidate.confidence,
                                  matched: terms.filter { index.uses(fact: candidate.fact, term: $0.key) }.map(\.surface))
        }

        guard let best = ranked.first, best.confidence >= settings.minimumConfidence else {
            let suggestions = ranked.prefix(settings.suggestions)
                .filter { $0.confidence >= settings.suggestionConfidence }
                .compactMap { index.facts[Int($0.fact)].questions.first }
            return decline(question, explanation, suggestions: suggestions)
        }
        let fact = index.facts[Int(best.fact)]
        return Answer(question: question, kind: .fact, text: fact.answer, confidence: best.confidence,
                      fact: fact, source: knowledge.source(of: fact), suggestions: [], explanation: explanation)
    }

    /// How closely the question resembles the fact's nearest example question: a weighted
    /// Dice coefficient over terms, from 0 (nothing shared) to 1 (the same terms).
    /// Two facts that cover a question equally are told apart by this.
    func exampleLikeness(fact: Int32, questionWeights: [Int32: Double], total: Double) -> Double {
        var best = 0.0
        for example in index.examples[Int(fact)] {
            var shared = 0.0
            var exampleTotal = 0.0
            for id in example {
                let weight = index.idf[Int(id)] * (index.isName[Int(id)] ? Self.nameBoost : 1)
                exampleTotal += weight
                if questionWeights[id] != nil { shared += weight }
            }
            let sum = total + exampleTotal
            if sum > 0 { best = max(best, 2 * shared / sum) }
        }
        return best
    }

    private func decline(_ question: String, _ explanation: Explanation, suggestions: [String]) -> Answer {
        var text = "Sorry, I don't know that: it isn't in my sources."
        if !suggestions.isEmpty {
            text += " Did you mean: " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
        }
        return Answer(question: question, kind: .declined, text: text, confidence: explanation.candidates.first?.confidence ?? 0,
                      fact: nil, source: nil, suggestions: suggestions, explanation: explanation)
    }

    private func smallTalk(_ kind: SmallTalk.Kind, question: String) -> Answer {
        let text: String
        switch kind {
        case .greeting: text = "Hello! Ask me about \(topics). For example: \(example)"
        case .thanks: text = "You're welcome."
        case .help: text = "Ask me a question about \(topics), e.g. \(example) I answer from curated facts and cite the source."
        }
        return Answer(question: question, kind: .smallTalk, text: text, confidence: 0, fact: nil, source: nil,
                      suggestions: [], explanation: Explanation())
    }

    /// What the knowledge covers, from its sources' titles.
    var topics: String {
        let titles = knowledge.sources.values.sorted { $0.id < $1.id }.map { "\"\($0.title.isEmpty ? $0.id : $0.title)\"" }
        return titles.isEmpty ? "the news" : titles.joined(separator: ", ")
    }

    private var example: String {
        knowledge.facts.first?.questions.first ?? "What happened?"
    }
}
