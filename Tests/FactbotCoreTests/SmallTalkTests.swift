import FactbotCore
import Testing

/// smalltalk.txt: the curator's words for greetings and thanks.
@Suite struct SmallTalkTests {
    func answerer(_ smallTalk: String?) throws -> Answerer {
        var files = [
            KnowledgeFile(path: "k/sources.yaml", text: "- id: s\n  url: https://example.org/a\n  publisher: Example\n  published: 2025-01-02\n  title: Quay strike\n"),
            KnowledgeFile(path: "k/facts.yaml", text: "- id: f\n  answer: The quay closed at noon.\n  questions: [When did the quay close?]\n  type: date\n  source: s\n"),
        ]
        if let smallTalk { files.append(KnowledgeFile(path: "k/smalltalk.txt", text: smallTalk)) }
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
}
