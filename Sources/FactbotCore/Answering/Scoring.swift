import Synchronization

/// A fact in the running for an answer.
struct Candidate {
    var fact: Int32
    /// Coverage of the question × type fit, then × the finer checks' factor.
    var confidence: Double
    /// The raw sum of the question term weights the fact has.
    var score: Double

    /// Ranking order: higher confidence, then higher score, then the earlier fact.
    static func before(_ a: Candidate, _ b: Candidate) -> Bool {
        a.confidence != b.confidence
            ? a.confidence > b.confidence
            : a.score != b.score ? a.score > b.score : a.fact < b.fact
    }
}

extension Answerer {
    /// Posting lists this short are always walked whole: they cost next to nothing, and
    /// the runners-up `/why` shows stay complete in a fact base of ordinary size.
    static let shortList = 64

    /// The `count` facts with the best first-cut confidence, best first: each fact's share
    /// of the question's term weight (`credited`, out of `total`) times how its types fit.
    ///
    /// Term-at-a-time over the posting lists, rarest term first. Once the terms still to
    /// come could not lift a fact that has none of the earlier ones to ``Settings/minimumConfidence``
    /// (a fact's confidence never exceeds its share), their long lists are not walked: they
    /// only add to facts already in the running (MaxScore pruning). A question built of
    /// common words alone still walks them, as there is no candidate yet.
    ///
    /// `focus` is the question's rarest term and the most a fact lacking it can keep of its
    /// share after the finer checks (``Answerer/missingFocusPenalty``, and the name
    /// penalty when it is a name; never below the 0.8 every non-finalist keeps): once its
    /// list is walked, every fact not yet touched lacks it, and the bound shrinks by that.
    /// Lists of ``shortList`` postings or fewer are always walked whole.
    func leaders(
        _ credited: [(id: Int32, weight: Double)], total: Double, questionType: QuestionType, count: Int,
        focus: (id: Int32, keeps: Double)? = nil
    ) -> [Candidate] {
        let index = self.index
        let terms = credited.sorted { index.postingCount($0.id) < index.postingCount($1.id) }
        var rest = terms.reduce(0) { $0 + $1.weight }
        // Not even a fact with every known term could be answered or suggested.
        if rest / total < min(settings.minimumConfidence, settings.suggestionConfidence) { return [] }
        let threshold = settings.minimumConfidence
        var keeps = 1.0  // the most of its share an untouched fact can keep
        let fits = AnswerType.allCases.map { questionType.fit($0) }
        let postingStart = index.postingStart
        let postingFacts = index.postingFacts
        let postingWeights = index.postingWeights
        return scratch.with(facts: index.facts.count) { buffer in
            var touchedCount = 0
            buffer.scores.withUnsafeMutableBufferPointer { scores in
                buffer.touched.withUnsafeMutableBufferPointer { touched in
                    postingFacts.withUnsafeBufferPointer { facts in
                        postingWeights.withUnsafeBufferPointer { weights in
                            for (id, weight) in terms {
                                let range = Int(postingStart[Int(id)])..<Int(postingStart[Int(id) + 1])
                                let weight = Float(weight)
                                if prunes, touchedCount > 0, range.count > Self.shortList, rest * keeps / total < threshold {
                                    // only facts already in the running can still win
                                    if range.count > touchedCount * 16 {  // few of them: look each up
                                        for fact in touched[..<touchedCount] {
                                            if let use = index.useWeight(fact: fact, term: id) { scores[Int(fact)] += weight * use }
                                        }
                                    } else {  // many: one sequential pass over the list
                                        for slot in range where scores[Int(facts[slot])] != 0 {
                                            scores[Int(facts[slot])] += weight * weights[slot]
                                        }
                                    }
                                } else {
                                    for slot in range {
                                        let fact = Int(facts[slot])
                                        if scores[fact] == 0 {
                                            precondition(touchedCount < touched.count, "a fact twice in one posting list")
                                            touched[touchedCount] = Int32(fact)
                                            touchedCount += 1
                                        }
                                        scores[fact] += weight * weights[slot]
                                    }
                                }
                                rest -= Double(weight)
                                if let focus, focus.id == id { keeps = focus.keeps }
                            }
                        }
                    }
                }
            }
            buffer.touchedCount = touchedCount
            // Keep the best `count`, in order, without sorting every fact touched.
            var best: [Candidate] = []
            best.reserveCapacity(count + 1)
            let any = questionType == .any
            index.typeMasks.withUnsafeBufferPointer { masks in
                for fact in buffer.touched[..<touchedCount] {
                    let score = Double(buffer.scores[Int(fact)])
                    let coverage = min(1, score / total)
                    // cheap test first: the fit is at most 1
                    if best.count == count, let last = best.last, coverage < last.confidence { continue }
                    let fit = QuestionType.fit(mask: masks[Int(fact)], fits: fits, any: any)
                    let candidate = Candidate(fact: fact, confidence: coverage * fit, score: score)
                    if best.count == count, let last = best.last, !Candidate.before(candidate, last) { continue }
                    var low = 0
                    var high = best.count
                    while low < high {
                        let middle = (low + high) / 2
                        if Candidate.before(best[middle], candidate) { low = middle + 1 } else { high = middle }
                    }
                    best.insert(candidate, at: low)
                    if best.count > count { best.removeLast() }
                }
            }
            return best
        }
    }
}

/// Score arrays reused across questions: one slot per fact, so a question adds up its
/// facts' scores without hashing, and only the slots it touched are cleared afterwards.
/// Concurrent questions each take a buffer of their own.
final class ScoreScratch: Sendable {
    struct Buffer: Sendable {
        /// Each fact's score so far (0 until touched; every weight is positive).
        var scores: [Float] = []
        /// The facts touched, in `touched[..<touchedCount]` (room for every fact).
        var touched: [Int32] = []
        var touchedCount = 0
    }

    private let free = Mutex<[Buffer]>([])

    /// Runs `body` with a zeroed buffer sized for `facts` facts.
    func with<Result>(facts: Int, _ body: (inout Buffer) -> Result) -> Result {
        var buffer = free.withLock { $0.popLast() } ?? Buffer()
        if buffer.scores.count != facts {
            buffer.scores = [Float](repeating: 0, count: facts)
            buffer.touched = [Int32](repeating: 0, count: facts)
        }
        let result = body(&buffer)
        for fact in buffer.touched[..<buffer.touchedCount] { buffer.scores[Int(fact)] = 0 }
        buffer.touchedCount = 0
        free.withLock { if $0.count < 4 { $0.append(buffer) } }
        return result
    }
}
