import Foundation

/// An inverted index of the fact base: for every term, the facts that use it and how
/// strongly (a word of an example question or keyword counts more than one that only
/// appears in the answer). Answering walks the posting lists of the question's terms
/// only, so its cost grows with the question, not with the number of facts.
public struct FactIndex: Sendable {
    /// One fact's use of a term.
    struct Posting: Sendable {
        var fact: Int32
        var weight: Float
    }

    /// How much each field of a fact counts.
    public enum FieldWeight {
        /// Example questions and keywords: what the curator says the fact is about.
        public static let question: Float = 1.0
        /// The answer text.
        public static let answer: Float = 0.8
    }

    /// The facts, in knowledge order; postings refer to them by position.
    public let facts: [Fact]
    private(set) var termIDs: [String: Int32] = [:]
    private(set) var postings: [[Posting]] = []
    /// Inverse document frequency per term: ln(1 + facts / facts using it).
    private(set) var idf: [Double] = []
    /// Terms that name someone or something (a capitalised word, a listed name, a number).
    private(set) var isName: [Bool] = []
    /// Each fact's terms, sorted, for membership tests.
    private(set) var termsOfFact: [[Int32]] = []
    /// Each fact's example questions as term ids, for telling close candidates apart.
    private(set) var examples: [[[Int32]]] = []
    /// Every word the facts and word lists use, for spelling correction.
    public private(set) var vocabulary = Vocabulary()
    /// The highest idf any term can have: that of a term used by one fact.
    public let maximumIDF: Double

    /// Indexes `facts` through `lexicon`.
    public init(facts: [Fact], lexicon: Lexicon) {
        self.facts = facts
        maximumIDF = Self.idf(count: facts.count, using: 1)
        var termsOfFact: [[Int32: Float]] = []
        termsOfFact.reserveCapacity(facts.count)
        for fact in facts {
            var weights: [Int32: Float] = [:]
            /// Indexes one field's text; returns its distinct term ids in order.
            @discardableResult
            func add(_ text: String, _ weight: Float) -> [Int32] {
                let words = lexicon.words(text)
                for word in words { vocabulary.insert(word.text) }
                var ids: [Int32] = []
                for term in lexicon.terms(words) {
                    vocabulary.insert(stem: term.key)
                    let id = self.id(for: term)
                    weights[id] = max(weights[id] ?? 0, weight)
                    if !ids.contains(id) { ids.append(id) }
                }
                return ids
            }
            examples.append(fact.questions.map { add($0, FieldWeight.question) })
            for keyword in fact.keywords { add(keyword, FieldWeight.question) }
            add(fact.answer, FieldWeight.answer)
            termsOfFact.append(weights)
        }
        for word in lexicon.listWords { vocabulary.insert(word) }
        self.termsOfFact = termsOfFact.map { $0.keys.sorted() }
        for (index, weights) in termsOfFact.enumerated() {
            for (term, weight) in weights { postings[Int(term)].append(Posting(fact: Int32(index), weight: weight)) }
        }
        idf = postings.map { Self.idf(count: facts.count, using: $0.count) }
    }

    private mutating func id(for term: Term) -> Int32 {
        if let id = termIDs[term.key] {
            if term.isName || term.isNumber { isName[Int(id)] = true }
            return id
        }
        let id = Int32(postings.count)
        termIDs[term.key] = id
        postings.append([])
        isName.append(term.isName || term.isNumber)
        return id
    }

    static func idf(count: Int, using: Int) -> Double {
        log(1 + Double(count) / Double(max(using, 1)))
    }

    /// The id of a term's key, if any fact uses it.
    func termID(_ key: String) -> Int32? { termIDs[key] }

    /// How much a term counts in a question: its idf, raised for a rare name (or number)
    /// up to double for one that only one fact mentions. Names that half the facts or
    /// more share ("Chinese", "Russia", "Ukraine") get no raise.
    func weight(of id: Int32, asName: Bool = false) -> Double {
        let idf = self.idf[Int(id)]
        guard asName || isName[Int(id)] else { return idf }
        return idf * (1 + max(0, 2 * idf / maximumIDF - 1))
    }

    /// True when the fact uses the term.
    func uses(fact: Int32, term key: String) -> Bool {
        guard let id = termIDs[key] else { return false }
        return uses(fact: fact, term: id)
    }

    /// True when the fact uses the term: a binary search of the fact's sorted terms.
    func uses(fact: Int32, term id: Int32) -> Bool {
        let terms = termsOfFact[Int(fact)]
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < terms.count && terms[low] == id
    }

    /// Number of distinct terms.
    public var termCount: Int { postings.count }
}

