import Testing

@testable import FactbotCore

/// How a draft reads who a sentence is about: a quotation's speaker named at its end, a
/// person known by one of their names, a body that is not a person. On sentences written
/// for these tests.
@Suite("Draft reading")
struct FactDraftTests {
    static let source = RequestedDetailTests.source
    static let words: WordLists = {
        var words = WordLists(stopWords: ["the", "a", "of", "was", "were", "he", "i", "it", "on", "and", "with", "by", "at", "to", "from"])
        words.sides = [["northland", "northlander"], ["southland", "southlander"]]
        let parsed = try! WordListParser.names("[organisations]\nharbour police of lowmere\n")
        words.names = parsed.names
        words.nameKinds = parsed.kinds
        return words
    }()

    static func read(_ sentence: String, known: [String] = []) -> SentenceReading {
        SentenceReading(sentence, words: words, known: known, rarity: { _ in 0.5 })
    }

    @Test func aQuotationOverSeveralSentencesEndsWhereItCloses() {
        let sentences = [
            "Ada Marsh spoke to reporters on Monday.",
            "\"We were given no papers.",
            "The captain took our pay cards.",
            "Nobody told us where we were going,\" Lee Roan said.",
            "The ferry left at noon.",
            "“They kept the cards.",
            "We never saw them again,” he added.",
        ]
        #expect(SentenceReading.quotationEnds(sentences) == [1: 3, 2: 3, 5: 6])
        // a mark left open is a stray: it runs on no further than the longest quotation
        let stray = ["\"An open mark."] + Array(repeating: "A plain sentence.", count: 8)
        #expect(SentenceReading.quotationEnds(stray, longest: 3).isEmpty)
        // a quotation within one sentence is not a run
        #expect(SentenceReading.quotationEnds(["\"We left,\" he said.", "Then it rained."]).isEmpty)
    }

    @Test func aBodyIsNotAPersonAndNamesJoinAcrossOf() {
        let reading = Self.read("They spoke at a briefing held by the Harbour Police of Lowmere and the Coast Guard on Monday.")
        #expect(reading.names.isEmpty, "\(reading.names)")
        let person = Self.read("Two sailors, Ada Marsh and Lee Roan, were held by the Coast Guard.")
        #expect(person.names == ["Ada Marsh", "Lee Roan"])
        // a title, and the side it is of, are not the name
        #expect(Self.read("On Tuesday, Northlander President Ada Marsh closed the port.").names == ["Ada Marsh"])
        #expect(Self.read("The port was closed, Northland said.").names.isEmpty)
    }

    @Test func onlyAPersonOpeningTheSentenceBecomesWho() {
        #expect(Self.read("Ada Marsh paid 300 crowns to join the crew.").questions.contains("Who paid 300 crowns to join the crew?"))
        // a people's name, a body, a place: no "Who ...?"
        for sentence in [
            "Northlander sailors said the ferry was late.", "Harbour Police of Lowmere arrested two sailors.",
            "Lowmere Harbour stayed closed for a week.",
        ] {
            #expect(!Self.read(sentence).questions.contains { $0.hasPrefix("Who ") }, "\(sentence): \(Self.read(sentence).questions)")
        }
    }

    @Test func aPassiveVerbOfPlaceOrDateAsksWhereOrWhen() {
        let sent = Self.read("\"I refused at first, but I was later sent to the front,\" Ada Marsh said.")
        #expect(sent.types.contains(.place), "\(sent.types)")  // "to the front": a place without a capital
        #expect(sent.questions.contains("Where was Ada Marsh sent?"), "\(sent.questions)")
        let held = Self.read("Lee Roan was held in the harbour jail on 3 May.")
        #expect(held.questions.contains("When was Lee Roan held?"), "\(held.questions)")
        // no place after the verb, no date: neither
        let paid = Self.read("Lee Roan was paid well.")
        #expect(!paid.questions.contains { $0.hasPrefix("Where") || $0.hasPrefix("When") }, "\(paid.questions)")
        #expect(!paid.types.contains(.place))
        // a name after "into" is a place, as after "in" or "to"
        let moved = Self.read("The crew was moved into Harbourtown by night.")
        #expect(moved.types.contains(.place), "\(moved.types)")
    }

    @Test func aPersonNamedOnceIsKnownByOneName() {
        let reading = Self.read("Marsh says she lost her job in the storm.", known: ["Ada Marsh", "Lee Roan"])
        #expect(reading.names == ["Ada Marsh"])
        #expect(reading.questions.contains("What did Ada Marsh say?"))
        // unknown, a single capitalised word at the start of a sentence names no one
        #expect(Self.read("Marsh says she lost her job in the storm.").names.isEmpty)
        // a name two people share, or a word the lists know as something else, is no one's
        #expect(Self.read("Marsh says she lost her job.", known: ["Ada Marsh", "Tom Marsh"]).names.isEmpty)
        #expect(SentenceReading.person("Northlander", among: ["Northlander Ada"], lists: Self.words) == nil)
    }

    @Test func whoASentenceSpeaksOfFollowsItsSubject() {
        let sentences = [
            "Ada Marsh and Lee Roan spoke to reporters on Monday.",
            "Governor Tom Hale said the port would stay shut.",
            "However, the pair said they had never worked for the port.",
            "Ada Marsh said she found the job through an advert.",
            "She then travelled by bus to Lowmere with Mr Roan.",
            "Both were released on Friday.",
        ]
        let read = SentenceReading.readings(of: sentences, words: Self.words, rarity: { _ in 0.5 })
        // "the pair": the two named together before, not the governor named since
        #expect(read[2].reading.names == ["Ada Marsh", "Lee Roan"], "\(read[2].reading.names)")
        // "She ... with Mr Roan": she, named before, is who it speaks of first
        #expect(read[4].reading.names.first == "Ada Marsh", "\(read[4].reading.names)")
        #expect(read[4].reading.questions.last?.hasPrefix("ada marsh ") ?? false, "\(read[4].reading.questions)")
        #expect(read[5].reading.names == ["Ada Marsh", "Lee Roan"], "\(read[5].reading.names)")
        // "both sides", "the two ports", "we" are no group of the people named
        let others = SentenceReading.readings(
            of: ["Ada Marsh and Lee Roan spoke to reporters.", "Tom Hale closed the port.", "Both sides agreed to talk.", "We were promised work."],
            words: Self.words, rarity: { _ in 0.5 })
        #expect(others[2].reading.names.isEmpty, "\(others[2].reading.names)")
        #expect(others[3].reading.names == ["Tom Hale"], "\(others[3].reading.names)")
        // a possessive is not part of a name
        #expect(Self.read("Tom Hale's office closed the port.").names == ["Tom Hale"])
    }

    @Test func aBylineIsNoOneTheTextGoesOnAbout() {
        // the reporter's name on a line of its own, then "he" for someone unnamed
        let sentences = [
            "Ada Marsh",
            "One of the sailors rescued on Monday said that he paid 300 crowns for the passage.",
            "He had sailed before.",
        ]
        let read = SentenceReading.readings(of: sentences, words: Self.words, rarity: { _ in 0.5 })
        #expect(!read[1].reading.names.contains("Ada Marsh"), "\(read[1].reading.names)")
        #expect(!read[1].sure)
        #expect(!read[2].reading.names.contains("Ada Marsh"), "\(read[2].reading.names)")
        // "one of the sailors ... he": he may be one of them, not whom the text spoke of before
        let after = SentenceReading.readings(
            of: ["Tom Hale took charge of the boat.", "One of the sailors said that he paid 300 crowns."], words: Self.words,
            rarity: { _ in 0.5 })
        #expect(!after[1].sure)
    }

    @Test func aSentenceCreditedByTheNextIsTheirs() {
        #expect(SentenceReading.creditsThePrevious("This was announced by Ada Marsh during a briefing."))
        #expect(SentenceReading.creditsThePrevious("That was also stated by the harbour master."))
        #expect(!SentenceReading.creditsThePrevious("This was the third storm this year."))
        let sentences = ["The port will stay shut until April.", "This was announced by Ada Marsh during a briefing."]
        let read = SentenceReading.readings(of: sentences, words: Self.words, rarity: { _ in 0.5 })
        #expect(read[0].reading.names == ["Ada Marsh"])
        #expect(read[0].sure)
        #expect(
            SentenceReading.attributed(sentences[0], to: read[0].reading.names, credited: read[0].reading.isCredited)
                == "Ada Marsh: The port will stay shut until April.")
    }

    @Test func aVerbInThePastAfterAPersonAsksWhenAndWhere() throws {
        let reading = Self.read("Mira Holt said that on 3 March she arrived in Lowmere, where she stayed a week.", known: ["Mira Holt"])
        #expect(reading.activePast?.verb == "arrived")
        #expect(reading.activePast?.object == ["in", "Lowmere"])
        #expect(reading.activePast?.placeAfter == true)
        // "to them" is no place; "was carried" is passive, not this
        #expect(Self.read("As she referred to them, the crews left.").activePast?.placeAfter != true)
        #expect(Self.read("She was carried to the boat.").activePast == nil)
        // the person right before the verb asks; a participle after a comma does not
        #expect(Self.read("Tom Hale said Mira Holt arrived in Lowmere on 3 March.", known: ["Mira Holt"]).activePast?.subject == "Mira Holt")
        #expect(Self.read("Mira Holt, detained in Lowmere, said the port was shut.").activePast == nil)
        // base forms, found among the fact base's words
        let fact = Fact(
            id: "f", answer: "They arrive, stay, stop and carry nets.", questions: ["Did they arrive?"], types: [.description],
            sourceID: Self.source.id)
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: [fact], sources: [Self.source], words: Self.words)))
        #expect(["arrived", "stayed", "stopped", "carried"].map { FactDraft.baseForm(of: $0, answerer: answerer) } == ["arrive", "stay", "stop", "carry"])
        #expect(FactDraft.activeQuestions(reading, answerer: answerer).contains("When did Mira Holt arrive in Lowmere?"))
        #expect(FactDraft.activeQuestions(reading, answerer: answerer).contains("Where did Mira Holt arrive?"))
    }

    @Test func aLengthOfTimeIsADateAndACauseOrPurposeAReason() throws {
        // "how long" and "when" ask for these: a sentence giving one is typed for them
        for sentence in ["Ada Marsh waited in the shed for several hours.", "The crew sailed that night.", "Lee Roan stayed for a week."] {
            #expect(Self.read(sentence).types.contains(.date), "\(sentence): \(Self.read(sentence).types)")
        }
        // "may" the verb is no month
        #expect(!Self.read("Sailors may leave the port.").types.contains(.date))
        #expect(Self.read("The strike began in May.").types.contains(.date))
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: [], sources: [Self.source], words: Self.words)))
        let sentences = ["Lee Roan went to Lowmere to earn money for his family.", "Lee Roan went to Lowmere with his brother."]
        let drafts = FactDraft.drafts(for: SourceSentences(source: Self.source, sentences: sentences), answerer: answerer)
        #expect(drafts.map { $0.fact.types.contains(.reason) } == [true, false], "\(drafts.map(\.fact.types))")
    }

    @Test func draftedFactsAreMarkedAsDraftsAndCheckListsThem() throws {
        let sentences = [
            "Ada Marsh, a sailor from Lowmere, said on Monday that the strike had ended after nine days.",
            "The harbour board agreed to pay each crew 900 crowns for the days the ferries stood idle.",
        ]
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: [], sources: [Self.source], words: Self.words), settings: settings))
        let drafts = FactDraft.drafts(for: SourceSentences(source: Self.source, sentences: sentences), answerer: answerer)
        try #require(drafts.count == 2)
        let read = try FactFileParser.parse(FactDraft.yaml(drafts, source: Self.source), file: "draft.yaml")
        #expect(read.count == 2 && read.allSatisfy(\.isDraft))
        // one warning for the file: how many are left to review, from the first
        let warnings = KnowledgeCheck.draftWarnings(for: read)
        #expect(warnings.count == 1)
        #expect(warnings.first?.file == "draft.yaml" && warnings.first?.line == read[0].line)
        #expect(warnings.first?.message.contains("2 facts") == true, "\(warnings)")
        var reviewed = read
        reviewed[0].isDraft = false
        #expect(KnowledgeCheck.draftWarnings(for: reviewed).first?.message.contains("fact \"\(read[1].id)\" is a draft") == true)
        reviewed[1].isDraft = false
        #expect(KnowledgeCheck.draftWarnings(for: reviewed).isEmpty)
    }

    @Test func draftedFactsOfAQuotationNameItsSpeaker() throws {
        let sentences = [
            "Ada Marsh and Lee Roan, two sailors held at the port of Lowmere, spoke to reporters on Monday.",
            "\"We were handed pay cards holding $900 that we could never spend ourselves.",
            "The captain kept the cards and bought fuel with them,\" Lee Roan said.",
        ]
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        let curated = Fact(
            id: "ferry", answer: "The ferry to Lowmere runs twice a day.", questions: ["How often does the ferry run?"],
            types: [.number], sourceID: "gazette")
        let answerer = try #require(
            Answerer(knowledge: KnowledgeBase(facts: [curated], sources: [Self.source], words: Self.words), settings: settings))
        let drafts = FactDraft.drafts(for: SourceSentences(source: Self.source, sentences: sentences), answerer: answerer)
        let card = try #require(drafts.first { $0.sentenceNumber == 2 })
        #expect(card.fact.keywords == ["Lee Roan"])
        #expect(card.fact.types.first == .quote)
        #expect(card.fact.types.contains(.amount))
        // the answer says who: "we" is left as it is, "I" gets its speaker
        #expect(card.fact.answer == sentences[1])
        #expect(SentenceReading.attributed("I could never spend it.", to: ["Lee Roan"]) == "Lee Roan: I could never spend it.")
    }

    @Test func aDraftedSentenceSayingHeOrSheNamesThePersonInBrackets() throws {
        let sentences = ["Harbour master Ada Marsh closed the port on Monday.", "A day later, she said it would stay shut for a week."]
        let answerer = try #require(
            Answerer(knowledge: KnowledgeBase(facts: [], sources: [Self.source], words: Self.words)))
        let drafts = FactDraft.drafts(for: SourceSentences(source: Self.source, sentences: sentences), answerer: answerer)
        let shut = try #require(drafts.first { $0.sentenceNumber == 2 })
        #expect(shut.fact.answer == "A day later, [Ada Marsh] said it would stay shut for a week.")
        // after someone not named, "he" may be them: the passage is still about Ada Marsh, but
        // no one is put in brackets
        let readings = SentenceReading.readings(
            of: [
                "Harbour master Ada Marsh interviewed a sailor on Monday.", "He said the port would stay shut.",
                "The sailor told her that he had lost his job.",
            ], words: Self.words, rarity: { _ in 0.5 })
        #expect(readings.map(\.carried) == [false, true, true])
        #expect(readings.map(\.sure) == [false, false, false])
        #expect(readings[1].reading.names == ["Ada Marsh"])
        // "they" may not be the people named before: left as it is
        #expect(SentenceReading.attributed("They said it would stay shut.", to: ["Ada Marsh", "Lee Roan"]) == "They said it would stay shut.")
        // the pronoun with punctuation beside it, which is kept
        #expect(SentenceReading.attributed("A day later, she, too, said so.", to: ["Ada Marsh"]) == "A day later, [Ada Marsh], too, said so.")
        #expect(SentenceReading.attributed("(He said so.)", to: ["Ada Marsh"]) == "([Ada Marsh] said so.)")
        #expect(SentenceReading.attributed("The shed was hers.", to: ["Ada Marsh"]) == "The shed was hers.")
    }
}
