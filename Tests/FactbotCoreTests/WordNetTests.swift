import Foundation
import Testing

@testable import FactbotCore
@testable import WordNet

/// The WordNet database Debian's `wordnet-base` installs (`make deps`), read from its files.
enum InstalledWordNet {
    static let folder = "/usr/share/wordnet"

    static let database: WordNetDatabase = {
        var files: [String: Bytes] = [:]
        for name in WordNetDatabase.requiredFiles + WordNetDatabase.exceptionFiles {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) { files[name] = Bytes(Array(data)) }
        }
        return try! WordNetDatabase(files: files)
    }()
}

@Suite("WordNet: the wndb(5) reader on the installed database")
struct WordNetReaderTests {
    let database = InstalledWordNet.database

    @Test func findsALemmaAndItsSynsets() throws {
        let entry = try #require(database.entry("remuneration", .noun))
        #expect(entry.synsets.count == 2)
        let sense = try #require(database.synset(at: entry.synsets[0], .noun))
        #expect(sense.words.contains("pay") && sense.words.contains("salary"))
        #expect(sense.pointers.contains { $0.symbol == "@" })  // a more general sense
        #expect(database.entry("no_such_lemma_here", .noun) == nil)
        #expect(database.entry("", .noun) == nil)
        #expect(database.entry("has space", .noun) == nil)
    }

    @Test func morphyFindsBaseForms() {
        #expect(database.baseForms("paid", .verb).contains("pay"))  // verb.exc
        #expect(database.baseForms("men", .noun).contains("man"))  // noun.exc
        #expect(database.baseForms("recruits", .noun).contains("recruit"))  // suffix rule
        #expect(database.baseForms("salaries", .noun) == ["salary"])
        #expect(database.baseForms("qwzx", .noun).isEmpty)
    }

    @Test func taggedLemmasAreWordsInCommonUseAndIrregularFormsAreListed() {
        let nouns = Set(database.taggedLemmas(.noun))
        #expect(nouns.contains("minister") && nouns.contains("prison"))
        #expect(!nouns.contains("ukranian"))  // a rare spelling WordNet lists, never seen tagged
        #expect(database.entry("ukranian", .noun) != nil)
        #expect(nouns.allSatisfy { (database.entry($0, .noun)?.taggedSenses ?? 0) > 0 })
        #expect(database.irregularForms(.verb).contains("understood"))
        #expect(database.irregularForms(.noun).contains("men"))
        #expect(!database.irregularForms(.verb).contains("understand"))
    }

    @Test func everyLemmaOfTheIndexIsFoundByBothWays() throws {
        let lines = database.lemmaLines(.adverb)
        #expect(lines.count > 4000)
        for (lemma, line) in lines.prefix(300) {
            #expect(database.entry(lemma, .adverb) == database.entry(atLine: line, lemma: lemma, .adverb), "\(lemma)")
        }
    }

    @Test func offsetsThatAreNotSynsetsReadAsNothing() throws {
        let offset = try #require(database.entry("pay", .noun)?.synsets.first)
        #expect(database.synset(at: offset + 1, .noun) == nil)
        #expect(database.synset(at: -5, .noun) == nil)
        #expect(database.synset(at: 1 << 40, .noun) == nil)
    }

    @Test func malformedFilesAreReadAsAbsentNeverACrash() throws {
        var files: [String: Bytes] = [:]
        for name in WordNetDatabase.requiredFiles { files[name] = Bytes("  1 licence line\nabc n 1 0 1 0 00000000\nbroken\nzzz n x y\n") }
        files["data.noun"] = Bytes("00000000 03 n 01 abc 0 002 @ 99999999 n 0000 | a gloss\n00000057 zz n\n")
        let database = try WordNetDatabase(files: files)
        #expect(database.entry("abc", .noun)?.synsets == [0])
        #expect(database.entry("zzz", .noun) == nil)  // counts that are not numbers
        #expect(database.entry("broken", .noun) == nil)  // too few fields
        #expect(database.synset(at: 0, .noun) == nil)  // says two pointers, holds one
        #expect(database.synset(at: 57, .noun) == nil)
        for _ in 0..<200 {
            let junk = (0..<Int.random(in: 0...300)).map { _ in UInt8.random(in: 0...255) }
            var hostile = files
            hostile["index.verb"] = Bytes(junk)
            hostile["data.verb"] = Bytes(junk)
            let reader = try WordNetDatabase(files: hostile)
            _ = reader.entry("run", .verb)
            _ = reader.synset(at: Int.random(in: 0...300), .verb)
            _ = reader.lemmaLines(.verb)
        }
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: WordNetDatabase.MissingFile(name: "index.noun")) { try WordNetDatabase(files: [:]) }
    }
}

@Suite("WordNet links to a fact base's words")
struct WordLinkTests {
    let compiler = WordLinkCompiler(database: InstalledWordNet.database, stemmer: Stemmer()!)

    func links(_ targets: [(String, String)], names: Set<String> = [], unlinked: Set<String> = []) -> [String: [WordLink]] {
        compiler.compile(
            targets: targets.map { (word: $0.0, key: $0.1) }, known: Set(targets.map(\.1)),
            stopWords: ["the", "of", "in", "come", "go", "get"], names: names, unlinked: unlinked)
    }

    @Test func synonymsDerivationsAndBroaderWordsLeadToTheFactBasesWord() throws {
        let table = links([("pay", "~pay"), ("recruit", "recruit")])
        let remuneration = try #require(table["remuner"]?.first)
        #expect(remuneration.key == "~pay" && remuneration.kind == .synonym && remuneration.word == "pay")
        #expect(remuneration.from == "remuneration")
        #expect(table["recruit"] == nil)  // the fact base's own word is never linked
        #expect(table["recruiter"] == nil)  // stems to "recruit": matched exactly, never linked
        #expect(table.values.joined().contains { $0.kind == .derivation })
        #expect(table.values.joined().contains { $0.key == "~pay" && $0.kind == .broader })
        for found in table.values.joined() {
            #expect(found.strength >= WordLinkCompiler.minimumStrength && found.strength <= 1)
        }
    }

    @Test func rareSensesAndOtherPartsOfSpeechCountLess() throws {
        let table = links([("dead", "dead")])
        #expect(table["short"] == nil)  // "stop short / dead": an adverb sense of "dead"
    }

    @Test func namesGetNoBroaderOrNarrowerWordsAndTheCuratorCanRefuseALink() {
        let named = links([("chinese", "~chinese")], names: ["~chinese"])
        #expect(!named.values.joined().contains { $0.kind == .broader || $0.kind == .narrower })
        let refused = links([("pay", "~pay")], unlinked: ["remuneration", "remunerate"])
        #expect(refused["remuner"] == nil)
        // a word of the same stem is refused with it ("remunerate" goes with "remuneration")
        #expect(links([("pay", "~pay")])["remuner"] != nil)
        #expect(links([("pay", "~pay")], unlinked: ["remuneration"])["remuner"] == nil)
    }

    @Test func theTableRoundTripsAndRefusesOtherBytes() throws {
        let table = links([("pay", "~pay"), ("video", "~video")])
        let bytes = WordLinks.encode(table, fingerprint: 42)
        let read = try WordLinks(bytes: Bytes(bytes), fingerprint: 42)
        #expect(read.count == table.count)
        for (key, expected) in table { #expect(read.links(key) == expected, "\(key)") }
        #expect(read.links("nothing-like-this").isEmpty)
        #expect(read.all.count == table.count)

        #expect(throws: WordLinks.Refused.self) { try WordLinks(bytes: Bytes(bytes), fingerprint: 43) }
        #expect(throws: WordLinks.Refused.self) { try WordLinks(bytes: Bytes(Array(bytes.dropLast(7))), fingerprint: 42) }
        for position in stride(from: 32, to: bytes.count, by: max(1, bytes.count / 97)) {  // every byte counts
            var flipped = bytes
            flipped[position] ^= 0x80
            #expect(throws: WordLinks.Refused.self, "byte \(position)") { try WordLinks(bytes: Bytes(flipped), fingerprint: 42) }
        }
        for _ in 0..<300 {
            var junk = bytes
            for _ in 0..<4 { junk[Int.random(in: 0..<junk.count)] = UInt8.random(in: 0...255) }
            if let table = try? WordLinks(bytes: Bytes(junk), fingerprint: 42) { _ = table.all }
            _ = try? WordLinks(bytes: Bytes((0..<Int.random(in: 0...64)).map { _ in UInt8.random(in: 0...255) }), fingerprint: 42)
        }
    }

    /// An answerer of two facts, the monthly pay and the office's town, with no links yet.
    static func payAndOffice(minimumConfidence: Double, stopWords: WordSet) -> Answerer {
        let source = Source(id: "s", url: "https://example.org/a", title: "Pay", author: "A. Writer", publisher: "Example", published: "2026-01-02")
        let facts = [
            Fact(id: "wage", answer: "The monthly pay is 100 coins.", questions: ["What is the pay?"], types: [.amount], sourceID: "s"),
            Fact(id: "town", answer: "The office is in Harbourtown.", questions: ["Where is the office?"], types: [.place], sourceID: "s"),
        ]
        var settings = Answerer.Settings()
        settings.minimumConfidence = minimumConfidence
        return Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: WordLists(stopWords: stopWords)), settings: settings)!
    }

    @Test func aQuestionWordTheFactsDoNotUseMatchesThroughItsLinkAndWhySaysSo() throws {
        // a fact base of two facts: every word weighs a lot
        let plain = Self.payAndOffice(minimumConfidence: 0.5, stopWords: ["what", "is", "the", "where"])
        #expect(plain.answer("what is the remuneration").fact?.id == nil)
        let compiled = WordLinks.encode(plain.compileLinks(from: InstalledWordNet.database), fingerprint: 1)
        let linked = plain.linking(try WordLinks(bytes: Bytes(compiled), fingerprint: 1))
        let answer = linked.answer("what is the remuneration")
        #expect(answer.fact?.id == "wage")
        #expect(answer.confidence < 1)  // a link is worth less than the word itself
        let term = try #require(answer.explanation.terms.first { $0.link != nil })
        #expect(term.surface == "remuneration" && term.link?.word == "pay")
    }

    @Test func aWeakLinkToAWordTheFactLacksCostsItLessThanTheWordWould() throws {
        let plain = Self.payAndOffice(minimumConfidence: 0.3, stopWords: ["what", "is", "the", "where", "in"])
        // a guess ("bureau" may mean the office) weighs its strength against the pay fact, the word itself fully
        let guess = ["bureau": [WordLink(key: "offic", word: "office", from: "bureau", kind: .narrower, strength: 0.5)]]
        let linked = plain.linking(try WordLinks(bytes: Bytes(WordLinks.encode(guess, fingerprint: 3)), fingerprint: 3))
        let withWord = linked.answer("what is the monthly pay office")
        let withGuess = linked.answer("what is the monthly pay bureau")
        #expect(withWord.explanation.candidates.first?.factID == "wage")
        #expect(withGuess.explanation.candidates.first?.factID == "wage")
        #expect(try #require(withGuess.explanation.candidates.first).confidence > (try #require(withWord.explanation.candidates.first).confidence))
    }

    @Test func anEnglishWordIsNotTakenForAMisspellingOfTheFactBasesWord() throws {
        let source = Source(id: "s", url: "https://example.org/a", title: "Pay", author: "A. Writer", publisher: "Example", published: "2026-01-02")
        let facts = [
            Fact(id: "ministry", answer: "The ministry is in Harbourtown.", questions: ["Where is the ministry?"], types: [.place], sourceID: "s"),
            Fact(id: "wage", answer: "The monthly pay is 100 coins.", questions: ["What is the pay?"], types: [.amount], sourceID: "s"),
        ]
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.5
        let plain = Answerer(
            knowledge: KnowledgeBase(facts: facts, sources: [source], words: WordLists(stopWords: ["what", "is", "the", "where"])), settings: settings)!
        #expect(plain.answer("where is the minister").fact?.id == "ministry")  // without WordNet: taken for "ministry"
        let compiled = WordLinks.encode(plain.compileLinks(from: InstalledWordNet.database), fingerprint: 5)
        let linked = plain.linking(try WordLinks(bytes: Bytes(compiled), fingerprint: 5))
        #expect(linked.links?.isEnglish("minister") == true)
        #expect(linked.links?.isEnglish("ministers") == true)
        #expect(linked.answer("where is the minister").fact == nil)
        // a slip of the keyboard is still corrected
        #expect(linked.links?.isEnglish("ministy") == false)
        #expect(linked.answer("where is the ministy").fact?.id == "ministry")
    }

    @Test func aLinkedAdverbStaysWeak() throws {
        let plain = Self.payAndOffice(minimumConfidence: 0.3, stopWords: ["what", "is", "the", "where", "in"])
        // "originally" (its stem) linked to the office's word must not cost the pay fact a whole word
        let link = ["origin": [WordLink(key: "offic", word: "office", from: "originally", kind: .synonym, strength: 0.85)]]
        let linked = plain.linking(try WordLinks(bytes: Bytes(WordLinks.encode(link, fingerprint: 4)), fingerprint: 4))
        let answer = linked.answer("what is the monthly pay originally")
        let term = try #require(answer.explanation.terms.first { $0.link != nil })
        #expect(term.isWeak)
        #expect(answer.fact?.id == "wage")
    }
}

@Suite("factbot check and WordNet links")
struct LinkCheckTests {
    @Test func aLinkThatLeadsAnExampleToAnotherFactIsReported() throws {
        let source = Source(id: "s", url: "https://example.org/a", title: "Pay", author: "A. Writer", publisher: "Example", published: "2026-01-02")
        let facts = [
            Fact(
                id: "wage", answer: "The pay is 100 coins.", questions: ["What is the pay?"], types: [.amount], sourceID: "s",
                file: "facts/pay.yaml", line: 1, questionLines: [4]),
            Fact(
                id: "bonus", answer: "The bonus is 50 coins.", questions: ["What is the bonus?"], types: [.amount], sourceID: "s",
                file: "facts/pay.yaml", line: 6, questionLines: [9]),
        ]
        let plain = Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: WordLists(stopWords: ["what", "is", "the"])))!
        // a link that says "remuneration" (found from "pay") means the bonus: misleading, as some are
        let misleading = ["remuner": [WordLink(key: "bonus", word: "pay", from: "remuneration", kind: .synonym, strength: 0.85)]]
        let answerer = plain.linking(try WordLinks(bytes: Bytes(WordLinks.encode(misleading, fingerprint: 7)), fingerprint: 7))
        let warnings = KnowledgeCheck.linkWarnings(for: answerer).map(\.description)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("facts/pay.yaml:4: warning: WordNet's \"remuneration\" for \"pay\" (synonym)") == true, "\(warnings)")
        #expect(warnings.first?.contains("reach fact \"bonus\"") == true)
        #expect(KnowledgeCheck.linkWarnings(for: plain).isEmpty)
    }
}
