import FactbotCore
import Testing

/// smalltalk.txt and wordclasses.txt: word lists the curator keeps, with built-in defaults.
@Suite struct CuratorWordListTests {
    func answerer(_ smallTalk: String?, classes: String? = nil) throws -> Answerer {
        var files = [
            KnowledgeFile(
                path: "k/sources.yaml", text: "- id: s\n  url: https://example.org/a\n  publisher: Example\n  published: 2025-01-02\n  title: Quay strike\n"),
            KnowledgeFile(
                path: "k/facts.yaml", text: "- id: f\n  answer: The quay closed at noon.\n  questions: [When did the quay close?]\n  type: date\n  source: s\n"),
        ]
        if let smallTalk { files.append(KnowledgeFile(path: "k/smalltalk.txt", text: smallTalk)) }
        if let classes { files.append(KnowledgeFile(path: "k/wordclasses.txt", text: classes)) }
        return try #require(Answerer(knowledge: try KnowledgeBase.parse(files, folder: "k")))
    }

    @Test func aListedSectionReplacesTheBuiltInOne() throws {
        let builtIn = try answerer(nil)
        #expect(builtIn.answer("hello").reply.hasPrefix("Hello!"))
        #expect(!builtIn.answer("salut").reply.hasPrefix("Hello!"))
        let curated = try answerer("# French too\n[greetings]\nsalut bonjour\n")
        #expect(curated.answer("salut").reply.hasPrefix("Hello! Ask me about \"Quay strike\" (Example, 2 January 2025)"))
        #expect(curated.answer("thanks").reply == "You're welcome.")  // [thanks] not listed: built in
    }

    @Test func problemsHaveTheirLines() {
        #expect(throws: Diagnostics.self) { try WordListParser.smallTalk("salut\n", file: "smalltalk.txt") }
        do {
            _ = try WordListParser.smallTalk("[greetings]\nhi\n[greeting]\n", file: "smalltalk.txt")
            Issue.record("an unknown section was accepted")
        } catch {
            #expect(error.description.contains("smalltalk.txt:3: unknown section [greeting] (did you mean \"greetings\"?)"))
        }
    }

    @Test func numberWordsComeFromTheFile() throws {
        let files = [
            KnowledgeFile(path: "k/sources.yaml", text: "- id: s\n  url: https://example.org/a\n  publisher: Example\n  published: 2025-01-02\n"),
            KnowledgeFile(
                path: "k/facts.yaml",
                text: "- id: f\n  answer: 13 ferries were cancelled.\n  questions: [How many ferries were cancelled?]\n  type: number\n  source: s\n"),
        ]
        let builtIn = try #require(Answerer(knowledge: try KnowledgeBase.parse(files, folder: "k")))
        let curated = try #require(
            Answerer(
                knowledge: try KnowledgeBase.parse(files + [KnowledgeFile(path: "k/wordclasses.txt", text: "[number words]\nthirteen = 13\n")], folder: "k")))
        #expect(curated.answer("were thirteen ferries cancelled?").explanation.terms.contains { $0.key == "13" })
        #expect(!builtIn.answer("were thirteen ferries cancelled?").explanation.terms.contains { $0.key == "13" })
        // [people nouns] not listed: the built-in list stays.
        #expect(try KnowledgeBase.parse(files, folder: "k").words.classes.peopleNouns.contains("prisoners"))
    }

    @Test func wordClassProblemsHaveTheirLines() {
        do {
            _ = try WordListParser.wordClasses("[number words]\nthirteen 13\n[curencies]\nyen\n", file: "wordclasses.txt")
            Issue.record("problems were accepted")
        } catch {
            #expect(error.description.contains("wordclasses.txt:2: expected \"word = digits\""))
            #expect(error.description.contains("wordclasses.txt:3: unknown section [curencies] (did you mean \"currencies\"?)"))
        }
    }
}
