import Testing

@testable import FactbotCore

/// "Which outlets reported ...?": every outlet's account, each cited; on a fact base
/// written for these tests (four outlets telling of one fire, in their own words).
@Suite("Which outlets reported it")
struct CoverageTests {
    static let lamp = Source(
        id: "lamp", url: "https://lamp.example/fire", title: "Ferry fire", author: "", publisher: "Daily Lamp", published: "2026-03-03")
    static let sources = [AccountsTests.gazette, AccountsTests.courier, AccountsTests.wire, lamp]
    static let facts = [
        AccountsTests.fact("fire-gazette", "A fire broke out on the ferry Grey Heron on 1 March.", ["When did the ferry catch fire?"], [.date], sources[0]),
        AccountsTests.fact("fire-courier", "The Grey Heron ferry caught fire off Lowmere.", ["Where did the ferry catch fire?"], [.place], sources[1]),
        AccountsTests.fact("fire-wire", "Fire crews put out a blaze on the Grey Heron ferry.", ["Who put out the ferry fire?"], [.description], sources[2]),
        AccountsTests.fact("fire-lamp", "Nobody was hurt in the fire on the Grey Heron ferry.", ["Was anyone hurt in the ferry fire?"], [.description], lamp),
        AccountsTests.fact("cook", "The ship's cook is called Ada.", ["What is the cook called?"], [.person], sources[1]),
    ]
    static let words = WordLists(stopWords: AccountsTests.words.stopWords.union(["on", "that", "else", "in"]))
    static let answerer = Answerer(knowledge: KnowledgeBase(facts: facts, sources: sources, words: words))!

    @Test func everyOutletsAccountIsShown() {
        for question in ["which outlets reported the fire on the Grey Heron ferry?", "what media covered the Grey Heron ferry fire"] {
            let answer = Self.answerer.answer(question)
            #expect(answer.kind == .fact, "\(question): \(answer.reply)")
            for outlet in ["Harbour Gazette", "Courier", "Coast Wire", "Daily Lamp"] {
                #expect(answer.reply.contains(outlet), "\(question): \(outlet) missing from \(answer.reply)")
            }
        }
    }

    @Test func whoReportedAsksForTheOutletNotAPerson() {
        let answer = Self.answerer.answer("who reported that nobody was hurt in the ferry fire?")
        #expect(answer.kind == .fact, "\(answer.reply)")
        #expect(answer.reply.hasPrefix("Nobody was hurt in the fire on the Grey Heron ferry. (Daily Lamp"), "\(answer.reply)")
    }

    @Test func aQuestionAboutAnArticleIsNotOne() {
        #expect(Self.answerer.coverageAsked(Tokenizer.tokens("which outlet published the article on the fire")).isEmpty)
        #expect(Self.answerer.coverageAsked(Tokenizer.tokens("who wrote about the fire")).isEmpty)
        #expect(Self.answerer.coverageAsked(Tokenizer.tokens("what did the outlets say")).isEmpty)
        #expect(Self.answerer.coverageAsked(Tokenizer.tokens("which newspaper reported on the fire")).isEmpty)
        #expect(!Self.answerer.coverageAsked(Tokenizer.tokens("who else reported the fire")).isEmpty)
        #expect(Self.answerer.coverageAsked(Tokenizer.tokens("who carried the nets")).isEmpty)
    }
}
