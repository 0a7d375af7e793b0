import Testing

@testable import FactbotCore

@Suite("Answering from the shipped fact base")
struct ShippedAnswererTests {
    let answerer = ShippedKnowledge.answerer

    @Test("every example question reaches its own fact", arguments: ShippedKnowledge.base.facts)
    func examplesReachTheirFact(fact: Fact) {
        for question in fact.questions {
            let answer = answerer.answer(question)
            // or a fact linked to it, whose reply shows it too ("Sources differ. ...")
            #expect(answer.shows(fact.id), "\(question) → \(answer.fact?.id ?? "declined")")
        }
    }

    @Test func checkFindsNothingToWarnAbout() {
        #expect(KnowledgeCheck.warnings(for: answerer).map(\.description) == [])
    }

    @Test func answersCarryTheirSource() throws {
        let answer = answerer.answer("how much r they paid??")
        #expect(answer.answered)
        #expect(answer.text.contains("18,000"))
        let source = try #require(answer.source)
        #expect(source.url.hasPrefix("https://dev.ua/"))
        #expect(answer.reply.contains("dev.ua, 11 April 2025"))
        #expect((0...1).contains(answer.confidence))
    }

    @Test(
        "names and numbers the fact base does not know are declined",
        arguments: [
            "How many North Korean soldiers are in Russia's army?",
            "how many indian fighters has russia recruited",
            "What does Macron think about the Chinese recruits?",
            "Did 5000 Chinese join the Russian army?",
            "what is the capital of france",
            "asdfgh qwerty zxcv",
        ])
    func declines(question: String) {
        let answer = answerer.answer(question)
        #expect(!answer.answered, "\(question) → \(answer.fact?.id ?? "")")
        #expect(answer.source == nil)
        #expect(answer.text.contains("don't know"))
    }

    /// Near misses found by asking as a reader would: each got a neighbouring fact before.
    @Test(
        "a detail the sources do not give about someone is declined",
        arguments: [
            "how much did wang pay",  // he went "to earn some money": no amount
            "where is wang from",  // the foreigners he met came from Ghana
            "how many chinese are in the ukrainian army",  // the counts are of Russia's army
            "what did ukraine's foreign ministry say",  // China's Foreign Ministry spoke
            "do you need to speak russian",  // the influencer speaks Chinese; no source says what is needed
            "how old do you have to be",  // the prisoners' ages are no age limit
            "when did zhang renbo get captured",  // "the other captured man was born in 1998"
            "what does ukraine want from china",  // only the two names match, and many facts match them as well
            "what did russia's foreign ministry say",  // China's Foreign Ministry spokesman spoke
        ])
    func nearMissesAreDeclined(question: String) {
        let answer = answerer.answer(question)
        #expect(!answer.answered, "\(question) → \(answer.fact?.id ?? "")")
    }

    @Test func byWhatMeansIsAnsweredByTheMeans() {
        // the comparison of pay was written for "how does the pay compare", not "how are they paid"
        #expect(answerer.answer("how do chinese recruits get paid").fact?.id == "ifx09-mir-card")
    }

    @Test func theAgeLimitIsTheLimitNotSomeonesAge() {
        // "age limit" is not listed with "age": the fact that says "limit" comes first
        #expect(answerer.answer("what is the age limit").fact?.id == "moscow-age-limit")
    }

    @Test func declineOffersSuggestionsWhenSomethingIsClose() {
        let answer = answerer.answer("what did the Kremlin promise about salary bonuses in Tibet")
        #expect(!answer.answered)
        #expect(answer.suggestions.count <= 2)
    }

    @Test func misspellingsAndShorthandStillAnswer() {
        #expect(answerer.answer("wat did zelenski say about 155 chinese").fact?.id == "chinese-servicemen-count")
        #expect(answerer.answer("douyin?").fact?.id == "douyin-ads")
        #expect(answerer.answer("where did chai jing's soldier fight, bakhmutt?").fact?.id == "bakhmut-assault-group")
    }

    @Test func smallTalkIsNotAnAnswer() {
        for text in ["hi", "hello there", "thanks!", "help", "", "   "] {
            let answer = answerer.answer(text)
            #expect(answer.kind == .smallTalk, "\(text)")
            #expect(!answer.answered)
        }
    }

    @Test func explanationNamesTheRunnerUp() {
        let answer = answerer.answer("How many Chinese were captured?")
        #expect(answer.explanation.questionType == .number)
        #expect(answer.explanation.candidates.count >= 2)
        #expect(answer.explanation.candidates[0].confidence >= answer.explanation.candidates[1].confidence)
    }

    @Test func hostileInputIsAnsweredOrDeclined() {
        let inputs = [
            String(repeating: "x", count: 100_000), String(repeating: "salary ", count: 20_000),
            "\u{0}\u{1}\u{2}", String(decoding: [0xFF, 0xFE, 0x41], as: UTF8.self), "🙂🙂🙂",
        ]
        for input in inputs {
            #expect((0...1).contains(answerer.answer(input).confidence))
        }
    }
}

/// The source of the small fact bases these tests write.
private let gazette = Source(id: "g", url: "https://example.org/g", title: "G", author: "", publisher: "Gazette", published: "2025-01-02")

@Suite("Answering: type checks on a small fact base")
struct TypedAnswererTests {
    /// An answerer of `facts` (of source "s") with these stop words.
    static func answerer(_ facts: [Fact], stopWords: WordSet) -> Answerer {
        let source = Source(id: "s", url: "https://example.org", title: "T", author: "", publisher: "Ex", published: "2025-01-02")
        return Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: WordLists(stopWords: stopWords)))!
    }

    let answerer = Self.answerer(
        [
            Fact(id: "count", answer: "Forty recruits joined the club.", questions: ["How many recruits joined the club?"], types: [.number], sourceID: "s"),
            Fact(id: "founder", answer: "Ada founded the club.", questions: ["Who founded the club?"], types: [.person], sourceID: "s"),
        ], stopWords: ["how", "many", "who", "the", "did", "it"])

    @Test func aTerseQuestionEndingInAWordNoFactUsesAsksForWhatNoFactGives() {
        let answerer = Self.answerer(
            [
                Fact(
                    id: "meeting", answer: "The harbour council met in Lowmere on Friday.", questions: ["When did the council meet?"], types: [.date],
                    sourceID: "s"),
                Fact(
                    id: "count", answer: "Forty recruits joined the club.", questions: ["How many recruits joined the club?"], types: [.number], sourceID: "s"),
            ], stopWords: ["the", "in", "on", "when", "did", "how", "many", "who", "was", "of"])
        // "chairman" is what is asked, and no fact has it
        let chairman = answerer.answer("lowmere harbour council chairman")
        #expect(!chairman.answered, "\(chairman.text)")
        // the same word elsewhere in a question only costs its weight
        let first = answerer.answer("chairman lowmere harbour council")
        #expect(first.confidence > chairman.confidence * 1.5, "\(first.confidence) \(chairman.confidence)")
        #expect(answerer.answer("lowmere harbour council").fact?.id == "meeting")
    }

    @Test func typeDecidesBetweenFactsSharingWords() {
        #expect(answerer.answer("how many joined the club").fact?.id == "count")
        #expect(answerer.answer("who founded it").fact?.id == "founder")
    }

    @Test func aFactOfAnotherTypeThatStatesTheFigureFitsNearlyAsWell() throws {
        let facts = [
            Fact(
                id: "visitors", answer: "The museum reported 300 visitors on its opening day.", questions: ["What did the museum report?"],
                types: [.description], sourceID: "s"),
            Fact(
                id: "mood", answer: "The museum reported a cheerful opening day.", questions: ["How was the opening?"],
                types: [.description], sourceID: "s"),
        ]
        let answerer = Self.answerer(facts, stopWords: ["how", "many", "did", "the", "on", "its", "a"])
        let stating = try #require(answerer.index.facts.firstIndex { $0.id == "visitors" })
        let silent = try #require(answerer.index.facts.firstIndex { $0.id == "mood" })
        // a description holding a figure fits "how many" as a stated figure does (0.9), not as a description (0.5)
        let fit = try #require(answerer.statedFit(Int32(stating), .number))
        #expect(abs(fit * QuestionType.number.fit([.description]) - Answerer.statedTypeFit) < 1e-9)
        #expect(answerer.statedFit(Int32(silent), .number) == nil)
        #expect(answerer.statedFit(Int32(stating), .person) == nil)  // it names no one
        let answer = answerer.answer("how many visitors did the museum report on opening day")
        #expect(answer.fact?.id == "visitors")
        #expect(answer.confidence >= answerer.settings.minimumConfidence)
    }

    @Test func anAmountPaidToGetSomethingGivesAReason() throws {
        let facts = [
            Fact(
                id: "fee", answer: "One sailor said he paid 500 crowns to get a place on the crew.", questions: ["How much did the sailor pay?"],
                types: [.amount], sourceID: "s"),
            Fact(
                id: "wage", answer: "The crew is paid 900 crowns a month.", questions: ["What is the crew paid?"], types: [.amount], sourceID: "s"),
        ]
        let answerer = Self.answerer(facts, stopWords: ["why", "did", "he", "the"])
        let fee = try #require(answerer.index.facts.firstIndex { $0.id == "fee" })
        let wage = try #require(answerer.index.facts.firstIndex { $0.id == "wage" })
        #expect(answerer.statedFit(Int32(fee), .reason) != nil)  // "to get": a purpose
        #expect(answerer.statedFit(Int32(wage), .reason) == nil)
        #expect(answerer.answer("why did he pay 500 crowns").fact?.id == "fee")
    }

    @Test func aHowQuestionPrefersTheFactThatSaysByWhatMeans() throws {
        let facts = [
            Fact(
                id: "numbers", answer: "The guild recruits apprentices from the coast every spring.", questions: ["Where does the guild find apprentices?"],
                types: [.description], sourceID: "s"),
            Fact(
                id: "means", answer: "The guild recruits apprentices through letters sent to schools.", questions: ["What does the guild send?"],
                types: [.description], sourceID: "s"),
        ]
        let answerer = Self.answerer(facts, stopWords: ["how", "does", "the", "to", "from", "every", "what", "where"])
        #expect(Answerer.statesMeans(facts[1].answer))
        #expect(!Answerer.statesMeans(facts[0].answer))
        #expect(Answerer.statesMeans("He got in by paying a fee.") && !Answerer.statesMeans("He was captured by Ukrainian forces."))
        #expect(answerer.answer("how does the guild recruit apprentices").fact?.id == "means")
        // "how many", and how someone reacted or described it, ask for no means
        #expect(Answerer.asksMeans(Tokenizer.tokens("how does the guild recruit apprentices")))
        #expect(Answerer.asksMeans(Tokenizer.tokens("guild recruits how")) == false)
        #expect(Answerer.asksMeans(Tokenizer.tokens("how many apprentices")) == false)
        #expect(Answerer.asksMeans(Tokenizer.tokens("how did the guild react to the letters")) == false)
    }

    @Test func aSentenceIsQuotedOnlyWhenNoOtherSaysSomethingElseAsWell() throws {
        let courier = Source(id: "c", url: "https://example.org/c", title: "C", author: "", publisher: "Courier", published: "2025-01-03")
        let texts = [
            SourceSentences(
                source: gazette,
                sentences: [
                    "The ferry fare for adults rose to five crowns.", "The ferry fare for children stayed at two crowns.",
                    "The lighthouse keeper retired after forty years.", "The harbour closed for the storm.",
                ]),
            SourceSentences(source: courier, sentences: ["The harbour closed for the storm."]),
        ]
        // an answerer with no facts, quoting `texts` (its sources theirs)
        func quoting(_ texts: [SourceSentences], words: WordLists) throws -> Answerer {
            try #require(Answerer(knowledge: KnowledgeBase(facts: [], sources: texts.map(\.source), words: words), quoting: texts))
        }
        let answerer = try quoting(texts, words: WordLists(stopWords: ["the", "for", "to", "at", "after", "why", "did"]))
        // two sentences telling different fares match "ferry fare" as well: quoting either is a guess
        let fare = answerer.answer("ferry fare")
        #expect(!fare.answered, "\(fare.text)")
        #expect(answerer.answer("lighthouse keeper retired").kind == .quoted)
        // unless one holds more of the question's words as typed: "salary" over "pay", both of one synonym group
        var words = WordLists(stopWords: ["the", "in", "is"])
        words.synonyms = [["salary", "pay"]]
        let wages = try quoting(
            [SourceSentences(source: gazette, sentences: ["The monthly salary of a deckhand is nine crowns.", "Monthly pay of a deckhand rises in May."])],
            words: words)
        let salary = wages.answer("deckhand monthly salary")
        #expect(salary.kind == .quoted && salary.text.contains("nine crowns"), "\(salary.text) \(salary.explanation.candidates)")
        // the same sentence in two outlets is no rival
        #expect(answerer.answer("harbour closed storm").kind == .quoted)
    }

    @Test func ofTiedSentencesTheOneHoldingMostWordsAsTypedIsQuoted() {
        func sentence(_ number: Int, _ text: String) -> (fact: Fact, confidence: Double) {
            (Fact(id: "g#s\(number)", answer: text, questions: [text], types: [.description], sourceID: "g"), 0.8)
        }
        let pay = sentence(1, "Monthly pay of a deckhand rises in May.")
        let salary = sentence(2, "The monthly salary of a deckhand is nine crowns.")
        let asked: Set<String> = ["monthly", "salary", "deckhand"]
        // ranked second, it holds one word more as typed, and two at least
        #expect(Answerer.quotable([pay, salary], asked: asked)?.fact.id == "g#s2")
        #expect(Answerer.quotable([salary, pay], asked: asked)?.fact.id == "g#s2")
        // a tie is a guess
        #expect(Answerer.quotable([pay, sentence(3, "Monthly pay of a deckhand is paid in May.")], asked: ["monthly", "deckhand"]) == nil)
        // one word as typed is not enough to pass over the best; two are, and the best keeps its place with one
        let porter = sentence(3, "The salary of a porter is nine crowns.")
        #expect(Answerer.quotable([pay, porter], asked: ["salary"]) == nil)
        #expect(Answerer.quotable([pay, porter], asked: ["salary", "porter"])?.fact.id == "g#s3")
        #expect(Answerer.quotable([porter, pay], asked: ["salary"])?.fact.id == "g#s3")
    }

    @Test func tiedQuotesAreToldApartByWordsAsCorrectedAndNamesByTheirFirstMention() throws {
        var words = WordLists(stopWords: ["the", "in", "is", "of", "a", "who", "them", "and"])
        words.synonyms = [["salary", "pay"]]
        words.names = ["ola lind"]  // listed, so known as a name typed in lower case
        func quoting(_ sentences: [String]) throws -> Answerer {
            try #require(
                Answerer(
                    knowledge: KnowledgeBase(facts: [], sources: [gazette], words: words),
                    quoting: [SourceSentences(source: gazette, sentences: sentences)]))
        }
        let wages = try quoting(["Monthly pay of a deckhand rises in May.", "The monthly salary of a deckhand is nine crowns."])
        let salary = wages.answer("deckhand montly salery")
        #expect(salary.kind == .quoted && salary.text.contains("nine crowns"), "\(salary.text)")
        // a name alone: the sentence that first names her says who she is
        let painter = try quoting([
            "The painter Ola Lind opened a gallery in the harbour.", "Critics praised the gallery, and Ola Lind thanked them.",
        ])
        for question in ["who is Ola Lind?", "ola lind"] {
            let answer = painter.answer(question)
            #expect(answer.kind == .quoted && answer.text.contains("painter"), "\(question) → \(answer.text)")
        }
        // not so for a question about something else: the tie stays a guess
        #expect(!painter.answer("ola lind gallery").answered)
    }

    @Test func aQuotedSentenceIsFoundByThePersonItSpeaksOfAsHeOrShe() throws {
        let text = SourceSentences(
            source: gazette,
            sentences: [
                "Mayor Anna Berg spoke to the council on Monday.", "A week later, she said the bridge toll would be three crowns.",
                "The ferry toll stays at two crowns.",
            ])
        let words = WordLists(stopWords: ["the", "a", "on", "at", "would", "be", "what", "is", "will", "did", "say", "said", "she"])
        // a low threshold: in a base this small a name the sentence only refers to weighs a lot
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.4
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: [], sources: [gazette], words: words), settings: settings, quoting: [text]))
        let toll = answerer.answer("Anna Berg bridge toll?")
        #expect(toll.kind == .quoted && toll.text.contains("three crowns"), "\(toll.text)")
        // and the quote says who, in brackets, or before it when the sentence says "I"
        #expect(toll.text.hasPrefix("“A week later, [Anna Berg] said"), "\(toll.text)")
        let own = Fact(id: "g#s9", answer: "I will not raise it again.", questions: [], types: [.description], sourceID: "g")
        #expect(
            Answerer.quotedText(own, attribution: SentenceReading.attribution(own.answer, to: ["Anna Berg"])) == "Anna Berg: “I will not raise it again.”")
        #expect(Answerer.quotedText(own, attribution: nil) == "“I will not raise it again.”")
        // a sentence that speaks of no one takes in no one
        let index = try #require(answerer.quotes?.answerer.index)
        #expect(index.facts.map(\.context) == [[], ["Anna Berg"], []])
    }

    /// A second outlet, the Herald, beside the gazette, for the tests of articles quoted
    /// beside a curated answer; the word lists and the gazette's toll fact they share.
    static let herald = Source(id: "h", url: "https://example.org/h", title: "H", author: "", publisher: "Herald", published: "2025-01-03")
    static let tollWords: WordLists = {
        var words = WordLists(stopWords: ["the", "a", "of", "on", "in", "at", "is", "was", "what", "how", "did", "and", "to"])
        words.classes.currencies = ["crowns"]
        return words
    }()
    static let toll = Fact(
        id: "toll", answer: "The bridge toll is three crowns.", questions: ["What is the bridge toll?"], types: [.amount], sourceID: "g")

    @Test func anArticleNoFactIsDrawnFromYetIsQuotedAfterACuratedAnswer() throws {
        let (herald, words, toll) = (Self.herald, Self.tollWords, Self.toll)
        let ferry = Fact(id: "ferry", answer: "The ferry leaves at noon.", questions: ["When does the ferry leave?"], types: [.date], sourceID: "g")
        func answerer(quoting texts: [SourceSentences]) throws -> Answerer {
            try #require(Answerer(knowledge: KnowledgeBase(facts: [toll, ferry], sources: [gazette, herald], words: words), quoting: texts))
        }
        let heraldText = SourceSentences(
            source: herald, sentences: ["The bridge toll is four crowns, the Herald was told.", "Fishermen mended nets on the quay."])
        let both = try answerer(quoting: [heraldText]).answer("what is the bridge toll?")
        // the curated answer first, then the new article's sentence, quoted and cited
        #expect(both.kind == .fact && both.fact?.id == "toll")
        #expect(both.nearby.map(\.factIDs) == [["h#s1"]])
        #expect(both.reply.contains("Also, Herald: “The bridge toll is four crowns"), "\(both.reply)")
        // nor a heading
        let heading = SourceSentences(source: herald, sentences: ["How the bridge toll was set", "Fishermen mended nets on the quay."])
        #expect(try answerer(quoting: [heading]).answer("what is the bridge toll?").nearby.isEmpty)
        // a question the new article says nothing about gets none of it
        #expect(try answerer(quoting: [heraldText]).answer("when does the ferry leave?").nearby.isEmpty)
        // nor one of an article the curator has drawn facts from (they chose what to take)
        let gazetteText = SourceSentences(source: gazette, sentences: ["The bridge toll is four crowns, the Gazette was told."])
        #expect(try answerer(quoting: [gazetteText]).answer("what is the bridge toll?").nearby.isEmpty)
        // nor one of two sentences that answer as well and say different things: a guess
        let torn = SourceSentences(source: herald, sentences: ["The bridge toll is four crowns.", "The bridge toll is five crowns."])
        #expect(try answerer(quoting: [torn]).answer("what is the bridge toll?").nearby.isEmpty)
    }

    @Test func anArticleWithOnlyDraftFactsIsStillQuotedAndADraftGivesWayToAReviewedFact() throws {
        let (herald, words, toll) = (Self.herald, Self.tollWords, Self.toll)
        var drafted = Fact(
            id: "h-s1", answer: "The bridge toll is four crowns, the Herald was told.", questions: ["What is the bridge toll?"],
            types: [.amount], sourceID: "h")
        drafted.isDraft = true
        let heraldText = SourceSentences(source: herald, sentences: ["The bridge toll is four crowns, the Herald was told."])
        func answer(_ facts: [Fact]) throws -> Answer {
            let knowledge = KnowledgeBase(facts: facts, sources: [gazette, herald], words: words)
            return try #require(Answerer(knowledge: knowledge, quoting: [heraldText])).answer("what is the bridge toll?")
        }
        // a draft matching as well as a reviewed fact gives way to it, and its article is
        // quoted after, as if no fact were drawn from it yet
        let withDraft = try answer([toll, drafted])
        #expect(withDraft.fact?.id == "toll", "\(withDraft.text)")
        #expect(withDraft.reply.contains("Also, Herald: “The bridge toll is four crowns"), "\(withDraft.reply)")
        // reviewed, the Herald's fact is the curator's choice: it competes as an equal, and
        // its article is no longer quoted beside other answers
        drafted.isDraft = false
        let reviewed = try answer([toll, drafted])
        #expect(reviewed.nearby.allSatisfy { !$0.factIDs.contains("h#s1") }, "\(reviewed.reply)")
        // a draft that is the answer is not quoted again after itself
        drafted.isDraft = true
        let alone = try answer([drafted])
        #expect(alone.fact?.id == "h-s1")
        #expect(alone.nearby.isEmpty, "\(alone.reply)")
        // and it is held a little less sure than the same fact reviewed
        drafted.isDraft = false
        let aloneReviewed = try answer([drafted])
        #expect(abs(alone.confidence - aloneReviewed.confidence * Answerer.draftShare) < 0.01, "\(alone.confidence) \(aloneReviewed.confidence)")
    }

    @Test func aQuotedSentenceLackingTheAskedDetailIsQuotedInTheDecline() throws {
        let text = SourceSentences(source: gazette, sentences: ["The striking sailors boarded ships in the northern harbour."])
        let words = WordLists(stopWords: ["the", "in", "which", "did"])
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: [], sources: [gazette], words: words), quoting: [text]))
        let ship = answerer.answer("which ship did the striking sailors board in the northern harbour?")
        #expect(!ship.answered)
        #expect(ship.text.hasPrefix("Sorry, Gazette does not say which ship. It says: “The striking sailors boarded"), "\(ship.text)")
        #expect(ship.source?.id == "g")
    }

    @Test func anOutletTheQuestionNamesCostsItsOwnFactsNothing() throws {
        let herald = Source(id: "h", url: "https://example.org/h", title: "H", author: "", publisher: "Herald", published: "2025-01-01")
        let words = WordLists(stopWords: ["the", "a", "is", "what", "to", "according", "per"])
        let facts = [
            Fact(id: "g-toll", answer: "The bridge toll is three crowns.", questions: [], types: [.amount], sourceID: "g"),
            Fact(id: "h-toll", answer: "The bridge toll is four crowns.", questions: [], types: [.amount], sourceID: "h"),
            Fact(id: "h-ferry", answer: "The Herald reported the ferry was late.", questions: [], types: [.description], sourceID: "h"),
        ]
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: facts, sources: [gazette, herald], words: words)))
        // "Herald" only says whose account is asked: the Herald's own fact answers, as sure as without it
        let asked = answerer.answer("according to the Herald, what is the bridge toll?")
        #expect(asked.fact?.id == "h-toll", "\(asked.text)")
        #expect(asked.confidence >= answerer.answer("what is the bridge toll?").confidence - 0.01)
    }

    @Test func aWordOfMotiveInAWhyQuestionOnlyAsksForAReason() throws {
        let words = WordLists(stopWords: ["the", "a", "to", "are", "is", "by", "its", "why", "what", "do", "of"])
        let facts = [
            Fact(
                id: "crews", answer: "Sailors join the Northland crews because the pay is high.",
                questions: ["Why do sailors join the Northland crews?"], types: [.reason], sourceID: "g"),
            Fact(
                id: "lights", answer: "Tourists are drawn to the harbour by its lights.", questions: ["What draws tourists to the harbour?"],
                types: [.description], sourceID: "g"),
            Fact(id: "weekly", answer: "The Northland crews pay sailors weekly.", questions: [], types: [.description], sourceID: "g"),
            Fact(id: "strike", answer: "Sailors of the Northland crews joined a strike.", questions: [], types: [.description], sourceID: "g"),
        ]
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: facts, sources: [gazette], words: words)))
        // "drawn" is the question's rarest word, and only the tourists' fact has it
        let crews = answerer.answer("why are sailors drawn to joining the northland crews?")
        #expect(crews.fact?.id == "crews", "\(crews.text)")
        // outside a why question it counts in full
        #expect(answerer.answer("what draws tourists to the harbour?").fact?.id == "lights")
    }

    @Test func thresholdComesFromSettings() {
        var settings = Answerer.Settings()
        settings.minimumConfidence = 1.0
        let strict = Answerer(knowledge: answerer.knowledge, settings: settings)!
        #expect(!strict.answer("club recruits members").answered)
    }

    @Test func citationDate() {
        #expect(Source.readableDate("2025-04-11") == "11 April 2025")
        #expect(Source.readableDate("soon") == "soon")
    }
}

@Suite("Gap facts")
struct GapTests {
    @Test func aGapDeclinesWithItsReason() throws {
        let answer = ShippedKnowledge.answerer.answer("whats the influencers name")
        #expect(!answer.answered)
        #expect(answer.kind == .declined)
        #expect(answer.fact?.types == [.gap])
        #expect(answer.source == nil)
        #expect(answer.text.hasPrefix("Sorry, I don't know: the dev.ua article itself names none"))
    }
}
