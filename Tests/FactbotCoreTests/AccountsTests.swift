import Testing

@testable import FactbotCore

/// Several sources telling of one thing: the reply says who says what, newest first, shows
/// a disagreement instead of picking a side, and answers a changed figure with the newest.
/// On a fact base written for these tests.
@Suite("Who says what")
struct AccountsTests {
    static let gazette = Source(
        id: "gazette", url: "https://gazette.example/ferry", title: "Sailors detained",
        author: "", publisher: "Harbour Gazette", published: "2026-03-02")
    static let courier = Source(
        id: "courier", url: "https://courier.example/sailors", title: "Detained sailors speak",
        author: "", publisher: "Courier", published: "2026-03-04")
    static let wire = Source(
        id: "wire", url: "https://wire.example/count", title: "More sailors held",
        author: "", publisher: "Coast Wire", published: "2026-03-06")
    static let words = WordLists(
        synonyms: [["detain", "detained", "held", "hold"], ["job", "work", "worked", "profession"]],
        stopWords: [
            "what", "which", "who", "how", "many", "old", "is", "are", "was", "were", "the", "a", "of",
            "did", "do", "does", "they", "them", "by", "before",
        ],
        names: [])

    static func fact(
        _ id: String, _ answer: String, _ questions: [String], _ types: [AnswerType], _ source: Source,
        _ relations: [Fact.Relation] = []
    ) -> Fact {
        var fact = Fact(id: id, answer: answer, questions: questions, types: types, sourceID: source.id)
        fact.relations = relations
        return fact
    }

    static let facts = [
        fact("count-gazette", "Two sailors were detained at the port.", ["How many sailors were detained?"], [.number], gazette),
        fact(
            "count-wire", "Four sailors are now held at the port, the harbour master said on 5 March.",
            ["How many sailors are held?"], [.number], wire, [.init(.updates, "count-gazette")]),
        fact("job-gazette", "The older sailor worked as a ferry cook.", ["What job did the older sailor do?"], [.description], gazette),
        fact(
            "job-courier", "The older sailor worked as a deckhand.", ["What was the older sailor's job?"], [.description], courier,
            [.init(.disputes, "job-gazette")]),
        fact("port-gazette", "They were detained at the port of Lowmere.", ["Where were the sailors detained?"], [.place], gazette),
        fact(
            "port-courier", "The sailors were held in Lowmere's port.", ["In which port were the sailors held?"], [.place], courier,
            [.init(.confirms, "port-gazette")]),
        fact("ship", "Their ship was the Grey Heron.", ["What was the ship called?"], [.description], courier),
    ]
    static let answerer = answerer(facts, sources: [gazette, courier, wire])

    /// An answerer of `facts` from `sources`, with `words` (these tests' by default) and a low threshold.
    static func answerer(_ facts: [Fact], sources: [Source], words: WordLists = words) -> Answerer {
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        return Answerer(knowledge: KnowledgeBase(facts: facts, sources: sources, words: words), settings: settings)!
    }

    @Test func disagreementShowsBothNewestFirst() {
        let answer = Self.answerer.answer("what job did the older sailor do?")
        #expect(answer.kind == .fact)
        #expect(answer.accounts.count == 2)
        let reply = answer.reply
        #expect(reply.hasPrefix("Sources differ."))
        let deckhand = reply.range(of: "Courier: The older sailor worked as a deckhand.")
        let cook = reply.range(of: "Harbour Gazette: The older sailor worked as a ferry cook.")
        #expect(deckhand != nil && cook != nil)
        if let deckhand, let cook { #expect(deckhand.lowerBound < cook.lowerBound) }  // the newer source first
        #expect(reply.contains("https://courier.example/sailors") && reply.contains("https://gazette.example/ferry"))
        #expect(answer.replyParts.count == 3)
        #expect(answer.replyParts.dropFirst().allSatisfy { $0.contains("https://") })  // each part carries its source
    }

    @Test func theAccountOfAnOutletTheQuestionNamesComesFirst() {
        let asked = Self.answerer.answer("per Harbour Gazette, what job did the older sailor do?")
        #expect(asked.accounts.count == 2)
        #expect(asked.accounts.first?.factIDs == ["job-gazette"], "\(asked.reply)")
        #expect(asked.reply.hasPrefix("Sources differ. Harbour Gazette: The older sailor worked as a ferry cook."))
    }

    @Test func eitherSideOfADisagreementLeadsToBoth() {
        let asked = Self.answerer.answer("What was the older sailor's job?")
        #expect(Set(asked.accounts.flatMap(\.factIDs)) == ["job-gazette", "job-courier"])
    }

    @Test func updatedFigureIsAnsweredWithTheNewestAndMentionsTheEarlier() {
        for question in ["How many sailors were detained?", "how many sailors r held"] {
            let answer = Self.answerer.answer(question)
            #expect(answer.kind == .fact, "\(question)")
            #expect(
                answer.reply.hasPrefix(
                    "Four sailors are now held at the port, the harbour master said on 5 March. (Coast Wire, 6 March 2026: https://wire.example/count)"),
                "\(question)")
            #expect(
                answer.reply.contains("Earlier: Two sailors were detained at the port. (Harbour Gazette, 2 March 2026: https://gazette.example/ferry)"),
                "\(question)")
            #expect(!answer.reply.contains("Sources differ"))
        }
    }

    @Test func aFigureTheQuestionNamesKeepsTheAccountThatGivesIt() {
        let facts = [
            Self.fact("held-gazette", "At least 40 sailors were detained at the port.", ["How many sailors were detained?"], [.number], Self.gazette),
            Self.fact(
                "held-wire", "Several dozen sailors are now held at the port, the harbour master said.", ["How many sailors are held?"],
                [.number], Self.wire, [.init(.updates, "held-gazette")]),
        ]
        let answerer = Self.answerer(facts, sources: [Self.gazette, Self.wire])
        // the figure asked about: its own account first, then the later one that changed it
        let named = answerer.answer("were 40 sailors detained?")
        #expect(named.reply.hasPrefix("At least 40 sailors were detained at the port. (Harbour Gazette"), "\(named.reply)")
        #expect(
            named.reply.hasSuffix(
                "Later: Several dozen sailors are now held at the port, the harbour master said. (Coast Wire, 6 March 2026: https://wire.example/count)"
            ))
        #expect(named.accounts.map(\.isLater) == [false, true])
        // no figure named: the newest, and the earlier one mentioned
        let count = answerer.answer("how many sailors were detained?")
        #expect(count.reply.hasPrefix("Several dozen sailors"), "\(count.reply)")
        #expect(count.reply.contains("Earlier: At least 40 sailors"))
    }

    @Test func aDayTheQuestionNamesKeepsThatDaysAccount() {
        let facts = [
            Self.fact(
                "held-2", "The harbour master said on 2 March that 40 sailors were detained at the port.", ["How many sailors were detained?"],
                [.number, .date], Self.gazette),
            Self.fact(
                "held-5", "The harbour master said on 5 March that several dozen sailors were held at the port.", ["How many sailors are held?"],
                [.number, .date], Self.wire, [.init(.updates, "held-2")]),
        ]
        let answerer = Self.answerer(facts, sources: [Self.gazette, Self.wire])
        // "on March 2": that day's account first, the newer one after it
        let named = answerer.answer("what did the harbour master say on march 2")
        #expect(named.reply.hasPrefix("The harbour master said on 2 March"), "\(named.reply)")
        #expect(named.reply.contains("Later: The harbour master said on 5 March"))
        // no day named: the newest first
        #expect(answerer.answer("what did the harbour master say").reply.hasPrefix("The harbour master said on 5 March"))
    }

    @Test func confirmingSourcesAreBothCited() {
        let answer = Self.answerer.answer("Where were the sailors detained?")
        #expect(
            answer.reply
                == "They were detained at the port of Lowmere. (Courier, 4 March 2026: https://courier.example/sailors; also Harbour Gazette, 2 March 2026: https://gazette.example/ferry)"
        )
    }

    /// An answerer of `facts` from the gazette and the courier, with these tests' words, the
    /// people Ada Marsh and Lee Roan listed, `stopWords` more, and a low threshold.
    static func answererNamingAdaAndLee(_ facts: [Fact], stopWords: Set<String>) -> Answerer {
        let names = try! WordListParser.names("[people]\nada marsh\nlee roan\n")
        var words = Self.words
        words.names = names.names
        words.nameKinds = names.kinds
        words.stopWords.formUnion(stopWords)
        return answerer(facts, sources: [Self.gazette, Self.courier], words: words)
    }

    @Test func anAccountAboutSomeoneElseIsLeftOut() {
        // one outlet gives both ages, another only Lee's: asked about Ada, only the first answers
        let answerer = Self.answererNamingAdaAndLee(
            [
                Self.fact("ages-gazette", "Ada Marsh is 26 years old and Lee Roan 33.", ["How old are Ada Marsh and Lee Roan?"], [.number], Self.gazette),
                Self.fact(
                    "age-courier", "The courier gives Lee Roan's age as 34.", ["How old is Lee Roan?"], [.number], Self.courier,
                    [.init(.disputes, "ages-gazette")]),
            ], stopWords: ["old", "age"])
        let ada = answerer.answer("how old is ada marsh?")
        #expect(ada.fact?.id == "ages-gazette")
        #expect(ada.accounts.isEmpty && !ada.reply.contains("34"), "\(ada.reply)")
        let lee = answerer.answer("how old is lee roan?")
        #expect(Set(lee.accounts.flatMap(\.factIDs)) == ["ages-gazette", "age-courier"], "\(lee.reply)")
        #expect(lee.reply.hasPrefix("Sources differ."))
    }

    @Test func outletsDisagreeingOnWhoAreBothShownWhenTheQuestionNamesBoth() {
        // the gazette says Ada was the cook, the courier says Lee: "Ada or Lee?" shows both,
        // while a question about Ada alone still leaves Lee's account out
        let answerer = Self.answererNamingAdaAndLee(
            [
                Self.fact("cook-gazette", "Ada Marsh worked as the ship's cook.", ["Who was the cook?"], [.person], Self.gazette),
                Self.fact(
                    "cook-courier", "Lee Roan worked as the ship's cook.", ["Who cooked on the ship?"], [.person], Self.courier,
                    [.init(.disputes, "cook-gazette")]),
            ], stopWords: ["or"])
        let both = answerer.answer("who worked as the cook, ada or lee?")
        #expect(Set(both.accounts.flatMap(\.factIDs)) == ["cook-gazette", "cook-courier"], "\(both.reply)")
        #expect(both.reply.hasPrefix("Sources differ."))
        let ada = answerer.answer("was ada the cook?")
        #expect(ada.fact?.id == "cook-gazette")
        #expect(ada.accounts.isEmpty, "\(ada.reply)")
    }

    @Test func aFactWithoutLinksAnswersAlone() {
        let answer = Self.answerer.answer("What was the ship called?")
        #expect(answer.accounts.isEmpty)
        #expect(answer.reply == "Their ship was the Grey Heron. (Courier, 4 March 2026: https://courier.example/sailors)")
    }

    @Test func linksAreReadFromFactFilesWithTheirLines() throws {
        let text = """
            - id: b
              answer: Four.
              questions: [How many?]
              type: number
              source: wire
              updates: a
              disputes: [c, d]
            """
        let facts = try FactFileParser.parse(text, file: "f.yaml")
        #expect(
            facts[0].relations == [
                Fact.Relation(.updates, "a", line: 6), Fact.Relation(.disputes, "c", line: 7),
                Fact.Relation(.disputes, "d", line: 7),
            ])
    }

    @Test func badLinksAreNamedWithFileAndLine() {
        let sources = "- id: s\n  url: https://s.example/\n  title: T\n  publisher: S\n  published: 2026-01-01\n"
        func problems(_ facts: String) -> [String] {
            do {
                _ = try KnowledgeBase.parse([KnowledgeFile(path: "k/sources.yaml", text: sources), KnowledgeFile(path: "k/facts/f.yaml", text: facts)])
                return []
            } catch { return error.all.map(\.description) }
        }
        let entry = { (id: String, link: String) in "- id: \(id)\n  answer: A.\n  questions: [Q?]\n  type: number\n  source: s\n  \(link)\n" }
        #expect(problems(entry("a", "updates: count-old")) == ["k/facts/f.yaml:6: fact \"a\" updates unknown fact \"count-old\""])
        #expect(problems(entry("a", "confirms: a")) == ["k/facts/f.yaml:6: fact \"a\" cannot confirm itself"])
        #expect(problems(entry("abc", "confirms: b") + entry("b", "disputes: abd")).first?.contains("did you mean \"abc\"") == true)
        let circle = problems(entry("a", "updates: b") + entry("b", "updates: c") + entry("c", "updates: a"))
        #expect(circle.count == 1)
        #expect(circle.first?.contains("updates go round in a circle: \"a\" → \"b\" → \"c\" → \"a\"") == true)
        #expect(problems(entry("a", "disputes: b") + entry("b", "disputes: a")) == [])  // the same link both ways is fine
        let contrary = problems(entry("a", "updates: b") + entry("b", "confirms: a"))
        #expect(contrary == ["k/facts/f.yaml:12: fact \"b\" confirms \"a\", which updates it (k/facts/f.yaml:6): give one link"])
    }

    @Test func aGapInAChainOfUpdatesKeepsTheOlderFactEarlier() {
        let a = Source(id: "a", url: "https://a.example/", title: "A", author: "", publisher: "Alpha", published: "2026-03-01")
        var oldest = Fact(id: "oldest", answer: "Ten boats.", questions: ["How many boats?"], types: [.number], sourceID: "a")
        var gap = Fact(id: "gap", answer: "the count was not given that day.", questions: ["boats then?"], types: [.gap], sourceID: "a")
        var newest = Fact(id: "newest", answer: "Twenty boats.", questions: ["How many boats now?"], types: [.number], sourceID: "a")
        oldest.relations = []
        gap.relations = [.init(.updates, "oldest")]
        newest.relations = [.init(.updates, "gap")]
        let accounts = Accounts.accounts(of: [oldest, gap, newest], chosen: "newest", sources: { _ in a })
        #expect(accounts.map(\.factIDs) == [["newest"], ["oldest"]])
        #expect(accounts.map(\.isEarlier) == [false, true])
    }

    @Test func linksSurviveTheIndexSnapshot() throws {
        let bytes = IndexSnapshot.encode(Self.answerer.index, fingerprint: 7)
        let index = try IndexSnapshot.decode(bytes, fingerprint: 7)
        #expect(index.facts.map(\.relations) == Self.answerer.index.facts.map(\.relations))
    }
}

@Suite("Who says what: chains")
struct AccountChainTests {
    @Test func aFactConfirmingAnUpdatedOneIsEarlierToo() {
        let a = Source(id: "a", url: "https://a.example/", title: "A", author: "", publisher: "Alpha", published: "2026-03-01")
        let b = Source(id: "b", url: "https://b.example/", title: "B", author: "", publisher: "Beta", published: "2026-03-02")
        let c = Source(id: "c", url: "https://c.example/", title: "C", author: "", publisher: "Gamma", published: "2026-03-05")
        var old = Fact(id: "old", answer: "Twelve boats were seized.", questions: ["How many boats were seized?"], types: [.number], sourceID: "a")
        var same = Fact(id: "same", answer: "Twelve boats were seized, Beta says.", questions: ["number of boats seized?"], types: [.number], sourceID: "b")
        var new = Fact(
            id: "new", answer: "Twenty boats have now been seized.", questions: ["How many boats have been seized now?"], types: [.number], sourceID: "c")
        same.relations = [.init(.confirms, "old")]
        new.relations = [.init(.updates, "old")]
        old.relations = []
        let accounts = Accounts.accounts(of: [old, same, new], chosen: "same", sources: { ["a": a, "b": b, "c": c][$0.sourceID] })
        #expect(accounts.map(\.isEarlier) == [false, true])
        #expect(accounts[0].factIDs == ["new"])
        #expect(Set(accounts[1].factIDs) == ["old", "same"])
        #expect(accounts[1].sources.map(\.id) == ["b", "a"])  // newest first
    }
}
