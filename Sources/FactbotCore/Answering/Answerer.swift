import WordNet

/// Answers questions from a ``KnowledgeBase``: the heart of factbot. Pure: it is handed
/// a question and returns an ``Answer``; it reads no files and keeps no state between calls.
///
/// Each fact is scored by how much of the question it covers. A question term counts by
/// its rarity in the fact base (idf), twice as much when it names someone or something;
/// a word the fact base does not know at all counts as missing from every fact, and heavily
/// so when it looks like a name or is a number. The coverage, scaled by how well the fact's
/// answer type fits the question type, is the confidence.
public struct Answerer: Sendable {
    /// Tunable knobs, read from the `[answer]` section of bot.conf.
    public struct Settings: Sendable, Equatable {
        /// Below this confidence the answerer declines.
        public var minimumConfidence: Double = 0.65
        /// How many "did you mean" suggestions a decline offers.
        public var suggestions: Int = 2
        /// Least confidence a fact needs to be offered as a suggestion.
        public var suggestionConfidence: Double = 0.2
        /// Weight of a question word no fact uses, as a share of the highest idf: it
        /// counts as missing from every fact, so a question that hinges on it is declined.
        public var unknownWordWeight: Double = 0.75
        /// Folder of the WordNet database (Debian's `wordnet-base`); empty for none. Read
        /// by the executable, which hands the compiled links over (``linking(_:)``).
        public var wordNetFolder: String = "/usr/share/wordnet"

        /// Defaults.
        public init() {}
    }

    /// At most how many leading candidates (those within reach of the best) get the
    /// finer checks; the rest keep 80% of their first score.
    static let finalists = 64
    /// Confidence kept for each name or number of the question that a fact leaves out
    /// ("the monthly salary of a Ukrainian soldier" is not the Chinese recruits' salary),
    /// for a name only one fact uses; a common name ("Chinese") costs proportionally less.
    static let missingNamePenalty = 0.7
    /// Confidence kept by a fact that lacks the question's rarest known term, most often
    /// what the question is about ("how many Chinese fight on Ukraine's *side*").
    static let missingFocusPenalty = 0.85
    /// Confidence kept when the thing a "which"/"what" question asks about is a word no
    /// fact uses ("which *brigade* captured them?"): the facts cannot name one.
    static let unknownSubjectPenalty = 0.5
    /// How much of a weak word's weight a fact that lacks it loses.
    static let weakShare = 0.25
    /// Confidence kept for a question about the future or an opinion ("will China send
    /// troops?", "do you think ...?"): facts report what happened and who said what.
    static let speculativePenalty = 0.6
    /// Likeness to an example question (``exampleLikeness(fact:questionTerms:total:only:)``) at
    /// which a question is taken for the one the curator wrote the fact for.
    static let curatedLikeness = 0.9
    /// Confidence kept by a fact about the story, not the article, when the question points
    /// at the article itself ("when was *this* posted?", "who wrote *this piece*?").
    static let storyFactShare = 0.85
    /// Confidence kept for a fact that states no means when a question asks how
    /// something is done (``asksMeans(_:)``).
    static let noMeansShare = 0.85
    /// A fact this sure is answered even for a bare topic: the curator wrote it for that.
    static let exactMatch = 0.98
    /// A fact of another source, not linked to the chosen one, is shown after it when it is
    /// this sure relative to the chosen one...
    static let nearbyShare = 0.9
    /// ...among the leading few, at most this many.
    static let nearbyLooked = 4
    static let nearbyShown = 2
    /// The same when the question asks which outlets reported something (``coverageAsked(_:)``):
    /// every outlet's account is the answer.
    static let coverageLooked = 12
    static let coverageShown = 6
    static let coverageShare = 0.8
    /// A bare topic gets a choice when the third-best fact is this close to the best.
    static let topicSpread = 0.1

    /// The topic of a question that is only a topic: a few content words ("russia?",
    /// "chinese pay") or "tell me about X"; nil for anything with a question word.
    static func bareTopic(_ words: [Token], stopWords: WordSet) -> String? {
        var rest = words.map(\.text)
        for lead in [
            ["tell", "me", "about"], ["what", "about"], ["anything", "on"], ["anything", "about"], ["info", "on"],
            ["what", "do", "you", "know", "about"], ["more", "on"], ["about"],
        ] where rest.starts(with: lead) {
            rest.removeFirst(lead.count)
            break
        }
        guard !rest.isEmpty, rest.count <= 3, rest.contains(where: { !$0.allSatisfy(\.isNumber) }), !rest.contains(where: QuestionType.questionWords.contains),
            !rest.contains(where: { stopWords.contains($0) && !$0.allSatisfy(\.isNumber) })
        else { return nil }
        return rest.joined(separator: " ").capitalizedFirst
    }

    /// The topic of a question with one word left once the small words are gone ("how did
    /// he get into russia"), nil for any other.
    static func onlyTopic(_ words: [Token], stopWords: WordSet) -> String? {
        let content = words.filter { !stopWords.contains($0) }
        return content.count == 1 ? bareTopic(content, stopWords: stopWords) : nil
    }

    /// When the best fact does not state what is asked, a runner-up with at least this
    /// share of its confidence may answer instead.
    static let runnerUpShare = 0.8
    /// The same for an unknown name or number ("Indian", "2022"): enough on its own to
    /// sink any fact, because a fact about something else is never the answer.
    static let unknownNameWeight = 4.0

    /// Everything an answerer holds, behind one reference: the answerer is passed by value
    /// and captured by the closures of every step of answering, and a copy of one
    /// reference costs one retain where a copy of twenty fields cost twenty (about a fifth
    /// of the time a question took). Immutable; its memos are shared, thread-safe caches.
    final class State: Sendable {
        let knowledge: KnowledgeBase
        let settings: Settings
        let index: FactIndex
        let lexicon: Lexicon
        let wordTable: WordTable
        let accounts: Accounts
        let outletNames: [[String]]
        let peopleNounKeys: Set<String>
        let personWordKeys: Set<String>
        let quotes: QuoteIndex?
        let links: WordLinks?
        /// The stored articles no reviewed fact is drawn from yet (none, or only drafts):
        /// quoted beside a curated answer.
        let uncuratedQuotedSources: Set<String>
        let scratch = ScoreScratch()
        let clauseMemo = BoundedMemo<Int32, AnswerDetails>()
        let wordMemo = BoundedMemo<Int32, Set<String>>()
        let askedMemo = BoundedMemo<Int32, Set<String>>()
        let speakingMemo = BoundedMemo<Int32, Set<String>>()
        let accountMemo = BoundedMemo<Int32, [Answer.Account]>()
        let listingMemo = BoundedMemo<String, [String]>()

        init(
            knowledge: KnowledgeBase, settings: Settings, index: FactIndex, lexicon: Lexicon, wordTable: WordTable, accounts: Accounts,
            outletNames: [[String]], peopleNounKeys: Set<String>, personWordKeys: Set<String>, quotes: QuoteIndex?, links: WordLinks?
        ) {
            self.knowledge = knowledge
            self.settings = settings
            self.index = index
            self.lexicon = lexicon
            self.wordTable = wordTable
            self.accounts = accounts
            self.outletNames = outletNames
            self.peopleNounKeys = peopleNounKeys
            self.personWordKeys = personWordKeys
            self.quotes = quotes
            self.links = links
            let curated = Set(index.facts.lazy.filter { !$0.isAboutSource && !$0.isDraft }.map(\.sourceID))
            self.uncuratedQuotedSources = Set(quotes?.answerer.knowledge.sources.keys.filter { !curated.contains($0) } ?? [])
        }

        /// The same state with other links and quotes. The memos are not carried over:
        /// they are cheap to fill again, and `linking` is called once, at start.
        func with(quotes: QuoteIndex?, links: WordLinks?) -> State {
            State(
                knowledge: knowledge, settings: settings, index: index, lexicon: lexicon, wordTable: wordTable, accounts: accounts,
                outletNames: outletNames, peopleNounKeys: peopleNounKeys, personWordKeys: personWordKeys, quotes: quotes, links: links)
        }
    }

    private(set) var state: State
    /// Whether scoring may skip long posting lists that cannot change the answer (tests
    /// turn it off to check exactly that).
    var prunes = true

    /// The knowledge answered from.
    public var knowledge: KnowledgeBase { state.knowledge }
    /// The settings in force.
    public var settings: Settings { state.settings }
    /// The index over the facts.
    public var index: FactIndex { state.index }
    var lexicon: Lexicon { state.lexicon }
    /// What the lexicon knows about every word of the facts and lists, worked out once.
    var wordTable: WordTable { state.wordTable }
    /// Facts the curator linked as accounts of the same thing, answered together.
    var accounts: Accounts { state.accounts }
    /// The names of the outlets that published the sources and of their authors (a
    /// reporter, or an agency: "AFP"), as words ("business insider", "interfax ukraine"; a
    /// leading "the" dropped).
    var outletNames: [[String]] { state.outletNames }
    /// Score buffers reused from question to question.
    var scratch: ScoreScratch { state.scratch }
    /// What each fact's answer states, read when first needed (``details(of:)``).
    var clauseMemo: BoundedMemo<Int32, AnswerDetails> { state.clauseMemo }
    /// The literal words of each fact, read when first needed (``literalWords(of:)``).
    var wordMemo: BoundedMemo<Int32, Set<String>> { state.wordMemo }
    /// What each fact's examples ask for by "which/what X", read when first needed (``askedInExamples(of:)``).
    var askedMemo: BoundedMemo<Int32, Set<String>> { state.askedMemo }
    /// The terms of the word lists' words for groups of people ("prisoners", "men"), and
    /// of those with the words for anyone ("man", "person"): worked out once.
    var peopleNounKeys: Set<String> { state.peopleNounKeys }
    var personWordKeys: Set<String> { state.personWordKeys }
    /// The terms of each fact's examples that ask what someone says (``speakingInExamples(of:)``).
    var speakingMemo: BoundedMemo<Int32, Set<String>> { state.speakingMemo }
    /// The accounts shown with each chosen fact, built once.
    var accountMemo: BoundedMemo<Int32, [Answer.Account]> { state.accountMemo }
    /// The short answers of several articles (``everyArticle``), built once.
    var listingMemo: BoundedMemo<String, [String]> { state.listingMemo }
    /// Sentences of stored sources, quoted when no curated fact answers.
    var quotes: QuoteIndex? { state.quotes }
    /// WordNet links from words the fact base does not use to words it does (none until
    /// ``linking(_:)`` hands them over).
    public var links: WordLinks? { state.links }

    /// A quoted sentence must clear ``Settings/minimumConfidence`` by this much...
    static let quoteMargin = 0.1
    /// ...and its confidence is scaled by this, so a quote never outranks a curated answer.
    static let quoteScale = 0.75
    /// Another sentence this close to the best one makes quoting a guess (``answer(_:)``).
    static let quoteSpread = 0.03
    /// ``nearbyShare`` for a quoted sentence: its only example is itself, so it matches a
    /// question's wording less closely than a curated fact with its examples can.
    static let quotedNearbyShare = 0.85
    /// A draft fact no curator has reviewed (``Fact/isDraft``) weighs this share of its match,
    /// so that a reviewed fact matching as well comes first. Only a nudge: its examples,
    /// made by rules from the sentence, already lift it less than a curator's would (a
    /// larger cut declined questions the draft answers right).
    static let draftShare = 0.98

    /// Builds the lexicon and index; with `quoting`, an index over those sources'
    /// sentences too. Returns nil only if libstemmer is missing English.
    public init?(knowledge: KnowledgeBase, settings: Settings = Settings(), quoting texts: [SourceSentences] = []) {
        self.init(knowledge: knowledge, index: nil, settings: settings, quoting: texts)
    }

    /// The same with an index built before (read back from an ``IndexSnapshot``): its facts
    /// replace the knowledge's, which may then hold none.
    public init?(knowledge: KnowledgeBase, index: FactIndex?, settings: Settings = Settings(), quoting texts: [SourceSentences] = []) {
        self.init(knowledge: knowledge, index: index, settings: settings, quoting: texts, describingSources: true)
    }

    /// The same with the quoted sentences read back from a ``QuoteSnapshot`` instead of
    /// built from the stored copies.
    public init?(knowledge: KnowledgeBase, index: FactIndex?, settings: Settings = Settings(), quotes stored: StoredQuotes) {
        guard let parent = Answerer(knowledge: knowledge, index: index, settings: settings, quoting: [], describingSources: true) else { return nil }
        let quoted = KnowledgeBase(facts: [], sources: stored.sources, words: knowledge.words)
        guard
            let answerer = Answerer(
                knowledge: quoted, index: stored.index, settings: settings, quoting: [], describingSources: false, lexicon: parent.lexicon)
        else { return nil }
        state = parent.state.with(quotes: QuoteIndex(answerer: answerer, attributions: stored.attributions), links: nil)
    }

    /// With `describingSources`, the facts every source answers (``SourceFacts``) join the
    /// curated ones; the quoted sentences' own answerer goes without.
    /// `lexicon`, when given, is one already built from the same word lists (the quoted
    /// sentences' answerer shares its parent's rather than building a second).
    init?(
        knowledge: KnowledgeBase, index: FactIndex?, settings: Settings, quoting texts: [SourceSentences], describingSources: Bool,
        lexicon shared: Lexicon? = nil
    ) {
        guard let lexicon = shared ?? Stemmer().map({ Lexicon(words: knowledge.words, stemmer: $0) }) else { return nil }
        var knowledge = knowledge
        if let index {
            knowledge.facts = index.facts
        } else if describingSources {
            knowledge.facts += SourceFacts.facts(for: Array(knowledge.sources.values))
        }
        let index = index ?? FactIndex(facts: knowledge.facts, lexicon: lexicon)
        let wordTable = WordTable(words: index.vocabulary.words, lexicon: lexicon)
        let peopleNounKeys = Set(knowledge.words.classes.peopleNouns.map { wordTable.key(of: $0, lexicon: lexicon) })
        let outletNames = Set(knowledge.sources.values.flatMap(Self.outletWords)).filter { !$0.isEmpty }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.joined(separator: " ") < $1.joined(separator: " ")
        }
        state = State(
            knowledge: knowledge, settings: settings, index: index, lexicon: lexicon, wordTable: wordTable,
            accounts: Accounts(facts: index.facts), outletNames: outletNames, peopleNounKeys: peopleNounKeys,
            personWordKeys: peopleNounKeys.union(Self.anyone.map { wordTable.key(of: $0, lexicon: lexicon) }),
            quotes: texts.isEmpty ? nil : QuoteIndex(texts: texts, words: knowledge.words, settings: settings, lexicon: lexicon),
            links: nil)
    }

    /// The same answerer matching unknown question words through `links` (compiled by
    /// ``WordLinkCompiler`` from ``linkTargets``), in the curated facts and the quotes.
    public func linking(_ links: WordLinks?) -> Answerer {
        var copy = self
        copy.state = state.with(quotes: quotes.map { QuoteIndex(answerer: $0.answerer.linking(links), attributions: $0.attributions) }, links: links)
        return copy
    }

    /// The words WordNet links may lead to: every word and listed phrase of the facts, the
    /// word lists and the quoted sentences (not stop words or numbers), with the term each
    /// matches as; and the keys already matched exactly.
    public var linkTargets: (targets: [(word: String, key: String)], known: Set<String>) {
        var targets: [String: String] = [:]
        var known: Set<String> = []
        for table in [wordTable] + (quotes.map { [$0.answerer.wordTable] } ?? []) {
            for (word, info) in table.info.pairs where !info.isStop && !word.isEmpty && !word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                let key = info.key
                targets[word] = key
                known.insert(info.stem)
                known.insert(key)
            }
        }
        for group in knowledge.words.synonyms {
            guard let key = Lexicon.groupKey(group) else { continue }
            for member in group where member.contains(" ") { targets[member] = key }
        }
        return (targets.sorted { $0.key < $1.key }.map { (word: $0.key, key: $0.value) }, known)
    }

    /// How many stored sentences the answerer may quote.
    public var quotedSentences: Int { quotes?.answerer.index.facts.count ?? 0 }

    /// A fingerprint of everything the WordNet links of this answerer depend on (its words,
    /// and the lists that decide what they match as), cheaper to take than ``linkTargets``.
    public func linkFingerprint(seed: UInt64) -> UInt64 {
        var hash = seed
        func add(_ text: String) {
            var text = text
            hash = text.withUTF8 { Checksum.fnv64(UnsafeRawBufferPointer($0), seed: hash) }
            hash = withUnsafeBytes(of: UInt8(0)) { Checksum.fnv64($0, seed: hash) }  // a separator
        }
        for index in [index] + (quotes.map { [$0.answerer.index] } ?? []) {
            for word in index.vocabulary.words { add(word) }
            add("\u{1}")
        }
        let words = knowledge.words
        for group in words.synonyms {
            for word in group { add(word) }
            add("\u{2}")
        }
        for name in words.names { add(name) }
        for word in words.stopWords.sorted() { add(word) }
        for word in words.unlinked.sorted() { add(word) }
        return hash
    }

    /// The WordNet links to this answerer's words (``linkTargets``), compiled from `database`
    /// with the stems the answerer uses; and, marked as English (``WordLinks/englishKey(_:)``),
    /// WordNet's common words, which spelling correction never takes for one of the
    /// answerer's words ("minister" is not "ministry").
    public func compileLinks(from database: WordNetDatabase) -> [String: [WordLink]] {
        let (targets, known) = linkTargets
        var table = WordLinkCompiler(database: database, stemmer: lexicon.stemmer)
            .compile(
                targets: targets, known: known, stopWords: knowledge.words.stopWords, names: Set(lexicon.namedKeys),
                unlinked: knowledge.words.unlinked)
        // words seen in WordNet's tagged corpus (WordNet also lists rare spellings, "ukranian",
        // which are better corrected), but not irregular forms ("understood" is still
        // corrected to "understand")
        let vocabularies = [index.vocabulary] + (quotes.map { [$0.answerer.index.vocabulary] } ?? [])
        let irregular = PartOfSpeech.allCases.reduce(into: Set<String>()) { $0.formUnion(database.irregularForms($1)) }
        for partOfSpeech in PartOfSpeech.allCases {
            for lemma in database.taggedLemmas(partOfSpeech) where lemma.utf8.count >= 4 && lemma.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
                guard !irregular.contains(lemma), !vocabularies.contains(where: { $0.contains(lemma) }) else { continue }
                table[WordLinks.englishKey(lemma)] = []
            }
        }
        return table
    }

    /// Answers one question (any text; at most ``Tokenizer/maximumTokens`` words are read):
    /// from the curated facts, else (when sources have been fetched) by quoting a stored
    /// sentence that answers it, else with a decline.
    public func answer(_ question: String) -> Answer {
        let curated = answerFromFacts(question)
        guard let quotes else { return curated }
        if curated.kind == .fact { return withQuotedAccount(curated, question: question, quotes: quotes) }
        guard curated.kind == .declined, curated.fact == nil else { return curated }
        let quoted = quotes.answerer.answerFromFacts(question)
        // "dev.ua does not say which prison. It says: ...": a sentence about the very thing
        // asked, which lacks the detail asked for, says more than a plain decline
        if quoted.kind == .declined, curated.explanation.unstated == nil, let unstated = quoted.explanation.unstated,
            quoted.confidence >= settings.minimumConfidence + Self.quoteMargin, let source = quoted.source,
            let best = quoted.explanation.candidates.first, let sentence = quotes.sentence(best.factID)
        {
            var declined = quoted
            declined.text =
                "Sorry, \(source.publisher) does not say \(unstated). It says: \(Self.quotedText(sentence, attribution: quotes.attributions[sentence.id]))"
            declined.confidence = quoted.confidence * Self.quoteScale
            return declined
        }
        guard quoted.kind == .fact, quoted.confidence >= settings.minimumConfidence + Self.quoteMargin,
            var sentence = quoted.fact, var source = quoted.source
        else { return curated }
        var confidence = quoted.confidence
        // an unedited sentence is quoted only when no other sentence saying something else
        // matches about as well; of those that do, the one holding the most of the question's
        // words as typed is quoted ("monthly *salary*" over "monthly payments"), and a tie is a guess
        let rivals = Self.rivals(of: quoted, sentence: sentence, in: quotes)
        if !rivals.isEmpty {
            // as typed, or as spelling correction read it ("montly salery")
            let corrected = quoted.explanation.terms.filter { $0.correctedFrom != nil }.map(\.surface)
            let asked = typedWords(lexicon.words(question)).union(corrected)
            let tied = [(fact: sentence, confidence: confidence)] + rivals
            guard let chosen = Self.quotable(tied, asked: asked) ?? firstMention(tied, terms: quoted.explanation.terms, in: quotes),
                let chosenSource = knowledge.sources[chosen.fact.sourceID]
            else { return curated }
            (sentence, source, confidence) = (chosen.fact, chosenSource, chosen.confidence)
        }
        return Answer(
            question: question, kind: .quoted, text: Self.quotedText(sentence, attribution: quotes.attributions[sentence.id]),
            confidence: confidence * Self.quoteScale, fact: sentence, source: source,
            suggestions: [], explanation: quoted.explanation)
    }

    /// A curated answer, and after it what an article no reviewed fact is drawn from yet (none,
    /// or only drafts) says, when one of its sentences answers about as well
    /// (``quotedNearbyShare``) and surely (the margin a quote needs, and no other sentence as
    /// close): who says what, before the curator has read the new article. Not an article the
    /// answer already cites.
    func withQuotedAccount(_ curated: Answer, question: String, quotes: QuoteIndex) -> Answer {
        // (not looked up at all while every stored article has reviewed facts)
        guard curated.nearby.count < Self.nearbyShown, !state.uncuratedQuotedSources.isEmpty else { return curated }
        let quoted = quotes.answerer.answerFromFacts(question)
        // (a whole sentence: a heading, "How Zhang was captured", tells nothing)
        guard quoted.kind == .fact, let sentence = quoted.fact, let source = quoted.source, state.uncuratedQuotedSources.contains(source.id),
            curated.source?.id != source.id, !(curated.accounts + curated.nearby).contains(where: { $0.sources.contains { $0.id == source.id } }),
            let last = sentence.answer.last, ".!?\"”’'".contains(last),
            quoted.confidence >= max(settings.minimumConfidence + Self.quoteMargin, curated.confidence * Self.quotedNearbyShare),
            Self.rivals(of: quoted, sentence: sentence, in: quotes).isEmpty
        else { return curated }
        var answer = curated
        answer.nearby.append(
            Answer.Account(
                text: Self.quotedText(sentence, attribution: quotes.attributions[sentence.id]), sources: [source], factIDs: [sentence.id],
                isEarlier: false))
        return answer
    }

    /// The other sentences `quoted` found about as sure as its `sentence` (within
    /// ``quoteSpread``) that say something else: with any of them, quoting it is a guess.
    static func rivals(of quoted: Answer, sentence: Fact, in quotes: QuoteIndex) -> [(fact: Fact, confidence: Double)] {
        quoted.explanation.candidates.dropFirst().filter { $0.confidence >= quoted.confidence - quoteSpread }
            .compactMap { rival in quotes.sentence(rival.factID).map { (fact: $0, confidence: rival.confidence) } }
            .filter { $0.fact.answer != sentence.answer }
    }

    /// A stored sentence as quoted: in quotation marks, with the person it calls "he" or
    /// "she" named in brackets ("“A day later, [Volodymyr Zelensky] said ...”") and the one
    /// speaking in the first person named before it ("Zhang Renbo: “I received ...”"), as
    /// its `attribution` says.
    static func quotedText(_ sentence: Fact, attribution: SentenceReading.Attribution?) -> String {
        let quoted = "“\(attribution?.text ?? sentence.answer)”"
        return attribution?.speaker.map { "\($0): \(quoted)" } ?? quoted
    }

    /// Of sentences that match a question about as well (the best first), the one to quote:
    /// the one holding the most of the question's words as typed (`asked`), if one does;
    /// one ranked below the best only when it holds two of them at least. Nil for a tie.
    static func quotable(_ tied: [(fact: Fact, confidence: Double)], asked: Set<String>) -> (fact: Fact, confidence: Double)? {
        let counted = tied.map { (fact: $0.fact, confidence: $0.confidence, typed: typedCount(asked, in: $0.fact.answer)) }
        let most = counted.map(\.typed).max() ?? 0
        let leading = counted.filter { $0.typed == most }
        guard let chosen = leading.first, Set(leading.map(\.fact.answer)).count == 1,
            chosen.fact.id == tied.first?.fact.id || chosen.typed >= 2
        else { return nil }
        return (chosen.fact, chosen.confidence)
    }

    /// For a question that is only a name ("chai jing", "who is Chai Jing?"), of tied
    /// sentences of one article the first: a report says who someone is where it first
    /// names them ("journalist and writer Chai Jing").
    func firstMention(_ tied: [(fact: Fact, confidence: Double)], terms: [Term], in quotes: QuoteIndex) -> (fact: Fact, confidence: Double)? {
        let content = terms.filter { !$0.isWeak }
        guard !content.isEmpty, content.allSatisfy({ $0.isName || lexicon.namedKeys.contains($0.key) }),
            Set(tied.map(\.fact.sourceID)).count == 1
        else { return nil }
        return tied.min { quotes.position(of: $0.fact.id) < quotes.position(of: $1.fact.id) }
    }

    func answerFromFacts(_ question: String) -> Answer {
        let words = lexicon.words(question)
        if let kind = SmallTalk.kind(of: words, in: knowledge.words.smallTalk) { return smallTalk(kind, question: question) }
        var questionType = QuestionType.of(words)
        var terms: [Term] = []
        for term in lexicon.terms(words, vocabulary: index.vocabulary, table: wordTable, links: links) where !terms.contains(where: { $0.key == term.key }) {
            terms.append(term)
        }
        // words that only say who or where from ("the man who paid 300,000 rubles", "according
        // to Babel"), or what is set aside ("besides Douyin"), help a fact that has them and
        // cost nothing to one that lacks them
        // "the bonus in dollars": the currency asked in is not what the question is about (the
        // requested-detail check wants it in the answer)
        if let named = Self.currencyAsked(words, currencies: knowledge.words.classes.currencies, countries: isCountry) {
            let naming = Set(words[named].map(\.text))
            if terms.contains(where: { !$0.lies(within: naming) }) { terms.removeAll { $0.lies(within: naming) } }
        }
        // "per Business Insider", "could Babel verify it", "per AFP": the outlet (or the author) only says whose account
        // is asked for (its facts do not name it), unless the question is about its article
        // (and costs nothing to a fact of that outlet's article)
        let named = outletSpans(words)
        let namedSources = named.isEmpty ? [] : sourcesNamed(by: Set(named.map { words[$0].text }))
        var outletNaming: Set<String> = []
        if !named.isEmpty, !words.contains(where: { Self.articleWords.contains($0) }) {
            // a word that is also used outside the outlet's name ("... fight for Ukraine") keeps its weight
            let elsewhere = Set(words.indices.filter { !named.contains($0) }.map { words[$0].text })
            outletNaming = Set(named.map { words[$0].text }).subtracting(elsewhere)
            for position in terms.indices where terms[position].lies(within: outletNaming) {
                terms[position].isWeak = true
            }
        }
        // "which outlets covered the press conference?": the outlet noun and the verb of
        // reporting say that every outlet's account is wanted, not what it is about
        let coverage = coverageAsked(words)
        if !coverage.isEmpty {
            questionType = .any  // ("who reported ...": the outlet is in every citation)
            let asking = Set(coverage.map { words[$0].text })
            if terms.contains(where: { !$0.lies(within: asking) }) {
                for position in terms.indices where terms[position].lies(within: asking) { terms[position].isWeak = true }
            }
        }
        // "why was he *drawn* to enlisting", "what *motivated* him": a word of motive only
        // says a reason is wanted, which the type check weighs
        if questionType == .reason {
            // (the words of wanting and getting only in "hoping to obtain" and the like)
            let wanted = QuestionType.asksAGoal(words.map(\.text)) ? Self.goalWords : []
            let motive = Set(words.lazy.map(\.text).filter { Self.motiveWords.contains($0) || wanted.contains($0) })
            Self.weaken(&terms, within: motive)
        }
        Self.weaken(&terms, within: Self.identifyingWords(words).union(Self.excludedWords(words)))
        var explanation = Explanation(questionType: questionType, terms: terms)
        guard !terms.isEmpty else {
            return decline(question, explanation, suggestions: [])
        }

        // Weigh the question's terms.
        var total = 0.0
        var questionTerms: [(id: Int32, weight: Double)] = []
        var credited: [(id: Int32, weight: Double)] = []
        var names: [Int32] = []
        var heaviest: (id: Int32, weight: Double)?
        var outletCosts: [(id: Int32, cost: Double)] = []  // what the outlet's name costs, as weak terms
        for term in terms {
            if term.isWeak {
                // helps the facts that have it; costs the others a little
                guard let id = index.termID(term.key) else { continue }
                let weight = index.weight(of: id)
                total += Self.weakShare * weight
                if !outletNaming.isEmpty, term.lies(within: outletNaming) { outletCosts.append((id, Self.weakShare * weight)) }
                credited.append((id, weight))
                questionTerms.append((id, Self.weakShare * weight))  // tells apart facts whose examples use it
                continue
            }
            guard let id = index.termID(term.key) else {
                explanation.unknown.append(term.surface)
                total += ((term.isName || term.isNumber) ? Self.unknownNameWeight : settings.unknownWordWeight) * index.maximumIDF
                continue
            }
            // a WordNet link is worth less than the word itself to a fact that has the word
            // it leads to, and costs one that lacks it less than the word would (a guess at
            // the sense): halfway between its strength and the whole word
            let fullWeight = index.weight(of: id, asName: term.isName || term.isNumber)
            let strength = term.link?.strength ?? 1
            let weight = fullWeight * strength
            total += fullWeight * (1 + strength) / 2
            questionTerms.append((id, weight))
            if index.idf[Int(id)] > (heaviest?.weight ?? 0) { heaviest = (id, index.idf[Int(id)]) }
            if term.isName || term.isNumber || index.isName[Int(id)] { names.append(id) }
            credited.append((id, weight))
        }

        // First cut: coverage × type fit, for the leading facts that share a term.
        let extra = max(3, settings.suggestions)
        var focus: (id: Int32, keeps: Double)?
        if let heaviest, terms.count > 1 {
            var keeps = Self.missingFocusPenalty
            if names.contains(heaviest.id) { keeps *= 1 - (1 - Self.missingNamePenalty) * heaviest.weight / index.maximumIDF }
            focus = (heaviest.id, max(0.8, keeps))
        }
        var ranked = total > 0 ? leaders(credited, total: total, questionType: questionType, count: Self.finalists + extra, focus: focus) : []

        // Then, for the leaders only: likeness to an example question, names the fact
        // leaves out, and questions about the future or opinions, which no fact answers.
        let speculative = QuestionType.isSpeculative(words)
        // what a "which/what" question asks about, read once: its first two words here, up
        // to three for the requested-detail check
        let askedPhrase = QuestionType.askedNoun(words, stopWords: knowledge.words.stopWords, length: Self.askedPhraseLength)
        // what a "which/what X" question asks about, or a terse one's last word ("ramstein
        // meeting chair"), that no fact uses: no fact gives it
        let terse = !words.contains { QuestionType.questionWords.contains($0) } && !(words.first.map { Self.yesNoOpeners.contains($0) } ?? false)
        let askedAboutUnknown =
            askedPhrase.prefix(2).contains { explanation.unknown.contains($0.text) }
            || (terse && words.count > 1 && words.last.map { explanation.unknown.contains($0.text) } ?? false)
        let atTheArticle = Self.pointsAtTheArticle(words)
        // (not a question that is only its topic: "how is the quay" asks for anything about it)
        let asksMeans = questionType == .any && Self.asksMeans(words) && Self.onlyTopic(words, stopWords: knowledge.words.stopWords) == nil
        let cut = (ranked.first?.confidence ?? 0) * 0.6
        let finalists = min(Self.finalists, ranked.prefix { $0.confidence >= cut }.count)
        for position in ranked.indices.prefix(finalists) {
            let fact = ranked[position].fact
            let likeness = exampleLikeness(fact: fact, questionTerms: questionTerms, total: total)
            var factor = 0.8 + 0.2 * likeness
            // a fact filed under another type that states what is asked all the same ("155"
            // in a description) fits nearly as well as one of that type
            // (read only where the lift could make it answer: reading a fact's clauses is costly)
            let curated = questionType.fit(index.facts[Int(fact)].types)
            // "according to TAG24": a fact of TAG24's article has what the outlet's name asks for
            // (only what the fact does not have already: a fact that names the outlet got it)
            if !outletCosts.isEmpty, namedSources.contains(index.facts[Int(fact)].sourceID), !index.facts[Int(fact)].isAboutSource {
                let refund = outletCosts.reduce(0) { index.uses(fact: fact, term: $1.id) ? $0 : $0 + $1.cost }
                ranked[position].confidence = min(1, ranked[position].confidence + curated * refund / total)
            }
            if ranked[position].confidence * factor * Self.statedTypeFit >= settings.minimumConfidence * curated,
                let stated = statedFit(fact, questionType, curated: curated)
            {
                factor *= stated
            }
            for name in names where !index.uses(fact: fact, term: name) {
                factor *= 1 - (1 - Self.missingNamePenalty) * index.idf[Int(name)] / index.maximumIDF
            }
            // a question about the future or an opinion is lowered, unless the curator wrote
            // the fact for one and this is close to it ("How will China deal with ...?")
            if speculative,
                !(likeness >= Self.curatedLikeness
                    && exampleLikeness(fact, questionTerms, total, examplesThat: { QuestionType.isSpeculative(lexicon.words($0)) }) >= Self.curatedLikeness)
            {
                factor *= Self.speculativePenalty
            }
            if atTheArticle, !index.facts[Int(fact)].isAboutSource { factor *= Self.storyFactShare }
            // "how does Russia recruit foreigners?": a fact that says by what means fits better,
            // unless the curator wrote it for a question like this ("how were they brought in?" "in handcuffs")
            // (written for such a question: an example that asks by what means is as close, not
            // "how does the pay compare")
            if asksMeans,
                likeness < Self.curatedLikeness
                    || exampleLikeness(fact, questionTerms, total, examplesThat: { Self.asksMeans(Tokenizer.tokens($0)) }) < Self.curatedLikeness,
                !Self.statesMeans(index.facts[Int(fact)].answer)
            {
                factor *= Self.noMeansShare
            }
            if askedAboutUnknown { factor *= Self.unknownSubjectPenalty }
            if index.facts[Int(fact)].isDraft { factor *= Self.draftShare }
            if let heaviest, terms.count > 1, !index.uses(fact: fact, term: heaviest.id) { factor *= Self.missingFocusPenalty }
            ranked[position].confidence *= factor
        }
        for position in ranked.indices.dropFirst(finalists) { ranked[position].confidence *= 0.8 }
        ranked.sort(by: Candidate.before)

        let termIDs = terms.map { index.termID($0.key) }
        explanation.candidates = ranked.prefix(3).map { candidate in
            Explanation.Candidate(
                factID: index.facts[Int(candidate.fact)].id, confidence: candidate.confidence,
                // (by position: copying each whole term cost more than the rest of the explanation)
                matched: terms.indices.compactMap { termIDs[$0].map { index.uses(fact: candidate.fact, term: $0) } ?? false ? terms[$0].surface : nil })
        }

        guard let best = ranked.first, best.confidence >= settings.minimumConfidence else {
            let suggestions = ranked.prefix(settings.suggestions)
                .filter { $0.confidence >= settings.suggestionConfidence }
                .compactMap { index.facts[Int($0.fact)].questions.first }
            return decline(question, explanation, suggestions: suggestions)
        }
        // "Who wrote the article?" when there are several: each one's answer.
        if let every = everyArticle(question, ranked: ranked, terms: termIDs.compactMap { $0 }, explanation: explanation) { return every }
        // A bare topic ("russia?") that several facts answer about as well: offer them.
        if best.confidence < Self.exactMatch, ranked.count >= 3, ranked[2].confidence >= best.confidence - Self.topicSpread,
            let topic = Self.bareTopic(words, stopWords: knowledge.words.stopWords)
                // "how did he get into russia": nothing asked but the topic, once the small words are gone
                ?? (questionType == .any ? Self.onlyTopic(words, stopWords: knowledge.words.stopWords) : nil)
        {
            let offered = ranked.prefix(3).compactMap { index.facts[Int($0.fact)].questions.first }
            let list = offered.enumerated().map { "\($0 + 1)) \($1)" }.joined(separator: " ")
            return Answer(
                question: question, kind: .topics,
                text: "I can tell you several things about \(topic): \(list) (say a number, or ask)",
                confidence: best.confidence, fact: nil, source: nil, suggestions: offered, explanation: explanation)
        }

        // "what does Ukraine want from China": only names matched, and several facts match
        // them as well; which one is a guess. Offer them.
        if best.confidence < Self.exactMatch, questionType == .any, ranked.count >= 3, ranked[2].confidence >= best.confidence - Self.topicSpread,
            terms.allSatisfy({ !$0.isWeak && ($0.isName || lexicon.namedKeys.contains($0.key)) })
        {
            let suggestions = ranked.prefix(max(settings.suggestions, 1)).compactMap { index.facts[Int($0.fact)].questions.first }
            return decline(question, explanation, suggestions: suggestions)
        }
        var chosen = best
        let request = self.request(words, type: questionType, terms: terms, askedPhrase: askedPhrase)
        if let unstated = missing(request, in: best.fact) {
            // A close runner-up that states it (or a `gap` fact that says why not) answers;
            // otherwise decline, saying what the source does say. (Not for a yes or no question
            // the best fact only reports someone asking: any other fact would pass that check.)
            if unstated != request.whether,
                let next = ranked.dropFirst().prefix(3).first(where: {
                    $0.confidence >= max(settings.minimumConfidence, best.confidence * Self.runnerUpShare)
                        && missing(request, in: $0.fact) == nil
                })
            {
                chosen = next
            } else {
                let fact = index.facts[Int(best.fact)]
                let source = knowledge.source(of: fact)
                explanation.unstated = unstated
                return Answer(
                    question: question, kind: .declined,
                    text: "Sorry, \(source?.publisher ?? "my source") does not say \(unstated). It says: \(fact.answer)",
                    confidence: best.confidence, fact: nil, source: source, suggestions: [], explanation: explanation)
            }
        }
        let fact = index.facts[Int(chosen.fact)]
        if fact.types.contains(.gap) {
            let where_ = knowledge.source(of: fact).map { " (\($0.citation))" } ?? ""
            return Answer(
                question: question, kind: .declined, text: "Sorry, I don't know: \(fact.answer)\(where_)",
                confidence: chosen.confidence, fact: fact, source: nil, suggestions: [], explanation: explanation)
        }
        var answer = Answer(
            question: question, kind: .fact, text: fact.answer, confidence: chosen.confidence,
            fact: fact, source: knowledge.source(of: fact), suggestions: [], explanation: explanation)
        let group = accounts.group(of: chosen.fact)
        if let group {
            // several sources tell of this: who says what, newest first; an account about
            // someone else (it leaves out a person the question and the answer name) is not
            // one of them here, unless it names another person the question asks about ("who
            // lost his job, Zhang or Wang?": the outlets disagree on who)
            let asked = explanation.terms.filter { lexicon.peopleKeys.contains($0.key) }.compactMap { index.termID($0.key) }
            let names = asked.filter { index.uses(fact: chosen.fact, term: $0) }
            let others = asked.filter { !names.contains($0) }
            let relevant = group.filter { member in
                member == chosen.fact || names.allSatisfy { index.uses(fact: member, term: $0) }
                    || others.contains { index.uses(fact: member, term: $0) }
            }
            if relevant.count == group.count {
                answer.accounts = accountMemo.value(chosen.fact) {
                    Accounts.accounts(of: group.map { index.facts[Int($0)] }, chosen: fact.id, sources: knowledge.source(of:))
                }
            } else if relevant.count > 1 {
                answer.accounts = Accounts.accounts(of: relevant.map { index.facts[Int($0)] }, chosen: fact.id, sources: knowledge.source(of:))
            }
            // a figure the question names that a newer account changed ("were 155
            // fighting?"): the accounts giving it lead, and the newer ones follow as later
            // (or a day it names, "on April 9": that day's account leads)
            let day = Self.dayNamed(words)
            let figures = explanation.terms.filter { $0.isNumber || day.contains($0.surface) }.compactMap { index.termID($0.key) }
                .filter { index.uses(fact: chosen.fact, term: $0) }
            if !figures.isEmpty, answer.accounts.contains(where: { $0.isEarlier && $0.factIDs.contains(fact.id) }) {
                let giving = Set(
                    relevant.filter { member in figures.allSatisfy { index.uses(fact: member, term: $0) } }.map { index.facts[Int($0)].id })
                func gives(_ account: Answer.Account) -> Bool { account.factIDs.contains(where: giving.contains) }
                // (only when a current account leaves the figure out: a date both give is no changed figure)
                if answer.accounts.contains(where: { !$0.isEarlier && !gives($0) }) {
                    let lead = answer.accounts.filter { $0.isEarlier && gives($0) }.map { account in
                        var account = account
                        account.isEarlier = false
                        return account
                    }
                    let later = answer.accounts.filter { !$0.isEarlier }.map { account in
                        var account = account
                        account.isLater = true
                        return account
                    }
                    answer.accounts = lead + answer.accounts.filter { $0.isEarlier && !gives($0) } + later
                }
            }
        }
        // the account of an outlet (or author) the question names comes first ("per AFP, ...")
        if answer.accounts.count > 1, !namedSources.isEmpty {
            func isNamed(_ account: Answer.Account) -> Bool { account.sources.contains { namedSources.contains($0.id) } }
            let current = answer.accounts.filter { !$0.isEarlier }
            answer.accounts = current.filter(isNamed) + current.filter { !isNamed($0) } + answer.accounts.filter(\.isEarlier)
        }
        // other sources' facts that answer as well, unlinked: shown after it
        var shownSources = Set(answer.accounts.flatMap { $0.sources.map(\.id) } + [fact.sourceID])
        let (looked, shown, share) =
            coverage.isEmpty ? (Self.nearbyLooked, Self.nearbyShown, Self.nearbyShare) : (Self.coverageLooked, Self.coverageShown, Self.coverageShare)
        for candidate in ranked.prefix(looked) where candidate.fact != chosen.fact && answer.nearby.count < shown {
            let other = index.facts[Int(candidate.fact)]
            // a fact matching the question as well as its own examples do is not joined by one that does not
            guard candidate.confidence >= max(settings.minimumConfidence, chosen.confidence * share),
                chosen.confidence < Self.exactMatch || candidate.confidence >= Self.exactMatch,
                !shownSources.contains(other.sourceID), !other.isAboutSource, !other.types.contains(.gap),
                !(group?.contains(candidate.fact) ?? false), missing(request, in: candidate.fact) == nil,
                let source = knowledge.source(of: other)
            else { continue }
            shownSources.insert(other.sourceID)
            answer.nearby.append(Answer.Account(text: other.answer, sources: [source], factIDs: [other.id], isEarlier: false))
        }
        return answer
    }

    /// True when the curator linked the facts `a` and `b` (by id) as accounts of one thing,
    /// directly or through others.
    public func linked(_ a: String, _ b: String) -> Bool {
        guard let first = index.facts.firstIndex(where: { $0.id == a }), let second = index.facts.firstIndex(where: { $0.id == b }) else { return false }
        return accounts.linked(Int32(first), Int32(second))
    }

    /// Facts about sources this close to the best may be tied...
    static let articleTie = 0.05

    /// For a question about "the article" that several sources' facts answer alike (their
    /// author, date, headline, link): each article's answer in short, newest first, each
    /// with its citation. Tied are the facts of the same kind, as sure, that match every
    /// question term the best one does: nothing in the question tells them apart.
    func everyArticle(_ question: String, ranked: [Candidate], terms: [Int32], explanation: Explanation) -> Answer? {
        guard let best = ranked.first, case let fact = index.facts[Int(best.fact)], fact.isAboutSource,
            let aspect = SourceFacts.aspect(of: fact.id)
        else { return nil }
        let matched = terms.filter { index.uses(fact: best.fact, term: $0) }
        let tied = ranked.prefix { $0.confidence >= best.confidence - Self.articleTie }
            .filter { candidate in matched.allSatisfy { index.uses(fact: candidate.fact, term: $0) } }
            .map { index.facts[Int($0.fact)] }
            .filter { $0.isAboutSource && SourceFacts.aspect(of: $0.id) == aspect }
        guard tied.count > 1 else { return nil }
        let key = String(aspect) + "|" + tied.map(\.sourceID).sorted().joined(separator: "|")
        let parts = listingMemo.value(key) {
            SourceFacts.briefly(String(aspect), sources: tied.compactMap { knowledge.source(of: $0) }.sorted { $0.published > $1.published })
        }
        guard !parts.isEmpty else { return nil }
        var answer = Answer(
            question: question, kind: .fact, text: parts.joined(separator: " "), confidence: best.confidence,
            fact: fact, source: knowledge.source(of: fact), suggestions: [], explanation: explanation)
        answer.listing = parts
        return answer
    }

    /// A question's words as typed, the small words left out: of sentences tied on their
    /// terms, the one holding more of these ("salary", not only its synonym "pay") is quoted.
    func typedWords(_ words: [Token]) -> Set<String> { Set(words.map(\.text)).subtracting(knowledge.words.stopWords) }

    /// How many of `asked` a text holds, as written.
    static func typedCount(_ asked: Set<String>, in text: String) -> Int { asked.intersection(Tokenizer.tokens(text).map(\.text)).count }

    /// True for a word names.txt lists as a country or its people ("British").
    func isCountry(_ word: String) -> Bool { knowledge.words.nameKinds[word] == .countries }

    /// At most this many words after "who" or "according to" only identify someone.
    static let identifyingSpan = 3

    /// The words of a question that only identify who or what it is about: a relative clause
    /// inside it ("the man *who paid 300,000 rubles* ..."), "according to *Babel*".
    static func identifyingWords(_ words: [Token]) -> Set<String> {
        var found: Set<String> = []
        for (index, token) in words.enumerated() where index > 0 {
            let starts: Bool
            switch token.text {
            case "who": starts = !token.startsClause && words[index - 1].text != "of"
            case "to": starts = words[index - 1].text == "according"
            default: starts = false
            }
            guard starts else { continue }
            found.formUnion(span(of: words, after: index).map(\.text))
        }
        return found
    }

    /// The few words after `words[index]` that say who or what (at most ``identifyingSpan``),
    /// up to a new clause, an auxiliary or one of `stops`.
    static func span(of words: [Token], after index: Int, stoppingAt stops: WordSet = []) -> ArraySlice<Token> {
        words.dropFirst(index + 1).prefix(identifyingSpan).prefix { !$0.startsClause && !auxiliaries.contains($0) && !stops.contains($0) }
    }

    /// A source's outlet and author as a question names them: their words, a leading "the"
    /// dropped ("the kyiv independent" → "kyiv independent"; empty when there is no author).
    static func outletWords(_ source: Source) -> [[String]] {
        [source.publisher, source.author].map { Array(Tokenizer.tokens($0).map(\.text).drop { $0 == "the" }) }
    }

    /// The ids of the sources whose outlet or author `said` (a question's words naming them,
    /// ``outletSpans(_:)``) names in full.
    func sourcesNamed(by said: Set<String>) -> Set<String> {
        Set(knowledge.sources.values.filter { source in Self.outletWords(source).contains { !$0.isEmpty && $0.allSatisfy(said.contains) } }.map(\.id))
    }

    /// The positions of a question's words that name an outlet in full ("Business
    /// Insider", "Interfax-Ukraine", not "Ukraine" alone).
    func outletSpans(_ words: [Token]) -> Set<Int> {
        var found: Set<Int> = []
        let text = words.map(\.text)
        for name in outletNames {
            for start in text.indices where text[start...].starts(with: name) { found.formUnion(start..<(start + name.count)) }
        }
        return found
    }

    /// Makes the terms that lie within `words` weak (they help a fact that has them and cost
    /// a little to one that lacks them), unless no other term would carry the question.
    static func weaken(_ terms: inout [Term], within words: Set<String>) {
        guard !words.isEmpty, terms.contains(where: { !$0.isWeak && !$0.lies(within: words) }) else { return }
        for position in terms.indices where terms[position].lies(within: words) { terms[position].isWeak = true }
    }

    /// The words of a day a question names ("on *April 9*", "*9 April*"): a month and the
    /// day's number beside it; empty when it names none.
    static func dayNamed(_ words: [Token]) -> Set<String> {
        for at in words.indices where Self.monthNames.contains(words[at]) {
            for next in [at - 1, at + 1] where next >= 0 && next < words.count && words[next].isNumber {
                if let day = Int(words[next].text), (1...31).contains(day) { return [words[at].text, words[next].text] }
            }
        }
        return []
    }

    /// Words that ask for a motive in a "why" question ("drawn to", "lured into"); not
    /// "prompted" or "made", which a curator's examples use for a fact's own cause.
    static let motiveWords: WordSet = ["drawn", "draws", "draw", "drew", "lured", "attracted", "tempted", "motivated", "inspired"]
    /// The words of wanting and getting in a goal asked for ("hoping to obtain").
    static let goalWords = QuestionType.goalVerbs.union(QuestionType.gains)

    /// Words that make a question about an article, not the story: an outlet named in one
    /// is what it asks about ("who wrote the Babel article?").
    static let articleWords: WordSet = [
        "article", "articles", "report", "reports", "story", "piece", "headline", "title", "author", "authors", "wrote",
        "written", "writer", "published", "publish", "link", "url", "outlet", "site", "website", "journalist", "reporter",
    ]

    /// Words for the article itself, after "this".
    static let articleNouns: WordSet = ["article", "story", "piece", "report", "post", "text", "page"]

    /// True when a question asks by what means or in what way something happens ("how does
    /// Russia recruit foreigners?", "how were the orders given?"), not how much, how someone
    /// reacted or how something is described, which any statement answers.
    static func asksMeans(_ words: [Token]) -> Bool {
        guard let how = words.firstIndex(where: { $0.text == "how" }), how + 1 < words.count,
            !notMeansAfterHow.contains(words[how + 1])
        else { return false }
        return !words.dropFirst(how + 1).contains { contentVerbs.contains($0) }
    }

    /// True when a text gives a means or a way: "*through* intermediaries", "*via* ads",
    /// "*using* gestures", "*online*", "*by* paying", "*by a* recruiter". (A scan of its
    /// words, cheap enough for every leading fact.)
    static func statesMeans(_ text: String) -> Bool {
        var afterBy = false
        for token in Tokenizer.tokens(text) {
            if meansWords.contains(token) { return true }
            if afterBy, token.text.hasSuffix("ing") || token.text == "a" || token.text == "an" { return true }
            afterBy = token.text == "by"
        }
        return false
    }

    /// Words that give a means or a way.
    static let meansWords: WordSet = ["through", "via", "using", "online"]

    /// Words after "how" that ask something other than a means ("how many", "how come", "how far").
    static let notMeansAfterHow: WordSet = [
        "many", "much", "old", "long", "large", "big", "high", "come", "far", "often", "soon", "serious", "likely", "important",
        "true", "bad", "good", "well", "to",
    ]

    /// Verbs whose "how" asks what someone said, felt or thought, not by what means.
    static let contentVerbs: WordSet = [
        "react", "reacted", "reacting", "respond", "responded", "responding", "reply", "replied", "describe", "described",
        "describes", "characterise", "characterize", "characterised", "characterized", "feel", "felt", "feels", "view", "views",
        "viewed", "see", "sees", "explain", "explained", "explains", "say", "said", "says", "comment", "commented", "justify",
        "justified", "compare", "compared", "assess", "assessed", "answer", "answered", "portray", "portrayed", "call", "called",
        "refer", "referred", "treat", "treated", "think", "thought",
    ]

    /// True when the question points at the article itself: "this" ending it ("who wrote
    /// this"), before a word for the article ("this piece") or before a past participle
    /// ("when was this posted", "when was this written").
    static func pointsAtTheArticle(_ words: [Token]) -> Bool {
        words.indices.contains { index in
            guard words[index].text == "this" else { return false }
            guard index + 1 < words.count else { return true }
            let next = words[index + 1].text
            return articleNouns.contains(next) || (next.hasSuffix("ed") && next.count > 4) || next == "written"
        }
    }

    /// Words that lead a span of things a question sets aside: "*besides* Douyin, which other
    /// platforms ...", "*apart from* China", "*other than* Moscow", "*except* ...".
    static let exclusionLeads: [[String]] = [["besides"], ["apart", "from"], ["aside", "from"], ["other", "than"], ["except", "for"], ["except"]]
    /// The first words of ``exclusionLeads``.
    static let exclusionStarts = WordSet(exclusionLeads.map { $0[0] })

    /// The words a question sets aside ("besides *Douyin*"): the answer need not hold them,
    /// and must name something else of their kind (``Request/excluded``).
    static func excludedWords(_ words: [Token]) -> Set<String> {
        // (most questions set nothing aside: one look-up a word tells)
        guard words.contains(where: { exclusionStarts.contains($0) }) else { return [] }
        var found: Set<String> = []
        let text = words.map(\.text)
        var index = 0
        while index < text.count {
            guard let lead = exclusionLeads.first(where: { text[index...].starts(with: $0) }) else {
                index += 1
                continue
            }
            index += lead.count
            found.formUnion(span(of: words, after: index - 1, stoppingAt: QuestionType.questionWords).map(\.text))
        }
        return found
    }

    /// How well a fact fits a question of `type` by what its answer states, relative to how
    /// its curated types fit (so 1 when they fit as well): a figure for "how many", a date
    /// for "when", a name for "who", a quotation for "what did they say", a purpose or cause
    /// for "why" ("paid ... *to get into* the army") each fit as
    /// ``statedTypeFit``. Nil when what the answer states fits no better.
    /// `curated` is that fit when the caller has it.
    func statedFit(_ fact: Int32, _ type: QuestionType, curated: Double? = nil) -> Double? {
        let curated = curated ?? type.fit(index.facts[Int(fact)].types)
        guard curated > 0, curated < Self.statedTypeFit else { return nil }
        let clauses = details(of: fact).clauses
        let states: Bool
        switch type {
        case .number, .amount: states = clauses.contains { !$0.figures.isEmpty }
        case .date: states = clauses.contains(where: \.hasDate)
        case .person: states = clauses.contains { $0.hasPersonName || !$0.people.isEmpty }
        case .organization: states = clauses.contains(where: \.hasOrganization)
        case .quote: states = clauses.contains(where: \.hasQuote)
        case .reason: states = clauses.contains(where: \.givesReason)
        default: states = false
        }
        return states ? Self.statedTypeFit / curated : nil
    }

    /// The type fit of a fact whose answer states what a question asks for, whatever its
    /// curated types (``statedFit(_:_:)``).
    static let statedTypeFit = 0.9

    /// ``exampleLikeness(fact:questionTerms:total:only:)`` over the fact's example questions
    /// that `asks` holds for only (0 when it has none): those about the future or an opinion,
    /// those asking by what means.
    func exampleLikeness(_ fact: Int32, _ questionTerms: [(id: Int32, weight: Double)], _ total: Double, examplesThat asks: @escaping (String) -> Bool)
        -> Double
    {
        let questions = index.facts[Int(fact)].questions
        return exampleLikeness(fact: fact, questionTerms: questionTerms, total: total) { example in
            questions.indices.contains(example) && asks(questions[example])
        }
    }

    /// How closely the question resembles the fact's nearest example question: a weighted
    /// Dice coefficient over terms, from 0 (nothing shared) to 1 (the same terms).
    /// Two facts that cover a question equally are told apart by this.
    /// `only`, when given, says which examples count, by their place among the fact's.
    func exampleLikeness(
        fact: Int32, questionTerms: [(id: Int32, weight: Double)], total: Double, only: ((Int) -> Bool)? = nil
    ) -> Double {
        var best = 0.0
        let first = Int(index.factExampleStart[Int(fact)])
        for example in first..<Int(index.factExampleStart[Int(fact) + 1]) {
            if let only, !only(example - first) { continue }
            var shared = 0.0
            var exampleTotal = 0.0
            for slot in Int(index.exampleStart[example])..<Int(index.exampleStart[example + 1]) {
                let id = index.exampleTerms[slot]
                let weight = index.weight(of: id)
                exampleTotal += weight
                if questionTerms.contains(where: { $0.id == id }) { shared += weight }
            }
            let sum = total + exampleTotal
            if sum > 0 { best = max(best, min(1, 2 * shared / sum)) }  // weak words count less in the question's total
        }
        return best
    }

    private func decline(_ question: String, _ explanation: Explanation, suggestions: [String]) -> Answer {
        var text = "Sorry, I don't know that: it isn't in my sources."
        if !suggestions.isEmpty {
            text += " Did you mean: " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
        }
        return Answer(
            question: question, kind: .declined, text: text, confidence: explanation.candidates.first?.confidence ?? 0,
            fact: nil, source: nil, suggestions: suggestions, explanation: explanation)
    }

    private func smallTalk(_ kind: SmallTalk.Kind, question: String) -> Answer {
        let text: String
        switch kind {
        case .greeting: text = "Hello! Ask me about \(topics). For example: \(example)"
        case .thanks: text = "You're welcome."
        case .help: text = "Ask me a question about \(topics), e.g. \(example) I answer from curated facts and cite the source."
        case .stories:
            // newest first; a day's stories in the order sources.yaml lists them (not the dictionary's, which changes by run)
            let stories = knowledge.sources.values.sorted { ($0.published, $1.line, $1.id) > ($1.published, $0.line, $0.id) }.map { source in
                "“\(source.title.isEmpty ? source.id : source.title)” (\(source.citation))"
            }
            text = stories.isEmpty ? "I know no stories yet." : "I know about: " + stories.joined(separator: "; ") + ". Ask me about any of it, e.g. \(example)"
        }
        return Answer(
            question: question, kind: .smallTalk, text: text, confidence: 0, fact: nil, source: nil,
            suggestions: [], explanation: Explanation())
    }

    /// What the knowledge covers, from its sources' titles.
    /// What a greeting says the bot knows: the newest article's headline, and how many
    /// others there are (the full list is one question away: "what do you know about?").
    var topics: String {
        let sources = knowledge.sources.values.sorted { ($0.published, $1.id) > ($1.published, $0.id) }
        guard let newest = sources.first else { return "the news" }
        let headline = newest.title.isEmpty ? newest.citation : "\"\(newest.title)\" (\(newest.citation))"
        return sources.count == 1 ? headline : "\(headline) and \(sources.count - 1) earlier article(s) (ask \"what do you know about?\" for the list)"
    }

    private var example: String {
        knowledge.facts.first?.questions.first ?? "What happened?"
    }
}
