import Foundation

/// An inverted index of the fact base: for every term, the facts that use it and how
/// strongly (a word of an example question or keyword counts more than one that only
/// appears in the answer). Answering walks the posting lists of the question's terms
/// only, so its cost grows with the question, not with the number of facts.
///
/// Everything per term and per fact is kept in flat arrays (one allocation each, not one
/// per fact), which keeps a 100,000-fact index compact and quick to build. A class, so
/// that handing the index around costs one reference count, not one per array; it is
/// immutable once built.
public final class FactIndex: Sendable {
    /// How much each field of a fact counts.
    public enum FieldWeight {
        /// Example questions and keywords: what the curator says the fact is about.
        public static let question: Float = 1.0
        /// The answer text.
        public static let answer: Float = 0.8
        /// The answer text of a fact about a source (its headline, say): a question about
        /// what the headline says is about the story, not the headline.
        public static let sourceAnswer: Float = 0.3
        /// The names a quoted sentence refers to by a pronoun (``Fact/context``).
        public static let context: Float = 0.5
    }

    /// The facts, in knowledge order; postings refer to them by position.
    public let facts: [Fact]
    let termIDs: [String: Int32]
    /// Postings of term `t`: `postingFacts[postingStart[t]..<postingStart[t + 1]]`, facts ascending,
    /// with the weight of each use in `postingWeights`.
    let postingStart: [Int32]
    let postingFacts: [Int32]
    let postingWeights: [Float]
    /// Inverse document frequency per term: ln(1 + facts / facts using it).
    let idf: [Double]
    /// Terms that name someone or something (a capitalised word, a listed name, a number).
    let isName: [Bool]
    /// Terms of fact `f`, sorted: `factTerms[factTermStart[f]..<factTermStart[f + 1]]`, with
    /// the weight of each in `factTermWeights`.
    let factTermStart: [Int32]
    let factTerms: [Int32]
    let factTermWeights: [Float]
    /// Example questions as term ids: example `e` is `exampleTerms[exampleStart[e]..<exampleStart[e + 1]]`,
    /// and fact `f`'s examples are `factExampleStart[f]..<factExampleStart[f + 1]`.
    let exampleStart: [Int32]
    let exampleTerms: [Int32]
    let factExampleStart: [Int32]
    /// Each fact's answer types as a bit set (bit = position in ``AnswerType/allCases``).
    let typeMasks: [UInt16]
    /// Every word the facts and word lists use, for spelling correction.
    public let vocabulary: Vocabulary
    /// The highest idf any term can have: that of a term used by one fact.
    public let maximumIDF: Double

    /// Indexes `facts` through `lexicon`.
    public convenience init(facts: [Fact], lexicon: Lexicon) {
        var termIDs: [String: Int32] = [:]
        var isName: [Bool] = []
        var vocabulary = Vocabulary()
        var postingCount: [Int32] = []
        var factTermStart: [Int32] = [0]
        var factTerms: [Int32] = []
        var factTermWeights: [Float] = []
        var exampleStart: [Int32] = [0]
        var exampleTerms: [Int32] = []
        var factExampleStart: [Int32] = [0]
        var typeMasks: [UInt16] = []
        factTermStart.reserveCapacity(facts.count + 1)
        typeMasks.reserveCapacity(facts.count)
        var weights: [Int32: Float] = [:]
        var pairs: [(term: Int32, weight: Float)] = []

        func id(for term: Term) -> Int32 {
            if let id = termIDs[term.key] {
                if term.isName || term.isNumber { isName[Int(id)] = true }
                return id
            }
            let id = Int32(postingCount.count)
            termIDs[term.key] = id
            postingCount.append(0)
            isName.append(term.isName || term.isNumber)
            return id
        }
        /// Indexes one field's text; an example question's distinct terms are kept in order.
        func add(_ text: String, _ weight: Float, example: Bool) {
            let words = lexicon.words(text)
            for word in words { vocabulary.insert(word.text) }
            let start = exampleTerms.count
            for term in lexicon.terms(words) {
                vocabulary.insert(stem: term.key)
                let id = id(for: term)
                weights[id] = max(weights[id] ?? 0, weight)
                if example, !exampleTerms[start...].contains(id) { exampleTerms.append(id) }
            }
            if example { exampleStart.append(Int32(exampleTerms.count)) }
        }

        for fact in facts {
            weights.removeAll(keepingCapacity: true)
            for question in fact.questions { add(question, FieldWeight.question, example: true) }
            factExampleStart.append(Int32(exampleStart.count - 1))
            for keyword in fact.keywords { add(keyword, FieldWeight.question, example: false) }
            for words in fact.context { add(words, FieldWeight.context, example: false) }
            // (a quoted sentence is its own one example: its words are in already, at more weight)
            if !(fact.questions.count == 1 && fact.questions[0] == fact.answer) {
                add(fact.answer, fact.isAboutSource ? FieldWeight.sourceAnswer : FieldWeight.answer, example: false)
            }
            pairs.removeAll(keepingCapacity: true)
            for (term, weight) in weights { pairs.append((term, weight)) }
            pairs.sort { $0.term < $1.term }
            for pair in pairs {
                factTerms.append(pair.term)
                factTermWeights.append(pair.weight)
                postingCount[Int(pair.term)] += 1
            }
            factTermStart.append(Int32(factTerms.count))
            typeMasks.append(fact.types.reduce(0) { $0 | Self.bit($1) })
        }
        for word in lexicon.listWords.sorted() { vocabulary.insert(word) }  // sorted: the same ids in every run

        // Postings, by counting sort: facts are visited in order, so each list is ascending.
        var postingStart: [Int32] = [0]
        postingStart.reserveCapacity(postingCount.count + 1)
        for count in postingCount { postingStart.append(postingStart.last! + count) }
        var next = postingStart
        var postingFacts = [Int32](repeating: 0, count: factTerms.count)
        var postingWeights = [Float](repeating: 0, count: factTerms.count)
        for fact in 0..<facts.count {
            for slot in Int(factTermStart[fact])..<Int(factTermStart[fact + 1]) {
                let term = Int(factTerms[slot])
                let at = Int(next[term])
                postingFacts[at] = Int32(fact)
                postingWeights[at] = factTermWeights[slot]
                next[term] += 1
            }
        }
        self.init(
            restoring: facts, termIDs: termIDs, isName: isName, vocabulary: vocabulary,
            postingStart: postingStart, postingFacts: postingFacts, postingWeights: postingWeights,
            factTermStart: factTermStart, factTerms: factTerms, factTermWeights: factTermWeights,
            exampleStart: exampleStart, exampleTerms: exampleTerms, factExampleStart: factExampleStart,
            typeMasks: typeMasks)
    }

    /// An index from its parts: built by ``init(facts:lexicon:)`` or read back from an
    /// ``IndexSnapshot`` (which has checked every part).
    init(
        restoring facts: [Fact], termIDs: [String: Int32], isName: [Bool], vocabulary: Vocabulary,
        postingStart: [Int32], postingFacts: [Int32], postingWeights: [Float],
        factTermStart: [Int32], factTerms: [Int32], factTermWeights: [Float],
        exampleStart: [Int32], exampleTerms: [Int32], factExampleStart: [Int32], typeMasks: [UInt16]
    ) {
        self.facts = facts
        maximumIDF = Self.idf(count: facts.count, using: 1)
        self.termIDs = termIDs
        self.isName = isName
        self.vocabulary = vocabulary
        self.postingStart = postingStart
        self.postingFacts = postingFacts
        self.postingWeights = postingWeights
        self.idf = (0..<(postingStart.count - 1)).map { Self.idf(count: facts.count, using: Int(postingStart[$0 + 1] - postingStart[$0])) }
        self.factTermStart = factTermStart
        self.factTerms = factTerms
        self.factTermWeights = factTermWeights
        self.exampleStart = exampleStart
        self.exampleTerms = exampleTerms
        self.factExampleStart = factExampleStart
        self.typeMasks = typeMasks
    }

    /// The bit of the `gap` type.
    static let gapBit = bit(.gap)

    static func bit(_ type: AnswerType) -> UInt16 {
        1 << UInt16(AnswerType.allCases.firstIndex(of: type) ?? 0)
    }

    static func idf(count: Int, using: Int) -> Double {
        log(1 + Double(count) / Double(max(using, 1)))
    }

    /// The id of a term's key, if any fact uses it.
    func termID(_ key: String) -> Int32? { termIDs[key] }

    /// How many facts use a term.
    func postingCount(_ id: Int32) -> Int { Int(postingStart[Int(id) + 1] - postingStart[Int(id)]) }

    /// How much a term counts in a question: its idf, raised for a rare name (or number)
    /// up to double for one that only one fact mentions. Names that half the facts or
    /// more share ("Chinese", "Russia", "Ukraine") get no raise.
    func weight(of id: Int32, asName: Bool = false) -> Double {
        let idf = self.idf[Int(id)]
        guard asName || isName[Int(id)] else { return idf }
        return idf * (1 + max(0, 2 * idf / maximumIDF - 1))
    }

    /// True when the fact uses the term.
    func uses(fact: Int32, term id: Int32) -> Bool { useWeight(fact: fact, term: id) != nil }

    /// How strongly the fact uses the term (nil when it does not): a binary search of
    /// the fact's sorted terms.
    func useWeight(fact: Int32, term id: Int32) -> Float? {
        var low = Int(factTermStart[Int(fact)])
        var high = Int(factTermStart[Int(fact) + 1])
        let end = high
        return factTerms.withUnsafeBufferPointer { terms in
            while low < high {
                let middle = (low + high) / 2
                if terms[middle] < id { low = middle + 1 } else { high = middle }
            }
            return low < end && terms[low] == id ? factTermWeights[low] : nil
        }
    }

    /// Number of distinct terms.
    public var termCount: Int { idf.count }
}
