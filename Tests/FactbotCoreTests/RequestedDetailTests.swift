import Testing

@testable import FactbotCore

/// A question asking for a kind of detail gets a fact that states it, or a decline that
/// says what the source does say. On a fact base written for these tests.
@Suite("Requested details")
struct RequestedDetailTests {
    static let source = Source(
        id: "gazette", url: "https://gazette.example/ferry", title: "Ferry strike ends",
        author: "Dana Reed", publisher: "Harbour Gazette", published: "2026-03-02 08:15")
    static let words: WordLists = {
        var words = WordLists(
            synonyms: [
                ["pay", "wage", "salary", "paid"], ["capture", "captured", "caught", "detained"],
                ["say", "said", "announce", "announced"],
            ],
            stopWords: [
                "what", "which", "who", "how", "many", "much", "when", "where", "is", "are", "was", "were", "the",
                "a", "of", "in", "on", "did", "do", "does", "their", "they", "them", "s", "it", "its", "to", "by",
                "about", "at", "tell", "me",
            ],
            names: [])
        let (names, kinds, sides) = try! WordListParser.names(
            """
            [sides]
            northland, northlander, northlanders
            southland, southlander, southlanders
            [people]
            mira holt
            [organisations]
            ferrynet
            harbourpass
            """)
        words.names = names
        words.nameKinds = kinds
        words.sides = sides
        return words
    }()
    static let facts = [
        Fact(
            id: "detained", answer: "Two Northlander sailors were detained at the Southland port; Mayor Mira Holt announced it on Monday.",
            questions: [
                "How many sailors were detained?", "Where were the sailors detained?", "Who announced the detention?",
                "When was the detention announced?",
            ],
            types: [.number, .place, .person, .date], sourceID: "gazette"),
        Fact(
            id: "crew-pay", answer: "Northland's ferry operator pays its crews 900 crowns a month.",
            questions: ["How much are the crews paid?", "What is the crew wage?"], types: [.amount], sourceID: "gazette"),
        Fact(
            id: "blogger", answer: "A ferry blogger with 40,000 followers filmed the walkout.",
            questions: ["Who filmed the walkout?", "How many followers does the blogger have?"], types: [.person, .number], sourceID: "gazette"),
        Fact(
            id: "app", answer: "Ferry tickets are sold through the FerryNet app.", questions: ["Which app sells ferry tickets?"],
            types: [.organization], sourceID: "gazette"),
    ]
    /// Its threshold is low: in a fact base this small every unknown word weighs a lot, and
    /// these tests are about what is stated, not about how sure the answerer is.
    static let answerer = answerer(for: facts)

    /// An answerer of `facts` from the gazette, with these tests' word lists and low threshold.
    static func answerer(for facts: [Fact]) -> Answerer {
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        return Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: words), settings: settings)!
    }

    /// An answerer with no facts, quoting `sentences` of the gazette, with these tests' word lists and low threshold.
    static func quoting(_ sentences: [String]) throws -> Answerer {
        let text = SourceSentences(source: source, sentences: sentences)
        return try #require(Answerer(knowledge: KnowledgeBase(facts: [], sources: [source], words: words), settings: answerer.settings, quoting: [text]))
    }

    /// What `answerer` reads a question to ask for.
    static func request(_ question: String, of answerer: Answerer = answerer) -> Request {
        let words = answerer.lexicon.words(question)
        return answerer.request(words, type: QuestionType.of(words), terms: answerer.lexicon.terms(words))
    }

    func declined(_ question: String, saying unstated: String) {
        declinedBy(Self.answerer, question, saying: unstated)
    }

    func declinedBy(_ answerer: Answerer, _ question: String, saying unstated: String) {
        let answer = answerer.answer(question)
        #expect(!answer.answered, "\(question) → \(answer.text)")
        #expect(answer.text.contains("Harbour Gazette does not say \(unstated)"), "\(question) → \(answer.text)")
        #expect(answer.explanation.unstated == unstated)
    }

    @Test func aCountryNamedSaysWhichNation() throws {
        var words = Self.words
        let (names, kinds, sides) = try WordListParser.names("[countries]\nvalmora\nostrand\n[sides]\nnorthland\nsouthland\n")
        (words.names, words.nameKinds, words.sides) = (names, kinds, sides)
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        let facts = [
            Fact(
                id: "crews", answer: "The harbour master said crews from Valmora had not been enough, so he hired sailors from another port.",
                questions: ["Where did the harbour master hire crews from?"], types: [.description], sourceID: "gazette")
        ]
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: facts, sources: [Self.source], words: words), settings: settings))
        // "which nation": Valmora, a country, says which
        #expect(answerer.answer("crews from which nation?").fact?.id == "crews")
        // a kind of thing that is no country still needs the fact to say which
        let ship = answerer.answer("crews from which harbour?")  // (a short question: this base lists few stop words)
        #expect(
            !ship.answered && ship.text.contains("does not say which harbour"),
            "\(ship.text) \(ship.explanation.questionType) \(ship.explanation.terms.map(\.key))")
        // nor does a fact that names no country answer "which nation"; a side's name does
        func answering(_ facts: [Fact]) throws -> Answerer {
            try #require(Answerer(knowledge: KnowledgeBase(facts: facts, sources: [Self.source], words: words), settings: settings))
        }
        let none = try answering([
            Fact(
                id: "hired", answer: "The harbour master hired sailors from another port.", questions: ["Who hired sailors?"],
                types: [.person], sourceID: "gazette")
        ])
        #expect(!none.answer("From which nation did the harbour master hire sailors?").answered)
        let side = try answering([
            Fact(id: "for", answer: "The hired sailors sail for Northland.", questions: ["Who do the sailors sail for?"], types: [.place], sourceID: "gazette")
        ])
        #expect(side.answer("which nation do the hired sailors sail for?").fact?.id == "for")
    }

    @Test func aWordTheFactDoesNotUseIsNotStated() {
        declined("Which prison were the two Northlander sailors detained in?", saying: "which prison")
        let answer = Self.answerer.answer("which prison were the two Northlander sailors detained in")
        #expect(answer.text.contains("It says: Two Northlander sailors were detained"))
        #expect(answer.reply.contains("(Harbour Gazette, 2 March 2026: https://gazette.example/ferry)"))
        #expect(Self.answerer.answer("Which app sells the tickets?").fact?.id == "app")
    }

    @Test func aJobNamedOnlyAsHisJobDoesNotSayWhichJob() {
        let lost = Fact(
            id: "lost", answer: "Mira Holt lost her job when the ferry strike began.", questions: ["Why did Mira Holt lose her job?"],
            types: [.reason], sourceID: "gazette")
        declinedBy(Self.answerer(for: [lost]), "What job did Mira Holt have before the ferry strike?", saying: "what job")
        #expect(!Self.answerer.statesRole("job", in: "Mira Holt lost her job on Monday."))
        #expect(!Self.answerer.statesRole("job", in: "Mira Holt lost her job because of the storm."))  // "of" after "because"
        #expect(Self.answerer.statesRole("job", in: "Mira Holt found a job as a pilot."))
        #expect(Self.answerer.statesRole("role", in: "Mira Holt played the role of mediator."))
        #expect(Self.answerer.statesRole("job", in: "Her job was to count the crews."))
        #expect(Self.answerer.statesRole("work", in: "She was offered work on the ferries."))
        // said in words of its own, or with the job's kind, it is stated
        for answer in ["Mira Holt worked as a ferry pilot before the strike.", "Mira Holt had a pilot job before the strike."] {
            let held = Fact(id: "held", answer: answer, questions: ["What job did Mira Holt have?"], types: [.description], sourceID: "gazette")
            let reply = Self.answerer(for: [held]).answer("What job did Mira Holt have before the strike?")
            #expect(reply.fact?.id == "held", "\(answer) → \(reply.text)")
        }
    }

    @Test func whoWithinABodyWantsSomeoneThereByName() {
        let denied = Fact(
            id: "denied", answer: "The Southland ministry denied that Northlander sailors were detained.",
            questions: ["Did the ministry deny the detention?"], types: [.organization], sourceID: "gazette")
        declinedBy(Self.answerer(for: [denied]), "who at the ministry denied the detention?", saying: "who at the ministry")
        let named = Fact(
            id: "named", answer: "Mira Holt of the Southland ministry denied that Northlander sailors were detained.",
            questions: ["Did the ministry deny the detention?"], types: [.person], sourceID: "gazette")
        #expect(Self.answerer(for: [named]).answer("who at the ministry denied the detention?").fact?.id == "named")
        // "who in Lowmere": a town is no body one works in; "who denied it": anyone will do
        #expect(Self.request("who in lowmere filmed the walkout?").detail != .personName)
        #expect(Self.request("who in northland recruited the crews?").detail != .personName)
    }

    @Test func namesMustBeGivenAndAboutWhatWasAsked() {
        // the clause that names someone is about another thing
        declined("What are the names of the two Northlander sailors detained at the port?", saying: "their names")
        declined("What is the name of the ferry blogger who filmed the walkout?", saying: "the name of the blogger")
        #expect(Self.answerer.answer("Who announced the detention?").fact?.id == "detained")
    }

    @Test func aDateMustBeTheDateOfWhatWasAsked() {
        declined("On what date were the sailors detained?", saying: "the date")
        #expect(Self.answerer.answer("When was the detention announced?").fact?.id == "detained")
    }

    @Test func aCountMustCountWhoWasAskedAbout() {
        declined("How many Southlanders were detained?", saying: "how many southlanders")
        #expect(Self.answerer.answer("how many northlanders were detained?").fact?.id == "detained")
    }

    @Test func aQuestionAboutOneSideIsNotAnsweredWithTheOther() {
        declined("How much does Southland's ferry operator pay its crews a month?", saying: "that about Southland")
        #expect(Self.answerer.answer("How much does Northland's ferry operator pay its crews a month?").fact?.id == "crew-pay")
        // a side named only as a place is no side: "trained in Northland" answers about Southland's recruits
        let trained = Self.answerer(for: [
            Fact(
                id: "trained", answer: "The recruits train for two months at a camp and then sail to Northland.",
                questions: ["How long do the recruits train?"], types: [.date], sourceID: "gazette")
        ])
        #expect(trained.answer("How long do Southland's recruits train?").fact?.id == "trained")
        let lexicon = Self.answerer.lexicon
        let (north, south) = (lexicon.sideOfKey[lexicon.terms(of: "northland")[0].key]!, lexicon.sideOfKey[lexicon.terms(of: "southland")[0].key]!)
        func named(_ answer: String) -> Set<Int> { Answerer.sidesNotOnlyPlaces(in: answer, lexicon: lexicon, among: [north, south]) }
        #expect(named("They sail to Northland.").isEmpty)
        #expect(named("the Council for the Defence of Northland").isEmpty)
        #expect(named("They serve in Northland's navy.") == [north])
        #expect(named("They were sent to Northland units.") == [north])
        #expect(named("They fought on the side of Northland.") == [north])
        #expect(named("Northland pays them; they sail from Southland.") == [north])
        #expect(named("They were held in Northlander camps.") == [north])  // a people's word, not a place
        #expect(named("According to Northland, they sailed.") == [north])
        // the side asked about counts wherever it is named: "the war in Northland" is about Northland
        let war = Self.answerer(for: [
            Fact(
                id: "war", answer: "The harbour council never condemned Southland's war in Northland.",
                questions: ["Has the harbour council condemned the war?"], types: [.description], sourceID: "gazette")
        ])
        #expect(war.answer("Has the harbour council condemned the war in Northland?").fact?.id == "war")
    }

    @Test func whatSomeoneSaidMustBeTheirs() {
        #expect(Self.answerer.answer("What did Mira Holt announce?").fact?.id == "detained")
        let request = Self.answerer.request(Self.answerer.lexicon.words("what did the Northlanders say"), type: .any, terms: [])
        #expect(request.speaker.isEmpty == false)
        // a decline repeats the speaker as the asker wrote them
        #expect(Self.request("What did Mira Holt say about the ferry?").asked == "what Mira Holt said")
        #expect(Self.request("what did mira holt say about the ferry").asked == "what mira holt said")
        #expect(Answerer.shown(Self.answerer.lexicon.words("what did the US say")) == "what did the US say")
    }

    @Test func requestsAreReadFromTheQuestion() {
        func request(_ text: String) -> Request { Self.request(text) }
        #expect(request("which prison holds them").detail == .word(key: "prison", surface: "prison", linked: nil))
        #expect(request("which reporter wrote it").detail == .person)
        #expect(request("who is the official who said that").detail == .personName)
        #expect(request("what outlet ran the story").detail == nil)  // every answer's citation names its outlet
        #expect(request("what slogan do they use").detail == .quote)
        #expect(request("when did it happen").detail == .date)
        #expect(request("what did they say").detail == nil)  // "what" is the object
        #expect(request("what kind of ferry").detail == .word(key: "ferry", surface: "ferry", linked: nil))
        #expect(request("how many Southlanders were there").counted == ["southland"] || !request("how many Southlanders were there").counted.isEmpty)
        // a figure asked for by name, but not one named, a quantity in words or a quoted claim
        #expect(request("sailor numbers?").needsFigure)
        #expect(request("detained sailors count latest").needsFigure)
        #expect(!request("who reported the 40,000 figure").needsFigure)
        #expect(!request("were numbers of sailors detained").needsFigure)
        #expect(!request("what did they say about claims that large numbers were detained").needsFigure)
        #expect(request("what is the minimum wage").bound == .lower && request("max wage?").bound == .upper)
    }

    @Test func somethingSetAsideMustBeAnsweredWithSomethingElse() {
        // the only app the fact names is the one set aside
        let answer = Self.answerer.answer("Besides FerryNet, which other app sells ferry tickets?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(answer.text.contains("Harbour Gazette does not say"), "\(answer.text)")
        let words = Self.answerer.lexicon.words("apart from FerryNet, which apps sell tickets")
        #expect(Answerer.excludedWords(words) == ["ferrynet"])
        #expect(Answerer.excludedWords(Self.answerer.lexicon.words("which apps other than the FerryNet app")) == ["the", "ferrynet", "app"])
        let request = Self.request("apart from FerryNet, which apps sell tickets")
        #expect(request.excluded.map(\.kind) == [.organisations])
        #expect(!Self.answerer.namesAnother(request.excluded, in: "Tickets are sold through the FerryNet app."))
        #expect(Self.answerer.namesAnother(request.excluded, in: "Tickets are sold through FerryNet and the HarbourPass app."))
    }

    @Test func whoNamedThemAsksForWhoDid() {
        let request = Self.request("who first named the sailors")
        #expect(request.namer && request.detail == .person)
        #expect(!Self.request("what are the sailors names").namer)
        #expect(Answerer.statesNamer("Mayor Mira Holt later named the two sailors."))
        #expect(Answerer.statesNamer("Holt identified them on Monday."))
        #expect(!Answerer.statesNamer("The two sailors were Ivo Lind and Per Sand."))
        #expect(!Answerer.statesNamer("The sailors, named by the port, were Ivo Lind and Per Sand."))
        // in a later sentence, after a quotation mark, in the passive; never a pronoun
        #expect(Answerer.statesNamer("The sailors were held. Holt later named them."))
        #expect(Answerer.statesNamer("\u{201C}Holt named them,\u{201D} the paper said."))
        #expect(Answerer.statesNamer("The sailors were identified by Mira Holt."))
        #expect(!Answerer.statesNamer("They named them on Monday."))
        #expect(!Answerer.statesNamer("The sailors were held. They later named them."))
        let answerer = Self.answerer(for: [
            Fact(
                id: "names", answer: "The two detained sailors were Ivo Lind and Per Sand.", questions: ["What are the sailors' names?"],
                types: [.person], sourceID: "gazette")
        ])
        #expect(answerer.answer("who named the detained sailors").kind == .declined)
        #expect(answerer.answer("what are the detained sailors' names").kind == .fact)
    }

    @Test func whichOneIsNotAnsweredByThemInGeneral() {
        let answerer = Self.answerer
        #expect(!answerer.namesAnInstance(of: "port", in: "Northland ships call at several ports."))
        #expect(answerer.namesAnInstance(of: "port", in: "Northland ships call at ports such as Harwick."))
        #expect(answerer.namesAnInstance(of: "port", in: "Northland ships call at the ports of Harwick and Lund."))
        #expect(answerer.namesAnInstance(of: "port", in: "Northland ships call at the Harwick and Lund ports."))
        #expect(answerer.namesAnInstance(of: "port", in: "Northland ships call at a deep-water port."), "a singular mention may be the one")
        #expect(answerer.namesAnInstance(of: "port", in: "The port of Harwick is the busiest."))
        // a determiner alone before it does not say which
        #expect(!answerer.namesAnInstance(of: "port", in: "Northland ships call at one port."))
        #expect(!answerer.namesAnInstance(of: "port", in: "His ship was seized in the port and its crew held."))
        #expect(answerer.namesAnInstance(of: "port", in: "Northland ships call at harbours."), "not mentioned: not for this check")
    }

    @Test func oneCountrysInstitutionDoesNotSpeakForAnothers() throws {
        // countries, not sides of the story: the sides check does not tell them apart
        var words = Self.words
        let (names, kinds, sides) = try WordListParser.names("[sides]\nnorthland\nsouthland\n[countries]\nwestland\neastland")
        (words.names, words.nameKinds, words.sides) = (names, kinds, sides)
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        let fact = Fact(
            id: "west-office", answer: "Westland's Harbour Office said the sailors would be freed soon.",
            questions: ["What did the Harbour Office say?"], types: [.quote], sourceID: "gazette")
        let answerer = try #require(Answerer(knowledge: KnowledgeBase(facts: [fact], sources: [Self.source], words: words), settings: settings))
        // the institution's spokesman speaks for it: not for another country's institution
        let spokesman = Fact(
            id: "west-spokesman", answer: "The Westland Harbour Office spokesman said the port would reopen.",
            questions: ["What did the spokesman say?"], types: [.quote], sourceID: "gazette")
        let both = try #require(Answerer(knowledge: KnowledgeBase(facts: [spokesman], sources: [Self.source], words: words), settings: settings))
        #expect(!both.answer("what did Eastland's harbour office say").answered)
        #expect(both.answer("what did Westland's harbour office say").fact?.id == "west-spokesman")
        #expect(answerer.institutionsOwned(answerer.lexicon.words("the eastland harbour office")).map(\.owner) == ["eastland"])
        #expect(answerer.institutionsOwned(answerer.lexicon.words("the harbour office of eastland")).map(\.owner) == ["eastland"])
        #expect(answerer.institutionsOwned(answerer.lexicon.words("the harbour office")).isEmpty)  // whose is not said
        // who speaks for one is theirs too ("the Kremlin spokesman", "Westland's foreign minister")
        #expect(answerer.institutionsOwned(answerer.lexicon.words("the eastland spokesman said")).map(\.words) == [["spokesman"]])
        #expect(
            answerer.institutionsOwned(answerer.lexicon.words("westland harbour office spokesman")).map(\.words) == [["office", "spokesman"]])
        declinedBy(answerer, "what did Eastland's harbour office say", saying: "what the Eastland harbour office said")
        #expect(answerer.answer("what did Westland's harbour office say").fact?.id == "west-office")
        #expect(answerer.answer("what did the harbour office say").fact?.id == "west-office")
    }

    @Test func aNameTheQuestionGivesToSayWhichOneIsNotTheNameAsked() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "agent", answer: "Mira Holt first talked with a Northland agent about a ferry job, but was sent to the port.",
                questions: ["What job did Mira Holt talk about?"], types: [.description], sourceID: "gazette")
        ])
        // "who promised Mira Holt a job" only says which agent: her name is not the agent's
        declinedBy(answerer, "what is the name of the agent who promised mira holt a ferry job", saying: "the name of the agent")
    }

    @Test func aRequirementIsAnsweredByWhatIsNeededOrAllowed() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "english", answer: "The deckhands on the ferries speak English with the passengers.",
                questions: ["What do the deckhands speak?"], types: [.description], sourceID: "gazette"),
            Fact(
                id: "anyone", answer: "Anyone under 60 may join a ferry crew, whether or not they have sailed before.",
                questions: ["Who may join a ferry crew?"], types: [.description], sourceID: "gazette"),
        ])
        func position(_ id: String) -> Int32 { Int32(answerer.index.facts.firstIndex { $0.id == id }!) }
        let speak = Self.request("do you need to speak English to join a ferry crew?", of: answerer)
        #expect(answerer.missing(speak, in: position("english")) == "whether you need to speak English to join a ferry crew")
        let sailed = Self.request("do you have to have sailed before to join a ferry crew?", of: answerer)
        #expect(sailed.requirement != nil)
        #expect(answerer.missing(sailed, in: position("anyone")) == nil)
        #expect(Self.request("do the deckhands speak English?", of: answerer).requirement == nil)
        // asked with a question word too
        let what = Self.request("what do you need to speak to join a ferry crew?", of: answerer)
        #expect(answerer.missing(what, in: position("english")) == "what is required")
        #expect(answerer.missing(Self.request("what do you need to join a ferry crew?", of: answerer), in: position("anyone")) == nil)
        // (what one person had to do is no requirement of anyone: "what did the deckhand have to pay")
        #expect(Self.request("what did the deckhand have to pay to join a ferry crew?", of: answerer).requirement == nil)
        // (what one needs to know is no requirement)
        #expect(Self.request("what do I need to know about the deckhands?", of: answerer).requirement == nil)
        #expect(answerer.answer("do the deckhands speak English?").fact?.id == "english")
    }

    @Test func aListedPersonNoSentenceNamesIsNotWhomAQuoteIsAbout() throws {
        // Mira Holt is a listed person; no sentence names her
        let quoting = try Self.quoting(["One of the deckhands said that he paid 300 crowns to join the ferry crew."])
        let answer = quoting.answer("did mira holt pay 300 crowns to join the ferry crew")
        #expect(!answer.answered, "\(answer.text)")
        #expect(quoting.answer("did the deckhand pay 300 crowns to join the ferry crew").answered)
    }

    @Test func aWhenQuestionWantsTheDateOfItsEventNotOfSomeoneItDescribes() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "born", answer: "Tom Hale, the other rescued sailor, was born in 1998, the mayor said.",
                questions: ["When was Tom Hale born?"], types: [.date, .person], sourceID: "gazette"),
            Fact(
                id: "rescued", answer: "The coastguard rescued Tom Hale on 3 May.", questions: ["Who rescued Tom Hale?"],
                types: [.date, .person], sourceID: "gazette"),
            Fact(
                id: "ages", answer: "Tom Hale is 26 years old; he was treated on 4 May.", questions: ["How old are the rescued sailors?"],
                types: [.number, .date],
                sourceID: "gazette"),
        ])
        func position(_ id: String) -> Int32 { Int32(answerer.index.facts.firstIndex { $0.id == id }!) }
        let rescued = Self.request("when was tom hale rescued", of: answerer)
        #expect(answerer.missing(rescued, in: position("born")) == "when")
        #expect(answerer.missing(rescued, in: position("rescued")) == nil)
        // (an example that only describes the sailors by it does not ask about the rescue)
        #expect(answerer.missing(rescued, in: position("ages")) == "when")
        // an age is no date
        let ageOnly = Self.answerer(for: [
            Fact(id: "age", answer: "Tom Hale is 26 years old.", questions: ["How old is Tom Hale?"], types: [.number], sourceID: "gazette")
        ])
        #expect(ageOnly.missing(Self.request("when was tom hale born", of: ageOnly), in: 0) == "when")
        #expect(answerer.missing(Self.request("when was tom hale born", of: answerer), in: position("born")) == nil)
    }

    @Test func aTitleOfRankSaysWhichRank() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "marsh", answer: "The statement was read by Lieutenant Commander Ivo Marsh of the harbour guard.",
                questions: ["Who read the statement?"], types: [.person], sourceID: "gazette"),
            Fact(
                id: "lind", answer: "Per Lind was sent to the harbour guard in March.", questions: ["Where was Per Lind sent?"],
                types: [.place], sourceID: "gazette"),
            // (a fact that uses the word, so that it is no word the fact base never heard of)
            Fact(
                id: "strike", answer: "Sailors of every rank joined the strike.", questions: ["Who joined the strike?"],
                types: [.description], sourceID: "gazette"),
        ])
        #expect(answerer.answer("what rank is Ivo Marsh").fact?.id == "marsh")
        #expect(!answerer.answer("what rank is Per Lind").answered)
    }

    @Test func aFigureTheQuestionGivesIsNotTheOneItAsks() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "stopped", answer: "Harbour guards stopped six sailors near the port.", questions: ["Who stopped the sailors?"],
                types: [.number], sourceID: "gazette")
        ])
        declinedBy(answerer, "how many of the six sailors were hurt?", saying: "how many")
        #expect(answerer.answer("how many sailors did the harbour guards stop?").fact?.id == "stopped")
        // the same number counting something else is a figure given
        let talk = Self.answerer(for: [
            Fact(
                id: "talk", answer: "Two sailors spoke to reporters for two hours.", questions: ["Did the sailors speak to reporters?"],
                types: [.description], sourceID: "gazette")
        ])
        #expect(talk.answer("how long did the two sailors speak to reporters?").fact?.id == "talk")
        // nor is a figure in words
        let week = Self.answerer(for: [
            Fact(
                id: "week", answer: "The sailors stayed a week in Harwick.", questions: ["Where did the sailors stay?"],
                types: [.place], sourceID: "gazette")
        ])
        #expect(week.answer("how long did the 2 sailors stay in Harwick?").fact?.id == "week")
    }

    @Test func whatASidePaysIsNotWhatSomeonePaidIt() {
        let fee = Fact(
            id: "fee", answer: "A deckhand said he paid 500 crowns to a Northland agent to get a place on a ferry.",
            questions: ["How much did the deckhand pay?"], types: [.amount], sourceID: "gazette")
        let answerer = Self.answerer(for: [fee])
        #expect(Self.request("how much does Northland pay deckhands", of: answerer).paidTo)
        #expect(Self.request("what does the Northland army give them", of: answerer).paidTo)
        #expect(Self.request("did Northland pay the deckhands", of: answerer).paidTo)  // (an object after "the")
        #expect(!Self.request("did Northland pay to join", of: answerer).paidTo)
        #expect(!Self.request("how much did the deckhand pay the agent", of: answerer).paidTo)  // he paid
        #expect(!Self.request("how much did the deckhand pay", of: answerer).paidTo)
        #expect(!answerer.answer("how much does Northland pay deckhands").answered)
        #expect(answerer.answer("how much did the deckhand pay?").fact?.id == "fee")
    }

    @Test func beingInASidesArmyIsFightingForIt() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "north-army", answer: "A Southland report says at least 40 sailors serve in Northland's army.",
                questions: ["How many sailors serve?"], types: [.number], sourceID: "gazette")
        ])
        let lexicon = answerer.lexicon
        let southland = lexicon.sideOfKey[lexicon.terms(of: "southland")[0].key]!
        #expect(Self.request("how many sailors are in the Southland army", of: answerer).fightsFor?.side == southland)
        #expect(Self.request("how many sailors joined Southland's forces", of: answerer).fightsFor?.side == southland)
        #expect(Self.request("how many Southland soldiers captured sailors", of: answerer).fightsFor == nil)  // their own troops
        declinedBy(answerer, "how many sailors are in the Southland army", saying: "how many fight for Southland")
        #expect(answerer.answer("how many sailors are in the Northland army").fact?.id == "north-army")
    }

    @Test func fightingForASideIsNotFightingAgainstIt() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "against", answer: "Southland troops fought two Northlander sailors at the port.",
                questions: ["Did Southland troops fight Northlander sailors?"], types: [.number], sourceID: "gazette")
        ])
        declinedBy(answerer, "Are Northlander sailors fighting for Southland?", saying: "that anyone fights for Southland")
        let serving = Self.answerer(for: [
            Fact(
                id: "for", answer: "Two Northlander sailors serve in Southland's navy.",
                questions: ["Do Northlander sailors serve Southland?"], types: [.number], sourceID: "gazette")
        ])
        #expect(serving.answer("Are Northlander sailors fighting for Southland?").fact?.id == "for")
        let lexicon = Self.answerer.lexicon
        let southland = lexicon.sideOfKey[lexicon.terms(of: "southland")[0].key]!
        for placed in [
            "They fight for Southland.", "They serve alongside Southlanders.", "They joined the Southland navy.",
            "They fight on Southland's side.", "They fight on the side of Southland.", "They could fight for either Northland or Southland.",
        ] {
            #expect(Answerer.sidesTaken(in: placed, lexicon: lexicon).placed.contains(southland), "\(placed)")
        }
        #expect(Answerer.sidesTaken(in: "Southland troops fought them.", lexicon: lexicon) == ([], [southland]))
        #expect(Answerer.sidesTaken(in: "They are fighting against Southlanders.", lexicon: lexicon) == ([], [southland]))
        let northland = lexicon.sideOfKey[lexicon.terms(of: "northland")[0].key]!
        #expect(Answerer.sidesTaken(in: "They fight for Northland against Southland.", lexicon: lexicon) == ([northland], [southland]))
        for neither in [
            "They fought Southlanders near the port.", "Northland or Southland, they said.", "They were captured in Southland's north.",
            "the war in Southland", "They are cooperating with Southland's police.",
        ] {
            #expect(Answerer.sidesTaken(in: neither, lexicon: lexicon) == ([], []), "\(neither)")
        }
        // a fact that takes no side at all may still answer ("Southland lets volunteers join its navy")
        let open = Self.answerer(for: [
            Fact(
                id: "open", answer: "Southland lets foreign volunteers join its navy.", questions: ["Does Southland take volunteers?"],
                types: [.description], sourceID: "gazette")
        ])
        #expect(open.answer("can foreigners volunteer for southland?").fact?.id == "open")
    }

    @Test func onlyAnExampleAskingForTheWordClaimsIt() {
        let fact = { (id: String, example: String) in
            Fact(id: id, answer: "Northland ships call at several ports.", questions: [example], types: [.place], sourceID: "gazette")
        }
        let mentions = Self.answerer(for: [fact("mentions", "Who owns the ports Northland ships call at?")])
        #expect(!mentions.answer("which port do northland ships call at?").answered)
        #expect(mentions.askedInExamples(of: 0).isEmpty)
        let asks = Self.answerer(for: [fact("asks", "Which port do Northland ships call at?")])
        #expect(asks.answer("which port do northland ships call at?").fact?.id == "asks")
        #expect(asks.askedInExamples(of: 0) == ["port"])
    }

    @Test func anAmountAskedInACurrencyMustBeInIt() {
        declined("How much are the crews paid in dollars?", saying: "the amount in dollars")
        #expect(Self.answerer.answer("How much are the crews paid?").fact?.id == "crew-pay")
        #expect(Answerer.currencyForms("dollars").isSuperset(of: ["$", "dollar", "usd"]))
        #expect(Answerer.currencyForms("pounds").contains("£"))
        let words = Self.answerer.lexicon.words("wats the bonus in yuan")
        #expect(Answerer.currencyAsked(words, currencies: ["yuan"]) == 4...4)
        #expect(Answerer.currencyAsked(Self.answerer.lexicon.words("how many dollars"), currencies: ["dollars"]) == nil)
        // a country's word before it, or "converted to"
        let british = Self.answerer.lexicon.words("the bonus in British pounds")
        #expect(Answerer.currencyAsked(british, currencies: ["pounds"], countries: { $0 == "british" }) == 3...4)
        #expect(Answerer.currencyAsked(british, currencies: ["pounds"]) == nil)  // "british" not a country here
        #expect(Answerer.currencyAsked(Self.answerer.lexicon.words("converted to sterling, the bonus"), currencies: ["sterling"]) == 2...2)
        #expect(Answerer.currencyForms("sterling").contains("£"))
        declined("How much are the crews paid in US dollars?", saying: "the amount in dollars")
    }

    @Test func whereWantsAPlace() {
        let facts =
            RequestedDetailTests.facts + [
                Fact(
                    id: "briefing", answer: "Mira Holt spoke of the strike at the weekly meeting of the Harbour Council on Monday.",
                    questions: ["What did Mira Holt speak about?"], types: [.description], sourceID: "gazette"),
                Fact(
                    id: "shed", answer: "The striking crew were hiding in a wooden shed for two nights.", questions: ["What did the crew do?"],
                    types: [.description], sourceID: "gazette"),
            ]
        let answerer = RequestedDetailTests.answerer(for: facts)
        // at an event the question does not ask about: where she spoke
        #expect(answerer.answer("Where did Mira Holt speak of the strike?").fact?.id == "briefing")
        // the event itself: where it was held is not stated
        let held = answerer.answer("Where was the weekly meeting of the council held?")
        #expect(!held.answered && held.text.contains("does not say where"), "\(held.text)")
        #expect(answerer.answer("where was the striking crew hiding").fact?.id == "shed")  // "in a ..."
        #expect(answerer.answer("Where were the sailors detained?").fact?.id == "detained")  // "at the Southland port"
        // "where did they get it": a source, not a place
        #expect(Self.request("where did the gazette get the quote").detail == nil)
        #expect(Self.request("where were they detained").detail == Request.Detail.place)
    }

    @Test func whereFromWantsAnOriginNotAPlaceTheyWereAt() {
        let facts =
            RequestedDetailTests.facts + [
                Fact(
                    id: "deckhands", answer: "The two deckhands hired last week come from Southland.",
                    questions: ["Who was hired last week?"], types: [.description], sourceID: "gazette")
            ]
        let answerer = RequestedDetailTests.answerer(for: facts)
        #expect(Self.request("where are the sailors from").origin)
        #expect(Self.request("which town does Mira Holt come from").origin)
        #expect(!Self.request("where were the sailors detained").origin)
        #expect(!Self.request("what are the men walking away from").origin)  // not a place asked for
        #expect(Answerer.statesOrigin("They come from Southland."))
        #expect(!Answerer.statesOrigin("They were detained at the Southland port."))
        // detained at the port says where they were, not where they are from
        let sailors = answerer.answer("where are the two Northlander sailors from?")
        #expect(!sailors.answered && sailors.text.contains("does not say where they come from"), "\(sailors.text)")
        #expect(answerer.answer("where are the deckhands hired last week from?").fact?.id == "deckhands")
    }

    @Test func whereSomeoneIsFromWantsTheirOriginNotAnotherOneTheyMention() {
        let facts =
            RequestedDetailTests.facts + [
                Fact(
                    id: "holt-deckhands", answer: "Mayor Mira Holt said the deckhands who signed on last week come from Southland.",
                    questions: ["Where do the new deckhands come from?"], types: [.place], sourceID: "gazette")
            ]
        let answerer = RequestedDetailTests.answerer(for: facts)
        let holt = ["mira", "holt"]
        #expect(Answerer.statesOrigin("Mira Holt said she comes from Southland.", of: holt))
        #expect(Answerer.statesOrigin("Mira Holt, who comes from Southland, spoke.", of: holt))
        #expect(!Answerer.statesOrigin("Mira Holt said the deckhands who signed on come from Southland.", of: holt))
        #expect(!Answerer.statesOrigin("Mira Holt met sailors from Southland.", of: holt, peopleNouns: ["sailors"]))
        #expect(!Answerer.statesOrigin("The deckhands come from Southland.", of: holt))  // she is not named
        // the curator's example asks where the deckhands are from, not where she is
        let her = answerer.answer("where is Mira Holt from?")
        #expect(!her.answered && her.text.contains("does not say where Mira Holt comes from"), "\(her.text)")
        // she is only cited: the deckhands' origin is asked
        #expect(answerer.answer("according to Mira Holt, where do the new deckhands come from?").fact?.id == "holt-deckhands")
    }

    @Test func aYesOrNoQuestionIsNotAnsweredBySomeoneAskingIt() {
        let facts =
            RequestedDetailTests.facts + [
                Fact(
                    id: "readers", answer: "Readers were split: some asked whether the crews need a licence to sail.",
                    questions: ["How did readers react?"], types: [.description], sourceID: "gazette"),
                Fact(
                    id: "licence", answer: "The harbour master said every crew needs a licence to sail from Lowmere.",
                    questions: ["Who needs a licence?"], types: [.description], sourceID: "gazette"),
            ]
        let answerer = RequestedDetailTests.answerer(for: facts)
        #expect(Self.request("do crews need a licence to sail").whether == "whether crews need a licence to sail")
        #expect(Self.request("which crews need a licence").whether == nil)
        #expect(answerer.onlyReportsAsking(["crew", "licenc", "sail"], in: facts[4].answer))
        #expect(!answerer.onlyReportsAsking(["crew", "licenc", "sail"], in: facts[5].answer))
        // what readers asked is no answer; what the harbour master said is
        let asked = RequestedDetailTests.answerer(for: Array(facts.prefix(5))).answer("do the crews need a licence to sail?")
        #expect(!asked.answered && asked.text.contains("does not say whether the crews need a licence to sail"), "\(asked.text)")
        #expect(answerer.answer("do the crews need a licence to sail from Lowmere?").fact?.id == "licence")
    }

    @Test func theOtherFewMustBeStated() {
        declined("What happened to the other three sailors detained at the port?", saying: "anything about the other 3 sailors")
        #expect(Self.request("what about the other 2 sailors").otherCount?.number == "2")
        // a number counting time is no group of that size
        let trip = Fact(
            id: "trip", answer: "The sailors spent 3-4 days at sea before two were detained.", questions: ["How long were they at sea?"],
            types: [.number], sourceID: "gazette")
        let answerer = RequestedDetailTests.answerer(for: [trip])
        #expect(!answerer.answer("what happened to the other 4 sailors at sea").answered)
        #expect(Self.request("what about the other sailors").otherCount == nil)
    }

    @Test func aNumberNamedCountsWhatItSays() {
        let strike = Fact(
            id: "strike-days", answer: "The crews struck for three days in March.", questions: ["How long did the crews strike?"],
            types: [.number], sourceID: "gazette")
        let answerer = Self.answerer(for: [strike])
        // the question's three counts crews; the fact's, days
        let crews = answerer.answer("Which three crews struck in March?")
        #expect(!crews.answered, "\(crews.text)")
        #expect(crews.explanation.unstated == "3 crews")
        #expect(answerer.answer("Did the crews strike for 3 days?").fact?.id == "strike-days")
        // "the three crews" says which crews, it does not count them
        #expect(Self.request("when did the three crews strike", of: answerer).namedCounts.isEmpty)
    }

    @Test func oneEndOfARangeIsNotTheOther() {
        let limit = Fact(
            id: "age-limit", answer: "Anyone under 60 may join a ferry crew.", questions: ["What is the age limit for ferry crews?"],
            types: [.number], sourceID: "gazette")
        let answerer = Self.answerer(for: [limit])
        let lowest = answerer.answer("What is the minimum age to join a ferry crew?")
        #expect(!lowest.answered, "\(lowest.text)")
        #expect(lowest.explanation.unstated?.contains("minimum") == true, "\(lowest.text)")
        #expect(answerer.answer("max age to join a ferry crew?").fact?.id == "age-limit")
        #expect(answerer.answer("age limit for ferry crews?").fact?.id == "age-limit")
    }

    @Test func anOutletNamedOnlySaysWhoseAccount() {
        // its facts do not name the outlet: "per Harbour Gazette" costs them little
        let words = Self.answerer.lexicon.words("per Harbour Gazette, how much are the crews paid a month")
        #expect(Self.answerer.outletSpans(words) == [1, 2])
        #expect(Self.answerer.outletSpans(Self.answerer.lexicon.words("the harbour crews")).isEmpty)  // a word of it alone
        #expect(Self.answerer.answer("per Harbour Gazette, how much are the crews paid a month").fact?.id == "crew-pay")
        // as weak words: the crew pay fact lacks them, and keeps most of its confidence
        let per = Self.answerer.answer("per Harbour Gazette, how much are the crews paid a month")
        #expect(per.explanation.terms.filter(\.isWeak).map(\.surface).sorted() == ["gazette", "harbour"], "\(per.explanation.terms)")
        // a question about its article is about the outlet
        #expect(Self.answerer.answer("who wrote the Harbour Gazette article?").text.contains("Dana Reed"))
        // so is its author, named as whose account ("per AFP", "according to Dana Reed")
        let byAuthor = Self.answerer.answer("according to Dana Reed, how much are the crews paid a month")
        #expect(byAuthor.fact?.id == "crew-pay", "\(byAuthor.text)")
        #expect(byAuthor.explanation.terms.filter(\.isWeak).map(\.surface).sorted() == ["dana", "reed"], "\(byAuthor.explanation.terms)")
    }

    @Test func clausesSplitAtSemicolonsAndSentenceEnds() {
        #expect(Answerer.clauses(of: "One; two. Three") == ["One", " two.", "Three"])
        #expect(Answerer.clauses(of: "No split here, at all") == ["No split here, at all"])
    }

    @Test func aListedPhraseEndingInTheAskedWordIsAskedAsAWhole() {
        // "age limit" is listed with "age": the answer need not say "limit"
        var words = Self.words
        words.synonyms.append(["age", "age limit"])
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        let fact = Fact(
            id: "age", answer: "Any sailor under the age of 60 may sign on.", questions: ["Who may sign on?"], types: [.description],
            sourceID: "gazette")
        let answerer = Answerer(knowledge: KnowledgeBase(facts: [fact], sources: [Self.source], words: words), settings: settings)!
        #expect(answerer.answer("what is the sailor age limit?").fact?.id == "age")
    }
}

@Suite("Facts about the sources themselves, topics and stories")
struct SourceFactsTests {
    let answerer = RequestedDetailTests.answerer

    @Test func everySourceSaysWhoWroteItWhenWhereItsHeadlineAndLink() {
        #expect(answerer.answer("Who wrote the article?").text.contains("Dana Reed"))
        #expect(answerer.answer("when was the story published").text.contains("2 March 2026, 08:15"))
        #expect(answerer.answer("which outlet published it?").text.contains("Harbour Gazette"))
        #expect(answerer.answer("what is the headline").text.contains("Ferry strike ends"))
        #expect(answerer.answer("link to the article?").text.contains("https://gazette.example/ferry"))
        #expect(answerer.answer("Who wrote the article?").fact?.isAboutSource == true)
    }

    @Test func aSourceWithoutAnAuthorSaysSo() {
        var source = RequestedDetailTests.source
        source.author = ""
        let facts = SourceFacts.facts(for: source)
        #expect(facts.first { $0.id == "gazette@author" }?.types == [.gap])
        #expect(facts.allSatisfy { $0.sourceID == "gazette" && $0.isAboutSource })
    }

    @Test func thisAloneMeansTheArticle() {
        let posted = Fact(
            id: "video", answer: "This video of the mayor was posted on Monday.", questions: ["When was this video posted?", "when posted?"], types: [.date],
            sourceID: "gazette")
        let answerer = Answerer(
            knowledge: KnowledgeBase(facts: [posted], sources: [RequestedDetailTests.source], words: RequestedDetailTests.words))!
        #expect(answerer.answer("when was this posted").fact?.id == "gazette@published")
        #expect(answerer.answer("when was the video posted").fact?.id == "video")
        func points(_ text: String) -> Bool { Answerer.pointsAtTheArticle(answerer.lexicon.words(text)) }
        #expect(points("who wrote this") && points("when was this posted") && points("is this piece true"))
        #expect(!points("is this true") && !points("who did this work") && !points("when was the video posted"))
    }

    @Test func whatDoYouKnowListsTheStories() {
        let answer = answerer.answer("What do you know about?")
        #expect(answer.kind == .smallTalk)
        #expect(answer.text.contains("Ferry strike ends") && answer.text.contains("Harbour Gazette, 2 March 2026"))
    }

    @Test func aBareTopicThatSeveralFactsAnswerOffersThem() {
        let facts = [
            "The quay closed at noon.", "The quay reopened on Friday.", "Quay fees doubled last year.",
            "The lighthouse keeper retired.",
        ].enumerated().map { index, text in
            Fact(id: "f\(index)", answer: text, questions: ["Question \(index)?"], types: [.description], sourceID: "gazette")
        }
        // facts whose examples say nothing ("Question 0?"): they reach just over 60%, so the
        // threshold is set below that; the test is about what a bare topic gets
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.6
        let answerer = Answerer(
            knowledge: KnowledgeBase(
                facts: facts, sources: [RequestedDetailTests.source],
                words: RequestedDetailTests.words), settings: settings)!
        let answer = answerer.answer("quay?")
        #expect(answer.kind == .topics, "\(answer.text)")
        #expect(answer.suggestions.count == 3)
        #expect(!answer.answered)
        #expect(answer.text.hasPrefix("I can tell you several things about Quay: 1) Question "))
        #expect(answerer.answer("tell me about the lighthouse").kind == .fact)  // one fact stands out: answered
        // nothing asked but the topic once the small words are gone
        #expect(answerer.answer("how is the quay").kind == .topics)
        #expect(answerer.answer("when did the quay").kind != .topics)  // a date is asked for
        #expect(Answerer.bareTopic(Tokenizer.tokens("how many ferries"), stopWords: ["how", "many"]) == nil)
        #expect(Answerer.bareTopic(Tokenizer.tokens("tell me about ferries"), stopWords: ["tell", "me", "about"]) == "Ferries")
        #expect(Answerer.bareTopic(Tokenizer.tokens("2"), stopWords: []) == nil)
    }

    @Test func aKnowledgeFolderWithSourcesAndNoFactsYetIsValid() throws {
        let sources = KnowledgeFile(
            path: "k/sources.yaml",
            text: """
                - id: a
                  url: https://example.org/a
                  title: A story
                  publisher: Example
                  published: 2026-01-01
                """)
        let base = try KnowledgeBase.parse([sources], folder: "k")
        #expect(base.facts.isEmpty)
        #expect(Answerer(knowledge: base)!.answer("which outlet published the story?").text.contains("Example"))
        #expect(throws: Diagnostics.self) { try KnowledgeBase.parse([KnowledgeFile(path: "k/sources.yaml", text: "[]")], folder: "k") }
    }

    @Test func namesSectionsAreReadAndCheckedWithTheirLines() throws {
        let (names, kinds, sides) = try WordListParser.names(
            """
            lone
            [people]
            ada lovelace
            [sides]
            north, northern
            south
            """)
        #expect(names == ["lone", "ada lovelace", "north", "northern", "south"])
        #expect(kinds["ada lovelace"] == .people && kinds["lone"] == nil)
        #expect(sides == [["north", "northern"], ["south"]])
        #expect(throws: Diagnostics.self) { try WordListParser.names("[peple]\nx") }
        do {
            _ = try WordListParser.names("a\n[peple]\nx", file: "names.txt")
        } catch {
            #expect(error.all.first?.description.contains("names.txt:2") == true)
            #expect(error.all.first?.description.contains("[people]") == true)
        }
        #expect(throws: Diagnostics.self) { try WordListParser.names("[sides]\nnorth\nsouth, north") }
        #expect(throws: Diagnostics.self) { try WordListParser.names("[sides]\nnorth") }
    }
}

@Suite("Requested details: who pays whom")
struct PaidToTests {
    @Test func aQuestionAboutWhatSomeoneIsPaidIsNotAnsweredWithSomeonePaying() {
        let source = Source(id: "s", url: "https://s.example/", title: "Crews", author: "", publisher: "Gazette", published: "2026-03-02")
        let words = WordLists(
            synonyms: [["pay", "paid", "wage", "salary"], ["join", "sign up", "recruit"]],
            stopWords: ["how", "much", "are", "is", "the", "did", "he", "to", "a", "r", "they", "do"], names: [])
        let facts = [
            Fact(
                id: "fee", answer: "One deckhand said he paid 500 crowns to join the crew.",
                questions: ["How much did the deckhand pay to join?", "price he paid to sign up?"], types: [.amount], sourceID: "s"),
            Fact(
                id: "wage", answer: "New recruits on the ferries earn a monthly wage of 900 crowns.",
                questions: ["What is the monthly wage?"], types: [.amount], sourceID: "s"),
        ]
        let answerer = Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: words))!
        #expect(answerer.answer("how much are recruits paid?").fact?.id == "wage")
        #expect(answerer.answer("how much r they paid").fact?.id == "wage")
        #expect(answerer.answer("How much did the deckhand pay to join?").fact?.id == "fee")
        #expect(Answerer.paysSomeone("Wang said he paid 300,000 rubles."))
    }

    @Test func someMoneyIsNoAmount() {
        // "some" only says there was money, not how much: "how much did he pay" is not
        // answered by a fact that gives no figure
        let source = Source(id: "s", url: "https://s.example/", title: "Crews", author: "", publisher: "Gazette", published: "2026-03-02")
        let words = WordLists(
            synonyms: [["pay", "paid", "money", "earn"]], stopWords: ["how", "much", "did", "he", "to", "some", "and", "then", "the"],
            names: [])
        let facts = [
            Fact(
                id: "reason", answer: "Ivo Marsh said he joined the crew to see the coast and then to earn some money.",
                questions: ["Why did Ivo Marsh join the crew?"], types: [.reason], sourceID: "s")
        ]
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        let answerer = Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: words), settings: settings)!
        #expect(answerer.answer("why did ivo marsh join the crew").fact?.id == "reason")
        let paid = answerer.answer("how much did ivo marsh pay")
        #expect(paid.fact == nil, "\(paid.text)")
        #expect(!Answerer.paysSomeone("Recruits are paid 18,000 yuan a month."))
    }
}

@Suite("Requested details: names and figures")
struct NamesAndFiguresTests {
    static let source = Source(id: "s", url: "https://s.example/", title: "Sailors", author: "", publisher: "Gazette", published: "2026-03-02")
    static let answerer: Answerer = {
        let words = WordLists(synonyms: [], stopWords: ["how", "many", "much", "what", "is", "the", "of", "to", "did", "for", "who"], names: [])
        let facts = [
            Fact(
                id: "talk", answer: "The sailors spoke to reporters for three hours at the Harbour Office.",
                questions: ["How long did the sailors speak to reporters?"], types: [.number, .description], sourceID: "s"),
            Fact(
                id: "family", answer: "Captain Ivo Marsh said his wife and children were waiting for him.",
                questions: ["What did Ivo Marsh say about his family?"], types: [.quote], sourceID: "s"),
            Fact(
                id: "rescued", answer: "Mayor Lena Dorn said two sailors were rescued off Kettle Point.",
                questions: ["How many sailors were rescued off Kettle Point?"], types: [.number], sourceID: "s"),
            Fact(
                id: "voyage", answer: "The ferry left Kettle Point on 3 March and signed off in Dover on 9 March.",
                questions: ["When did the ferry leave Kettle Point?"], types: [.date], sourceID: "s"),
            Fact(
                id: "swim", answer: "Tom Reyes said he swam to the buoy at Kettle Point.",
                questions: ["Who swam to the buoy?"], types: [.person], sourceID: "s"),
        ]
        var settings = Answerer.Settings()
        settings.minimumConfidence = 0.3
        return Answerer(knowledge: KnowledgeBase(facts: facts, sources: [source], words: words), settings: settings)!
    }()

    @Test func aNameAskedForIsNotOneTheQuestionGives() {
        let answer = Self.answerer.answer("What is the name of Ivo Marsh's wife?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(answer.text.contains("Gazette does not say the name of the wife"), "\(answer.text)")
        #expect(Self.answerer.answer("What did Ivo Marsh say about his family?").fact?.id == "family")
    }

    @Test func whoReportsOnThePeopleAskedAboutIsNotTheirName() {
        // The mayor speaks of the sailors by a noun: her name is not theirs.
        let answer = Self.answerer.answer("What are the names of the two sailors rescued off Kettle Point?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(answer.text.contains("does not say their names"), "\(answer.text)")
        // A speaker who is the one asked about still answers.
        #expect(Self.answerer.answer("What is the name of the man who swam to the buoy at Kettle Point?").fact?.id == "swim")
        // A people word before another noun does not ask about that group: the speaker may be the one asked about.
        let mayor = Self.answerer.answer("Who is the sailors mayor at Kettle Point?")
        #expect(mayor.fact?.id == "rescued", "\(mayor.text)")
        #expect(RequestedDetailTests.request("who is the sailors mayor", of: Self.answerer).adjectivalPeople.count == 1)
        #expect(RequestedDetailTests.request("who are the chinese sailors", of: Self.answerer).adjectivalPeople.isEmpty)  // a group still
        #expect(RequestedDetailTests.request("the names of the sailors mayor and the sailors", of: Self.answerer).adjectivalPeople.isEmpty)
    }

    @Test func aCountOfPeopleIsNotACountOfHours() {
        let answer = Self.answerer.answer("How many reporters did the sailors speak to?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(answer.text.contains("does not say how many"), "\(answer.text)")
        #expect(Self.answerer.answer("How many hours did the sailors speak to reporters?").fact?.id == "talk")
        // a figure asked for by name counts what follows "of"
        let named = Self.answerer.answer("sailors talk number of reporters")
        #expect(!named.answered && named.explanation.unstated == "the number", "\(named.text)")
        #expect(RequestedDetailTests.request("number of hours they talked", of: Self.answerer).notOnlyTime == false)
        #expect(RequestedDetailTests.request("a number of sailors talked", of: Self.answerer).needsFigure == false)
        #expect(RequestedDetailTests.request("an unknown number of sailors talked", of: Self.answerer).needsFigure == false)
        // "the number of his ferry" names it: no count asked
        #expect(RequestedDetailTests.request("what was the number of his ferry", of: Self.answerer).needsFigure == false)
    }

    @Test func aPronounOneCountsNothingAndCalledAsksForAName() {
        let family = Fact(
            id: "family", answer: "Mira Holt said her family, with a husband and children, was a happy one.",
            questions: ["Does Mira Holt have a family?"], types: [.description], sourceID: "gazette")
        let answerer = RequestedDetailTests.answerer(for: RequestedDetailTests.facts + [family])
        // "a happy one" is no figure: how many is not stated
        let count = answerer.answer("How many children does Mira Holt have?")
        #expect(!count.answered, "\(count.text)")
        #expect(count.text.contains("does not say how many"), "\(count.text)")
        // "what is X's husband called": a name, someone's other than Mira Holt's
        let called = answerer.answer("What is Mira Holt's husband called?")
        #expect(!called.answered && called.text.contains("does not say their names"), "\(called.text)")
        #expect(RequestedDetailTests.request("what is the ferry app called").detail == Request.Detail.organizationName)
        // a thing named by a listed name of another kind: what it is, not a name
        let named = RequestedDetailTests.request("what is the HarbourPass scheme called").detail
        #expect(named != Request.Detail.personName && named != Request.Detail.organizationName)
        let tokens = Tokenizer.tokens("one sailor said it was a happy one, one of many")
        #expect(tokens.indices.filter { tokens[$0].text == "one" }.map { Answerer.countsOne(tokens, $0) } == [true, false, false])
    }

    @Test func whichOfThemWantsAName() {
        let answer = Self.answerer.answer("Which of the sailors spoke to reporters?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(answer.text.contains("does not say which of them"), "\(answer.text)")
        #expect(Self.answerer.request(Tokenizer.tokens("which of the offices was it"), type: .any, terms: []).detail != .personName)
    }

    @Test func accordingToSomeoneWantsThemSpeaking() {
        let answer = Self.answerer.answer("According to Tom Reyes, how many sailors were rescued off Kettle Point?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(Self.answerer.answer("According to Lena Dorn, how many sailors were rescued off Kettle Point?").fact?.id == "rescued")
        // an outlet is not a speaker: its citation says it
        #expect(Self.answerer.answer("According to the Gazette, how many sailors were rescued off Kettle Point?").fact?.id == "rescued")
    }

    @Test func howLongWantsAFigureNotADate() {
        let answer = Self.answerer.answer("How long was the ferry away from Kettle Point?")
        #expect(!answer.answered, "\(answer.text)")
        #expect(Self.answerer.answer("How long did the sailors speak to reporters?").fact?.id == "talk")
        #expect(Self.answerer.answer("When did the ferry leave Kettle Point?").fact?.id == "voyage")
        // the time between two events: their dates tell it
        #expect(Self.answerer.answer("How long after leaving Kettle Point did the ferry sign off in Dover?").fact?.id == "voyage")
    }

    @Test func howMuchWantsAFigure() {
        let answer = Self.answerer.answer("How much did Ivo Marsh's family get?")
        #expect(!answer.answered, "\(answer.text)")
    }
}

@Suite("Identifying clauses")
struct IdentifyingClauseTests {
    @Test func wordsThatOnlySayWhoAreFound() {
        func words(_ text: String) -> [Token] { Tokenizer.tokens(text) }
        #expect(Answerer.identifyingWords(words("where did the man who paid 300,000 rubles train?")) == ["paid", "300000", "rubles"])
        #expect(Answerer.identifyingWords(words("according to Babel, where did he train?")) == ["babel"])
        #expect(Answerer.identifyingWords(words("who paid the rubles?")).isEmpty)  // the question word asks
        #expect(Answerer.identifyingWords(words("which of the men who was captured did the talking")) == [])  // "was" ends it
    }

    @Test func theNamesOfTwoPeopleNeedTwoNames() {
        let answerer = RequestedDetailTests.answerer(for: [
            Fact(
                id: "one-named", answer: "Mira Holt and another sailor were detained at the port.",
                questions: ["Who was detained at the port?", "What is the detained sailor's name?"], types: [.person], sourceID: "gazette"),
            Fact(id: "both", answer: "The crew's cook is Mira Holt.", questions: ["Who is the cook?"], types: [.person], sourceID: "gazette"),
        ])
        let both = answerer.answer("what are the names of the two sailors detained at the port?")
        #expect(!both.answered, "\(both.text) \(both.explanation.candidates)")
        #expect(both.explanation.unstated == "their names")
        // one name asked for: one is enough
        let one = answerer.answer("what is the name of the sailor detained at the port?")
        #expect(one.fact?.id == "one-named", "\(one.text) \(one.explanation.candidates)")
        // one person named twice is one
        let twice = RequestedDetailTests.answerer(for: [
            Fact(
                id: "twice", answer: "Mira Holt was detained at the port. Mira Holt said the sailors were held.",
                questions: ["Who was detained at the port?", "What is the detained sailor's name?"], types: [.person], sourceID: "gazette")
        ])
        #expect(!twice.answer("what are the names of the two sailors detained at the port?").answered)
        func wanted(_ question: String) -> Int { RequestedDetailTests.request(question, of: answerer).namesWanted }
        #expect(wanted("what are the names of the two sailors") == 2)
        #expect(wanted("both their names?") == 2)
        #expect(wanted("names of the sailors detained on 2 March") == 1)
    }

}

/// The checks of whom and what an answer is about (2026-11-29).
extension RequestedDetailTests {
    @Test func aQuestionAboutSomeoneNamedIsNotAnsweredAboutNoOne() {
        // the crews' pay is no one person's: asked of Mira Holt, it is not stated
        let request = Self.request("How much is Mira Holt paid a month?")
        let pay = Int32(Self.answerer.index.facts.firstIndex { $0.id == "crew-pay" }!)
        #expect(Self.answerer.missing(request, in: pay) == "that about Mira Holt")
        #expect(Self.answerer.answer("How much is Mira Holt paid a month?").fact?.id != "crew-pay")
        #expect(Self.request("mira holt monthly wage").people.map { $0.key } == ["mira_holt"])
        #expect(Self.answerer.answer("How much are the crews paid a month?").fact?.id == "crew-pay")
        // a fact that names the person answers
        #expect(Self.answerer.answer("When did Mira Holt announce the detention?").fact?.id == "detained")
    }

    @Test func theNameOfSomeoneByTheirRoleMustSpeakOfThem() {
        let wife = Self.request("What is the name of the ferry blogger's wife?")
        let blogger = Int32(Self.answerer.index.facts.firstIndex { $0.id == "blogger" }!)
        #expect(wife.nameOf?.surface == "wife")
        #expect(Self.answerer.missing(wife, in: blogger) == "the name of the wife")
        #expect(Self.answerer.missing(Self.request("What is the name of the ferry blogger?"), in: blogger) == "the name of the blogger")
        // "the press name" is no press's name
        #expect(owner("what is the press name") == nil)
        func owner(_ question: String) -> String? { Self.request(question).nameOf?.surface }
        #expect(owner("whats the name of mira holts husband") == "husband")
        #expect(owner("What is the name of the ferry blogger who filmed the walkout?") == "blogger")
        #expect(owner("what is the name of Mira Holt?") == nil)
        #expect(owner("the names of the two sailors detained") == "sailors")
    }

    @Test func aNameInsideWhatWasSaidDoesNotSpeak() {
        let answerer = Self.answerer
        let quoted = answerer.clause("Mira Holt said \"Ivo Marsh wasn't satisfied with the ferries\" and left.")
        #expect(quoted.speakers.contains("mira_holt"), "\(quoted.speakers)")
        #expect(!quoted.speakers.contains("ivo"), "\(quoted.speakers)")
        let inverted = answerer.clause("The ferries are late, said Ivo Marsh.")
        #expect(inverted.speakers.contains("ivo"), "\(inverted.speakers)")
    }

    @Test func whatSomeoneSaidByANounMustHaveThemSpeaking() {
        let answerer = RequestedDetailTests.answerer(
            for: RequestedDetailTests.facts + [
                Fact(
                    id: "union", answer: "The sailors' union said the crews would strike again in May.",
                    questions: ["Will the crews strike again?"], types: [.description], sourceID: "gazette"),
                Fact(
                    id: "passengers", answer: "Some passengers asked when the ferries would run again.",
                    questions: ["Are passengers worried?"], types: [.description], sourceID: "gazette"),
                Fact(
                    id: "workers", answer: "The harbour workers said the quay was unsafe.",
                    questions: ["Is the quay safe?"], types: [.description], sourceID: "gazette"),
            ])
        // the blogger filmed, said nothing
        declinedBy(answerer, "What did the ferry blogger say about the walkout?", saying: "what the ferry blogger said")
        #expect(answerer.answer("what did the union say about the crews?").fact?.id == "union")
        #expect(answerer.answer("what did the passengers say about the ferries?").fact?.id == "passengers")  // asking is speaking
        // a word for people speaks for another ("the man" may be "the workers"); a word of its own does not
        func position(_ id: String) -> Int32 { Int32(answerer.index.facts.firstIndex { $0.id == id } ?? 0) }
        let man = RequestedDetailTests.request("what did the man say about the ferries", of: answerer)
        #expect(man.speakerNoun != nil)
        #expect(answerer.missing(man, in: position("workers")) == nil)
        #expect(answerer.missing(man, in: position("blogger")) == "what the man said")
        #expect(answerer.missing(RequestedDetailTests.request("what did the mayor say about the quay", of: answerer), in: position("workers")) != nil)
        // the article, a video: what it reports, not someone speaking
        #expect(RequestedDetailTests.request("what did the article say about the crews", of: answerer).speakerNoun == nil)
        #expect(RequestedDetailTests.request("what did the video say", of: answerer).speakerNoun == nil)
        #expect(answerer.clause("Meanwhile the union said so.").speakerWords.contains(answerer.lexicon.terms(answerer.lexicon.words("union"))[0].key))
    }

    @Test func aBroaderWordDoesNotSayWhichOneOfANarrowerKind() {
        let words = Self.answerer.lexicon.words("what rank did the sailors hold")
        func detail(_ kind: WordLink.Kind) -> Request.Detail? {
            var terms = Self.answerer.lexicon.terms(words).filter { $0.surface != "rank" }
            var rank = Term(key: "line", surface: "rank")
            rank.link = WordLink(key: "line", word: "line", from: "rank", kind: kind, strength: 0.6)
            terms.append(rank)
            return Self.answerer.request(words, type: QuestionType.of(words), terms: terms).detail
        }
        // "rank" is a narrower "line": a line does not say which rank
        #expect(detail(.narrower) == Request.Detail.word(key: "rank", surface: "rank", linked: nil))
        #expect(detail(.synonym) == Request.Detail.word(key: "rank", surface: "rank", linked: "line"))
    }

    @Test func aLengthOfTimeInWordsSaysHowLong() {
        let answerer = Self.answerer(for: [
            Fact(id: "stay", answer: "Mira Holt stayed in Lowmere for a week before sailing.", questions: [], types: [.description], sourceID: "gazette"),
            Fact(
                id: "portby", answer: "On 28 March Mira Holt went to Portby, where she stayed several days.", questions: [], types: [.date],
                sourceID: "gazette"),
        ])
        let answer = answerer.answer("How long did Mira Holt stay in Lowmere?")
        #expect(answer.fact?.id == "stay", "\(answer.reply) \(answer.explanation)")
        // "a day later" says when, not how long
        let later = Self.answerer(for: [
            Fact(id: "later", answer: "A day later Mira Holt stayed in Lowmere.", questions: [], types: [.description], sourceID: "gazette")
        ])
        #expect(later.answer("How long did Mira Holt stay in Lowmere?").kind == .declined)
    }

    @Test func aSpeakerBeforeAColonSpeaks() {
        let answerer = Self.answerer(for: [
            Fact(id: "nets", answer: "Mira Holt: The storm took all our nets.", questions: [], types: [.quote], sourceID: "gazette")
        ])
        let answer = answerer.answer("What did the storm take, according to Mira Holt?")
        #expect(answer.kind == .fact, "\(answer.reply)")
        // "the mayor" only identifies: the reply names who says it, and the reader judges
        #expect(answerer.answer("What did the storm take, according to the mayor?").text.hasPrefix("Mira Holt:"))
        // Mira Holt speaks here: a decline names the detail missing, not the speaker
        let atPort = Self.answerer(for: [
            Fact(id: "nets", answer: "Mira Holt: The storm took all our nets at the port.", questions: [], types: [.quote], sourceID: "gazette")
        ])
        let port = atPort.answer("According to Mira Holt, at which port did the storm take the nets?")
        #expect(port.explanation.unstated == "which port", "\(port.reply)")
        // and a speaker missing is named as such
        let other = Self.answerer(for: [
            Fact(id: "nets", answer: "The storm took all the nets at the port.", questions: [], types: [.description], sourceID: "gazette")
        ])
        let unsaid = other.answer("What did the storm take at the port, according to Mira Holt?")
        #expect(unsaid.explanation.unstated == "that according to Mira Holt", "\(unsaid.reply)")
    }

    @Test func aNameInAnEarlierClauseDoesNotSpeak() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "tickets", answer: "Crews book their trips on apps such as Harbourpass, a rival of Ferrynet, Mira Holt said.",
                questions: [], types: [.quote], sourceID: "gazette")
        ])
        // Mira Holt said it; Ferrynet is only named in what she said
        #expect(!answerer.answer("what did ferrynet say").answered)
        #expect(answerer.answer("what did mira holt say about harbourpass").answered)
    }

    @Test func aNameBeforeAnAsideSpeaks() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "closing", answer: "Mira Holt, mayor of the northern harbour of Lowmere, said the port would close.",
                questions: [], types: [.quote], sourceID: "gazette")
        ])
        #expect(answerer.answer("What did Mira Holt say about the port?").fact?.id == "closing")
        // a place before the aside does not speak
        let place = Self.answerer(for: [
            Fact(
                id: "closing", answer: "Sailors from Lowmere, tired of the long and bitter strike, said the port would close.",
                questions: [], types: [.quote], sourceID: "gazette")
        ])
        #expect(!place.answer("What did Lowmere say about the port?").answered)
    }

    @Test func aQuotedSentenceSaysWhoItsHeIsForTheChecks() throws {
        let answerer = try Self.quoting(["Mayor Mira Holt closed the port on Monday.", "A day later, she said 40 sailors were stranded in Lowmere."])
        let answer = answerer.answer("When did Mira Holt say 40 sailors were stranded?")
        #expect(answer.kind == .quoted, "\(answer.reply) \(answer.explanation)")
    }

    @Test func whoIsSpokenOfDoesNotSpeak() {
        let answerer = Self.answerer(for: [
            Fact(
                id: "held", answer: "About 40 sailors were held at the port, Mira Holt said on Monday.", questions: [], types: [.number],
                sourceID: "gazette"),
            Fact(id: "crew", answer: "The crew said the port was closed.", questions: [], types: [.description], sourceID: "gazette"),
        ])
        // the sailors are spoken of, by Mira Holt before her verb; the crew speak
        #expect(answerer.missing(Self.request("What did the sailors say about the port?", of: answerer), in: 0) != nil)
        #expect(answerer.missing(Self.request("What did the crew say about the port?", of: answerer), in: 1) == nil)
    }

    @Test func whoSpeaksInThePassiveAndAfterAPronoun() throws {
        let answerer = Self.answerer(for: [
            Fact(
                id: "closure", answer: "The closure was announced by the harbour master on Monday.", questions: [], types: [.description],
                sourceID: "gazette")
        ])
        #expect(answerer.missing(Self.request("What did the harbour master say?", of: answerer), in: 0) == nil)
        // a quoted "She said the port, which Tom Hale runs, ...": she speaks, not Tom Hale
        let quoting = try Self.quoting(["Mayor Mira Holt spoke on Monday.", "She said the port, which Tom Hale runs, was shut in Lowmere."])
        #expect(quoting.answer("What did Tom Hale say about the port in Lowmere?").kind == .declined)
        #expect(quoting.answer("What did Mira Holt say about the port in Lowmere?").kind == .quoted)
    }
}
