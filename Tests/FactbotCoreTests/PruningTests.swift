import Testing

@testable import FactbotCore

@Suite("Skipping long posting lists never changes an answer")
struct PruningTests {
    /// 3,000 facts in stories that share common words (lists of hundreds of postings),
    /// each fact with a rarer word of its own.
    static let answerer: Answerer = {
        let common = ["harbour", "council", "budget", "bridge", "festival", "ferry", "school", "market"]
        let types: [AnswerType] = [.number, .date, .place, .person]
        var facts: [Fact] = []
        for n in 0..<3000 {
            let a = common[n % common.count]
            let b = common[(n / 8) % common.count]
            let own = Self.word(n)
            let type = types[n % types.count]
            facts.append(
                Fact(
                    id: "f\(n)", answer: "The \(a) \(b) \(own) figure is \(100 + n).",
                    questions: ["How many \(own) did the \(a) report?", "\(b) \(own) \(type.rawValue)?"],
                    types: [type], sourceID: "s"))
        }
        let source = Source(id: "s", url: "https://example.org/", title: "t", author: "", publisher: "p", published: "2025-01-01")
        return Answerer(
            knowledge: KnowledgeBase(
                facts: facts, sources: [source], words: WordLists(stopWords: ["how", "many", "did", "the", "is", "what", "when", "where", "who"])))!
    }()

    /// A made-up word for `n`: "item" and letters.
    static func word(_ n: Int) -> String {
        var n = n
        var letters = "item"
        repeat {
            letters.unicodeScalars.append(Unicode.Scalar(UInt8(97 + n % 26)))
            n /= 26
        } while n > 0
        return letters
    }

    @Test func prunedAndFullScoringAgree() {
        var full = Self.answerer
        full.prunes = false
        var generator = SystemRandomNumberGenerator()
        let words = Self.answerer.knowledge.facts.flatMap { $0.questions.joined(separator: " ").split(separator: " ").map(String.init) }
        var questions = Self.answerer.knowledge.facts.prefix(300).flatMap(\.questions)
        for _ in 0..<700 {  // jumbles of the base's words: common ones, rare ones, both
            questions.append((0..<Int.random(in: 1...6, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " "))
        }
        var agreed = 0
        var pruned = 0
        for question in questions {
            let (a, b) = (Self.answerer.answer(question), full.answer(question))
            #expect(a.kind == b.kind && a.fact?.id == b.fact?.id, "\(question): \(a.fact?.id ?? "declined") vs \(b.fact?.id ?? "declined")")
            if a.answered { #expect(a.confidence == b.confidence, "\(question)") }
            if a.kind == b.kind { agreed += 1 }
            // pruning shows as fewer facts in the running, so the lowest runner-up differs
            if a.explanation.candidates.map(\.factID) != b.explanation.candidates.map(\.factID) { pruned += 1 }
        }
        #expect(agreed == questions.count)
        #expect(pruned > 0, "the questions never exercised the pruning")
    }
}
