import FactbotCore
import FactbotTerminal
import Foundation
import Testing

var answerer: Answerer {
    let source = Source(id: "s", url: "https://example.org/story", title: "Club news", author: "Ann", publisher: "Example", published: "2025-01-02")
    let facts = [
        Fact(id: "count", answer: "Forty recruits joined the club.", questions: ["How many recruits joined the club?"], types: [.number], sourceID: "s"),
        Fact(id: "founder", answer: "Ada founded the club.", questions: ["Who founded the club?"], types: [.person], sourceID: "s"),
    ]
    return Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: WordLists(stopWords: ["how", "many", "who", "the"])))!
}

@Suite("REPL session logic")
struct ReplSessionTests {
    @Test func answersThenExplains() {
        var session = ReplSession(answerer: answerer)
        #expect(session.handle("how many joined the club?") == .reply("Forty recruits joined the club. (Example, 2 January 2025: https://example.org/story)"))
        guard case .reply(let why) = session.handle("/why") else {
            Issue.record("no reply")
            return
        }
        #expect(why.contains("question type: number"))
        #expect(why.contains("answer: count"))
        #expect(why.contains("runner-up: founder"))
    }

    @Test func aNumberAsksOneOfTheQuestionsTheLastReplyOffered() {
        let facts = [
            ("The quay closed at noon.", "Why did the quay close?"), ("The quay reopened on Friday.", "Why did the quay reopen?"),
            ("Quay fees doubled last year.", "Why did quay fees double?"),
        ].enumerated().map { index, pair in
            Fact(id: "f\(index)", answer: pair.0, questions: [pair.1], types: [.description], sourceID: "s")
        }
        let source = Source(id: "s", url: "https://example.org/q", title: "Quay", author: "", publisher: "Example", published: "2025-01-02")
        let answerer = Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: WordLists(stopWords: ["why", "did", "the"])))!
        var session = ReplSession(answerer: answerer)
        guard case .reply(let menu) = session.handle("quay?") else {
            Issue.record("no reply")
            return
        }
        #expect(menu.contains("1) Why did"))
        let offered = session.lastAnswer?.suggestions ?? []
        #expect(offered.count == 3)
        guard case .reply(let picked) = session.handle("2") else {
            Issue.record("no reply")
            return
        }
        let expected = facts.first { $0.questions[0] == offered[1] }?.answer ?? "?"
        #expect(picked.hasPrefix(expected))
        #expect(session.lastAnswer?.question == offered[1])
        _ = session.handle("9")  // no such choice: asked as typed
        #expect(session.lastAnswer?.question == "9")
    }

    @Test func commands() {
        var session = ReplSession(answerer: answerer)
        #expect(session.handle("/why") == .reply("Ask a question first."))
        #expect(session.handle("") == .nothing)
        #expect(session.handle("   ") == .nothing)
        #expect(session.handle("/quit") == .quit)
        #expect(session.handle("/exit") == .quit)
        guard case .reply(let sources) = session.handle("/sources") else {
            Issue.record("no reply")
            return
        }
        #expect(sources.contains("https://example.org/story"))
        #expect(sources.contains("by Ann"))
        guard case .reply(let unknown) = session.handle("/wyh") else {
            Issue.record("no reply")
            return
        }
        #expect(unknown.contains("did you mean \"why\""))
        guard case .reply(let help) = session.handle("/help") else {
            Issue.record("no reply")
            return
        }
        #expect(help.contains("/sources"))
        #expect(help.contains("/facts"))
    }

    @Test func factsListsWhatItKnowsAndFilters() {
        var session = ReplSession(answerer: answerer)
        guard case .reply(let all) = session.handle("/facts") else {
            Issue.record("no reply")
            return
        }
        #expect(all.contains("Example, 2 January 2025 [s]: 2 fact(s)"))
        #expect(all.contains("  count: How many recruits joined the club?"))
        #expect(all.contains("  founder: Who founded the club?"))
        #expect(!all.contains("@"))  // the facts every source answers about itself are not listed
        guard case .reply(let some) = session.handle("/facts ada") else {
            Issue.record("no reply")
            return
        }
        #expect(some.contains("founder") && !some.contains("count:"))
        #expect(some.contains("1 fact(s) mentioning \"ada\""))
        #expect(session.handle("/facts zebra") == .reply("No fact mentions \"zebra\"."))
    }
}

@Suite("JSON replies")
struct JSONReplyTests {
    func object(_ question: String) throws -> [String: Any] {
        let line = JSONReply(answerer.answer(question)).line
        #expect(!line.contains("\n"))
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func answeredHasExactlyTheKeys() throws {
        let json = try object("who founded the club")
        #expect(Set(json.keys) == ["question", "answered", "answer", "confidence", "fact", "source"])
        #expect(json["question"] as? String == "who founded the club")
        #expect(json["answered"] as? Bool == true)
        #expect((json["answer"] as? String)?.hasPrefix("Ada founded the club.") == true)
        #expect(json["fact"] as? String == "founder")
        #expect(json["source"] as? String == "https://example.org/story")
        let confidence = try #require(json["confidence"] as? Double)
        #expect(confidence > 0 && confidence <= 1)
    }

    @Test func declineHasNulls() throws {
        let json = try object("what is the weather on mars")
        #expect(Set(json.keys) == ["question", "answered", "answer", "confidence", "fact", "source"])
        #expect(json["answered"] as? Bool == false)
        #expect(json["fact"] is NSNull)
        #expect(json["source"] is NSNull)
        #expect((json["answer"] as? String)?.isEmpty == false)
    }

    @Test func smallTalkIsNotAnswered() throws {
        #expect(try object("hello")["answered"] as? Bool == false)
    }
}
