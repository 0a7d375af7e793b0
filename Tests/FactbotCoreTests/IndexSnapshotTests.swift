import Testing

@testable import FactbotCore

@Suite("The index snapshot: read back whole, or refused")
struct IndexSnapshotTests {
    let answerer = ShippedKnowledge.answerer
    let fingerprint: UInt64 = 0x1234_5678_9abc_def0

    /// Questions that exercise every part: examples, typos, declines, names, shorthand.
    var questions: [String] {
        answerer.knowledge.facts.flatMap(\.questions) + [
            "how much r they paid??", "zelenski said how many?", "douyin?", "recruted how",
            "How many Indian soldiers fight for Russia?", "asdf qwerty", "what is the capital of france",
        ]
    }

    @Test func aRestoredIndexAnswersExactlyAsTheBuiltOne() throws {
        let bytes = IndexSnapshot.encode(answerer.index, fingerprint: fingerprint)
        let index = try IndexSnapshot.decode(bytes, fingerprint: fingerprint)
        let restored = try #require(Answerer(knowledge: answerer.knowledge, index: index, settings: answerer.settings))
        #expect(restored.knowledge.facts == answerer.knowledge.facts)
        #expect(index.termCount == answerer.index.termCount)
        #expect(index.vocabulary.count == answerer.index.vocabulary.count)
        for question in questions {
            let (a, b) = (answerer.answer(question), restored.answer(question))
            #expect(a.kind == b.kind && a.fact?.id == b.fact?.id && a.confidence == b.confidence && a.text == b.text, "\(question)")
        }
        for word in ["zelenski", "salery", "recruted", "jornalist", "donetsck"] {
            #expect(index.vocabulary.correction(for: word) == answerer.index.vocabulary.correction(for: word))
        }
    }

    @Test func aDraftMarkIsReadBack() throws {
        var drafted = Fact(id: "d", answer: "The ferry leaves at noon.", questions: ["When does the ferry leave?"], types: [.date], sourceID: "g")
        drafted.isDraft = true
        let reviewed = Fact(id: "r", answer: "The toll is three crowns.", questions: ["What is the toll?"], types: [.amount], sourceID: "g")
        let built = try #require(Answerer(knowledge: KnowledgeBase(facts: [drafted, reviewed], sources: [RequestedDetailTests.source])))
        let index = try IndexSnapshot.decode(IndexSnapshot.encode(built.index, fingerprint: fingerprint), fingerprint: fingerprint)
        #expect(index.facts.filter { !$0.isAboutSource }.map(\.isDraft) == [true, false])
    }

    @Test func anotherFingerprintIsRefused() {
        let bytes = IndexSnapshot.encode(answerer.index, fingerprint: fingerprint)
        #expect(throws: IndexSnapshot.Refused.self) { try IndexSnapshot.decode(bytes, fingerprint: fingerprint &+ 1) }
    }

    @Test func truncatedOrFlippedBytesAreRefused() {
        let bytes = IndexSnapshot.encode(answerer.index, fingerprint: fingerprint)
        for length in [0, 3, 31, 32, 100, bytes.count / 2, bytes.count - 1] {
            #expect(throws: IndexSnapshot.Refused.self) { try IndexSnapshot.decode(Array(bytes.prefix(length)), fingerprint: fingerprint) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {  // any single flipped bit after the header: the checksum or a range check catches it
            var corrupt = bytes
            let at = Int.random(in: 32..<bytes.count, using: &generator)
            corrupt[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            #expect(throws: IndexSnapshot.Refused.self, "byte \(at)") { try IndexSnapshot.decode(corrupt, fingerprint: fingerprint) }
        }
        #expect(throws: IndexSnapshot.Refused.self) { try IndexSnapshot.decode(Array("FBIX not really".utf8), fingerprint: fingerprint) }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var bytes = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if bytes.count >= 4, Bool.random(using: &generator) { bytes.replaceSubrange(0..<4, with: Array("FBIX".utf8)) }
            #expect(throws: IndexSnapshot.Refused.self) { try IndexSnapshot.decode(bytes, fingerprint: fingerprint) }
        }
    }

    @Test func theChecksumDependsOnEveryByte() {
        let a: [UInt8] = Array("the same length".utf8)
        var b = a
        b[7] ^= 1
        #expect(Checksum.fnv64(a) != Checksum.fnv64(b))
        #expect(Checksum.fnv64(a) == Checksum.fnv64(a))
        #expect(Checksum.fnv64(a[...]) == Checksum.fnv64(a))
    }

    /// An index like the shipped one with one part replaced, written with a valid checksum:
    /// only the range and order checks stand between it and the scoring loop.
    func tampered(postingFacts: [Int32]? = nil, postingWeights: [Float]? = nil, factTerms: [Int32]? = nil) -> [UInt8] {
        let i = answerer.index
        let bad = FactIndex(
            restoring: i.facts, termIDs: i.termIDs, isName: i.isName, vocabulary: i.vocabulary,
            postingStart: i.postingStart, postingFacts: postingFacts ?? i.postingFacts,
            postingWeights: postingWeights ?? i.postingWeights,
            factTermStart: i.factTermStart, factTerms: factTerms ?? i.factTerms, factTermWeights: i.factTermWeights,
            exampleStart: i.exampleStart, exampleTerms: i.exampleTerms, factExampleStart: i.factExampleStart,
            typeMasks: i.typeMasks)
        return IndexSnapshot.encode(bad, fingerprint: fingerprint)
    }

    @Test func wellFormedButHostileContentIsRefused() throws {
        let index = answerer.index
        // sanity: the untampered copy passes
        _ = try IndexSnapshot.decode(tampered(), fingerprint: fingerprint)
        var repeated = index.postingFacts  // one fact twice in the first list of two or more
        let term = try #require((0..<index.termCount).first { index.postingCount(Int32($0)) >= 2 })
        repeated[Int(index.postingStart[term]) + 1] = repeated[Int(index.postingStart[term])]
        var zero = index.postingWeights
        zero[0] = 0
        var notANumber = index.postingWeights
        notANumber[1] = .nan
        var negative = index.postingWeights
        negative[2] = -1
        var outOfRange = index.postingFacts
        outOfRange[3] = Int32(index.facts.count)
        var unsortedTerms = index.factTerms
        unsortedTerms.swapAt(0, 1)
        for bytes in [
            tampered(postingFacts: repeated), tampered(postingWeights: zero), tampered(postingWeights: notANumber),
            tampered(postingWeights: negative), tampered(postingFacts: outOfRange), tampered(factTerms: unsortedTerms),
        ] {
            #expect(throws: IndexSnapshot.Refused.self) { try IndexSnapshot.decode(bytes, fingerprint: fingerprint) }
        }
    }

    @Test func quotedSentencesAreReadBackWhole() throws {
        let source = Source(
            id: "gazette", url: "https://gazette.example/a", title: "Ferry strike", author: "", publisher: "Harbour Gazette", published: "2026-03-02")
        let sentences = [
            "Captain Ivo Marsh spoke to reporters on Monday about the strike.",
            "A day later, he said the ferries would sail again within a week.",
            "The crews are paid 900 crowns a month, the union said.",
        ]
        let words = answerer.knowledge.words
        let built = try #require(
            Answerer(
                knowledge: KnowledgeBase(facts: [], sources: [source], words: words), settings: answerer.settings,
                quoting: [SourceSentences(source: source, sentences: sentences)]))
        let bytes = try #require(QuoteSnapshot.encode(built, fingerprint: fingerprint))
        let stored = try bytes.withUnsafeBytes { try QuoteSnapshot.decode($0, fingerprint: fingerprint) }
        #expect(stored.count == 3)
        let restored = try #require(Answerer(knowledge: built.knowledge, index: built.index, settings: answerer.settings, quotes: stored))
        for question in ["when will the ferries sail again?", "what did Ivo Marsh say about the ferries?", "how much are the crews paid?", "who is Ivo Marsh?"]
        {
            let (a, b) = (built.answer(question), restored.answer(question))
            #expect(a.text == b.text && a.confidence == b.confidence, "\(question): \(a.text) | \(b.text)")
        }
        // who "he" is and whom a passage is about, carried over
        let quotes = try #require(built.quotes)
        #expect(!stored.attributions.isEmpty && stored.attributions == quotes.attributions)
        #expect(stored.index.facts.contains { !$0.context.isEmpty })
        #expect(stored.index.facts.map(\.context) == quotes.answerer.index.facts.map(\.context))
        #expect(restored.answer("how much are the crews paid a month in crowns?").text.contains("900"))
        // refused as the index is: another fingerprint, a cut, a flipped bit
        #expect(throws: IndexSnapshot.Refused.self) { try bytes.withUnsafeBytes { try QuoteSnapshot.decode($0, fingerprint: fingerprint &+ 1) } }
        #expect(throws: IndexSnapshot.Refused.self) { try Array(bytes.dropLast()).withUnsafeBytes { try QuoteSnapshot.decode($0, fingerprint: fingerprint) } }
        var flipped = bytes
        flipped[bytes.count / 3] ^= 4
        #expect(throws: IndexSnapshot.Refused.self) { try flipped.withUnsafeBytes { try QuoteSnapshot.decode($0, fingerprint: fingerprint) } }
        // random bytes are refused, never a crash: alone, and behind the real header (so the
        // counts and lengths are read before the checksum can refuse them)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var random = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 3 == 1, random.count >= 4 { random.replaceSubrange(0..<4, with: Array("FBQT".utf8)) }
            if round % 3 == 2 {
                random = Array(bytes.prefix(32)) + (32..<bytes.count).map { _ in UInt8.random(in: 0...255, using: &generator) }
                // a few of them keep the body's first counts too, to reach further in
                if round % 2 == 0 { random.replaceSubrange(32..<min(64, bytes.count), with: bytes[32..<min(64, bytes.count)]) }
            }
            #expect(throws: IndexSnapshot.Refused.self) { try random.withUnsafeBytes { try QuoteSnapshot.decode($0, fingerprint: fingerprint) } }
        }
        // an answerer that quotes nothing has nothing to store
        #expect(QuoteSnapshot.encode(answerer, fingerprint: fingerprint) == nil)
    }
}
