import Synchronization

/// What a question asks for beyond its type, and whether a fact's answer states it.
///
/// A question that asks for a kind of detail (a name, a date, which *prison*, what *X said*)
/// about something must get an answer that states a detail of that kind about that thing.
/// A fact that only mentions the thing ("two Chinese were captured in Donetsk") does not
/// answer "which prison holds them?" or "what are their names?": the answerer then declines
/// and says what its source does say. This works from the answer text alone, without a
/// `gap` fact for every question a source leaves open.
struct Request: Equatable {
    /// The kind of detail asked for.
    enum Detail: Equatable {
        /// "What are they called?", "name of the influencer", "who is the official ...": a
        /// person's name (two capitalised words, or a listed person).
        case personName
        /// "Which journalist": someone, in a fact that answers who (any name will do).
        case person
        /// "Which app", "what outlet": the name of an organisation, platform or outlet.
        case organizationName
        /// "When", "what date": a date or a time.
        case date
        /// "Where": a place (a listed place or country, a word such as "region" or "front",
        /// or a capitalised name after "in", "near", "at" or "from"), not one inside an
        /// organisation's name ("the Contact Group on the Defense *of Ukraine*").
        case place
        /// "What slogan", "which words": a quotation.
        case quote
        /// "Which *prison*", "what *email*": the answer, an example question or a keyword
        /// of the fact must use the word itself (or, for a word matched through WordNet,
        /// the word it leads to).
        case word(key: String, surface: String, linked: String?)
        /// "What *job* did he hold": any answer may say it in its own words ("worked as a
        /// firefighter"), but not one that names the job only as "his job".
        case role(key: String, surface: String)
    }

    /// What is asked for, if anything checkable.
    var detail: Detail?
    /// Terms of the question other than the asked word: what the detail must be about.
    var focus: Set<String> = []
    /// The rarest of them, and the last (most often the verb: "when were they *captured*"):
    /// a clause of a longer answer must hold one to be about what was asked.
    var rarest: String?
    var last: String?
    /// When ``last`` is a participle ("when were they *captured*"), its stem: an event, which
    /// the answer's date must be the date of.
    var lastEvent: String?
    /// Names of the question that few facts use ("Chai Jing", not "Chinese"): a detail must
    /// be stated in a clause that names them.
    var rareNames: [String] = []
    /// The term of each word of the names the question gives ("chang", "renbo"): a name asked
    /// for is someone else's.
    var nameWords: Set<String> = []
    /// The sides of the story the question names, with the words used.
    var sides: [(side: Int, surface: String)] = []
    /// Peoples in a "how many X" question's X ("how many *Ukrainians*"): the answer's
    /// figure must count them, not another nationality.
    var counted: [String] = []
    /// In "what did X say?", X's terms when X is a name: the answer must report X speaking.
    var speaker: [String] = []
    /// What a decline says when the answer does not report ``speaker`` speaking ("that
    /// according to Lin Jian"), apart from ``asked``, which another check may need.
    var speakerAsked = ""
    /// In "what did the X say?", X a noun ("the would-be soldier", "his wife"): its term,
    /// which the answer must have speaking (beside a verb of saying).
    var speakerNoun: String?
    /// "How much are they paid?", "do they get paid": what someone is paid, so not a fact
    /// in which someone pays ("he paid 300,000 rubles to join").
    var paidTo = false
    /// "How many", "how much": the answer must hold a figure...
    var needsFigure = false
    /// ...and, when the question counts something other than time, one that does not count hours or days.
    var notOnlyTime = false
    /// One end of a range ("the *minimum* age"): an answer that states only the other end
    /// ("anyone *under* 60") does not give it.
    enum Bound: Equatable { case lower, upper }
    var bound: Bound?
    /// "In dollars", "in yuan": the currency an amount is asked in, and the words and signs
    /// an answer may state it with.
    var currency: (word: String, forms: Set<String>)?
    /// Numbers the question names with what they count ("*three* types"), when that is not
    /// time: the answer's same number must not count time ("3-4 *days*").
    var namedCounts: [(number: String, words: String)] = []
    /// Names the question sets aside ("besides *Douyin*, which other platforms"), with
    /// their kind: the answer must name something else of that kind.
    var excluded: [(key: String, kind: WordLists.NameKind)] = []
    /// "Ukraine's foreign ministry", "the Russian embassy": an institution of one country or
    /// side (the owner's term, the institution's words, as asked), which an answer about
    /// another's ("China's Foreign Ministry", or its spokesman) does not speak for.
    var institution: (owner: String, words: [String], surface: String)?
    /// The figures a question asking for one names itself, each with the term of the word
    /// after it ("how many of *the six soldiers* were killed": "6 soldier"): a fact stating
    /// only these does not give the figure asked.
    var givenFigures: [String] = []
    /// "Do you *need* to speak Russian?", "how old do you *have to* be?": something required,
    /// which a fact answers only by saying what is needed, allowed or not; the words for the
    /// decline ("whether you need to speak Russian", "what is required").
    var requirement: String?
    /// "The *other four* soldiers": a group told apart from the rest by its size, which the
    /// answer must state ("six fought, two were captured" says nothing of the other four).
    var otherCount: (number: String, words: String)?
    /// "The names of the *two* prisoners", "*both* names": how many people the answer
    /// must name (1 when the question does not say).
    var namesWanted = 1
    /// "Fighting *for Ukraine*", "serving *alongside Russia*": the side someone fights on,
    /// which the answer must put them on ("Ukrainian troops fought them" is the other side).
    var fightsFor: (side: Int, surface: String)?
    /// The words for a decline: "which prison", "their names", "when", "what Xi said".
    var asked = ""

    /// "Do you need to speak Russian to join?": a yes or no question, as the decline puts
    /// it ("whether you need to speak Russian to join"). A fact that only reports someone
    /// asking it ("some asked whether not speaking Russian would be a problem") does not answer it.
    var whether: String?

    /// "Who (first) named the prisoners?": someone who named them, not the names. The
    /// answer must say who did: a name before the verb ("Zelensky later *named* them").
    var namer = false

    /// "Where is Wang from?", "which province does he come from?": where someone or
    /// something comes from, which a place they were at ("fighting in Donetsk region") is not.
    var origin = false
    /// Whose origin is asked: the people the question names, but not one it only cites
    /// ("according to Wang Guangjun, where were the others from?").
    var originOf: [(key: String, surface: String)] = []

    /// The people the question names ("Wang Guangjun's pay"), each as the question says it:
    /// an answer about none of them (its answer, examples and keywords never name them) is
    /// about someone or something else ("the pay in Russia's ads").
    var people: [(key: String, surface: String)] = []

    /// "The name of his *wife*", "the *recruiter*'s name": whose name is asked, when the
    /// question says it with a common noun. The answer (or its examples and keywords) must
    /// speak of one ("Zhang Renbo and Wang Guangjun" are no wife's name).
    var nameOf: (key: String, surface: String)?

    /// Words for people that the question uses only before another noun, as an adjective
    /// ("the *Chinese* foreign ministry spokesman"): it does not ask about them as a group,
    /// so someone who speaks may be the one asked about.
    var adjectivalPeople: Set<String> = []

    /// Nothing to check.
    var isEmpty: Bool {
        detail == nil && counted.isEmpty && speaker.isEmpty && speakerNoun == nil && people.isEmpty && sides.isEmpty && excluded.isEmpty && bound == nil
            && currency == nil && !paidTo
            && !needsFigure && namedCounts.isEmpty && otherCount == nil && whether == nil && !origin && !namer && institution == nil && requirement == nil
    }

    static func == (a: Request, b: Request) -> Bool {
        a.detail == b.detail && a.paidTo == b.paidTo && a.needsFigure == b.needsFigure && a.notOnlyTime == b.notOnlyTime && a.focus == b.focus
            && a.rarest == b.rarest && a.last == b.last && a.rareNames == b.rareNames
            && a.sides.map(\.side) == b.sides.map(\.side) && a.counted == b.counted && a.speaker == b.speaker && a.speakerNoun == b.speakerNoun
            && a.asked == b.asked
            && a.excluded.map(\.key) == b.excluded.map(\.key) && a.bound == b.bound && a.currency?.word == b.currency?.word
            && a.namedCounts.map(\.number) == b.namedCounts.map(\.number) && a.otherCount?.number == b.otherCount?.number
            && a.whether == b.whether && a.origin == b.origin && a.namer == b.namer && a.people.map(\.key) == b.people.map(\.key)
            && a.nameOf?.key == b.nameOf?.key && a.adjectivalPeople == b.adjectivalPeople
    }
}

extension Lexicon {
    /// A word as the requested-detail check compares it: its synonym group when the word
    /// lists name it, else the word without a plural ending. Not stemmed, so "prison" is not
    /// "prisoner".
    func literalKey(_ word: String) -> String {
        if let key = groupOfWord[word] { return key }
        let single = Self.singular(word)
        return groupOfWord[single] ?? single
    }

    static func singular(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") { return String(word.dropLast()) }
        return word
    }
}

extension Answerer {
    /// Longest phrase a "which/what" question is read to ask about.
    static let askedPhraseLength = 3

    /// Reads the request of a question's (expanded) words; `terms` are its terms as scored,
    /// `askedPhrase` what it asks about (``QuestionType/askedNoun(_:stopWords:length:)``,
    /// read when not given).
    func request(_ words: [Token], type: QuestionType, terms: [Term], askedPhrase: [Token]? = nil) -> Request {
        var request = Request()
        let text = words.map(\.text)
        let stop = knowledge.words.stopWords
        func termsOf(_ tokens: [Token]) -> [Term] {
            lexicon.terms(tokens, vocabulary: index.vocabulary, table: wordTable, links: links)
        }

        // "which/what X": the asked thing, its head last (as corrected, or as linked)
        let phrase = askedPhrase ?? QuestionType.askedNoun(words, stopWords: stop, length: Self.askedPhraseLength)
        // the head's term as scored (found by its word, as typed or corrected), else worked out
        var head = phrase.last.flatMap { token -> Term? in
            if token.isNumber { return nil }
            // a listed phrase ending in it ("age limit" ~ age) is the head as a whole
            return terms.first { $0.correctedFrom == token.text || $0.surface == token.text || $0.surface.hasSuffix(" " + token.text) }
                ?? termsOf([token]).first
        }
        let start = text.firstIndex { $0 == "which" || $0 == "what" }.map { text[$0] } ?? "which"
        let askedPhrase = "\(start) " + phrase.map(\.text).joined(separator: " ")

        // "who is the official ...": who someone is, by name
        let whoIs =
            text.count > 2 && text[0] == "who" && ["is", "was", "are", "were"].contains(text[1])
            && (text[2] == "the" || text[2] == "this" || text[2] == "that")
        // "which of the two prisoners ...", "which of them": one of several, by name
        let whichOf = text.indices.contains { at in
            guard text[at] == "which", at + 1 < text.count, text[at + 1] == "of" else { return false }
            let chosen = text.dropFirst(at + 2).first { $0 != "the" && $0 != "these" && $0 != "those" && !$0.allSatisfy(\.isNumber) && $0 != "two" }
            return chosen.map(knowledge.words.classes.peopleNouns.contains) ?? false
        }
        // "who named them", "who first identified the men": the one who did, by name
        let verbAt = text.count > 2 && (text[1].hasSuffix("ly") || text[1] == "first") ? 2 : 1
        if text.count > verbAt + 1, text[0] == "who", Self.namingVerbs.contains(text[verbAt]) {
            request.detail = .person
            request.namer = true
            request.asked = "who " + text[verbAt] + " them"
            head = nil
        } else if let body = whoWithin(text) {
            // "who in the Kremlin denied it": someone there, by name (not "the Kremlin denied it")
            request.detail = .personName
            request.asked = "who \(body)"
            head = nil
        } else if whichOf, !words.contains(where: knowledge.words.classes.organisationNouns.contains) {
            request.detail = .personName
            request.asked = "which of them"
            head = nil
        } else if words.contains(where: Self.nameWords.contains) || whoIs || calledAsk(text) {
            let organization = words.contains(where: knowledge.words.classes.organisationNouns.contains)
            request.detail = organization ? .organizationName : .personName
            request.asked = organization ? "its name" : "their names"
            // "the names of (the) two ...", "both names": not a "2" elsewhere ("captured on 2 April")
            if !organization, text.contains("names"),
                text.contains("both") || text.indices.contains(where: { $0 > 0 && text[$0] == "2" && ["the", "of"].contains(text[$0 - 1]) })
            {
                request.namesWanted = 2
            }
            if !organization, let owner = nameOwner(words, terms: terms) {
                let term = terms.first { $0.surface == owner.text || $0.correctedFrom == owner.text }
                if !(term?.isName ?? false), !(term.map { lexicon.peopleKeys.contains($0.key) } ?? false), !(term?.isWeak ?? false) {
                    let surface = term?.surface ?? owner.text
                    request.nameOf = (lexicon.literalKey(surface), owner.text)
                    // (one of them by a noun: "the blogger's name"; several keep "their names")
                    if Lexicon.singular(owner.text) == owner.text, request.namesWanted < 2 { request.asked = "the name of the \(owner.text)" }
                }
            }
            head = nil
        } else if type == .date {
            request.detail = .date
            request.asked = head.map { QuestionType.nounTypes[$0.surface] == .date ? "the \($0.surface)" : "when" } ?? "when"
            head = nil
        } else if type == .place, text.contains("where"), !words.contains(where: Self.sourcingVerbs.contains) {
            request.detail = .place
            request.asked = "where"
            head = nil
        } else if let asked = head, knowledge.words.classes.outletNouns.contains(asked.surface) {
            // "which outlet reported ...": every answer names its outlet in its citation
            head = nil
        } else if let asked = head, knowledge.words.classes.roleNouns.contains(asked.surface) {
            // "what is Zaporozhets's job": a role, said in words no check can list; but
            // "he lost his job" does not say which
            request.detail = .role(key: lexicon.literalKey(asked.surface), surface: asked.surface)
            request.asked = askedPhrase
            head = nil
        } else if let asked = head {
            switch QuestionType.nounTypes[asked.surface] {
            case .person?: request.detail = .person
            case .organization?: request.detail = .organizationName
            case .quote?: request.detail = .quote
            case nil:
                if !Self.vagueNouns.contains(asked.surface), !stop.contains(asked.surface), !asked.isWeak, !asked.surface.utf8.contains(32) {
                    // a broader word does not say which one of the narrower kind asked ("which rank" is no "line")
                    let linked = asked.link.flatMap { $0.kind == .narrower ? nil : $0.key }
                    request.detail = .word(key: lexicon.literalKey(asked.surface), surface: asked.surface, linked: linked)
                }
            default: break
            }
            if request.detail != nil { request.asked = askedPhrase }
        }

        for term in terms {
            if let side = lexicon.sideOfKey[term.key], !request.sides.contains(where: { $0.side == side }) { request.sides.append((side, term.surface)) }
        }
        // "fighting for Ukraine": a verb of fighting, then "for" or "alongside" the side
        for (at, token) in words.enumerated() where at >= 2 && Self.onTheSideOf.contains(words[at - 1]) {
            guard words[..<(at - 1)].suffix(4).contains(where: { Self.fightingWords.contains($0) }),
                let side = termsOf([token]).first.flatMap({ lexicon.sideOfKey[$0.key] })
            else { continue }
            request.fightsFor = (side, token.text)
            break
        }
        // "in the Ukrainian army", "joined Russia's forces": a side's forces that someone is in
        if request.fightsFor == nil {
            for (at, token) in words.enumerated() where Self.forcesFollow(words, at: at) {
                let before = text[max(0, at - 3)..<at]
                guard before.contains(where: { Self.forceMarkers.contains($0) || Self.sideMarkers.contains($0) || Self.fightingWords.contains($0) }),
                    let side = termsOf([token]).first.flatMap({ lexicon.sideOfKey[$0.key] })
                else { continue }
                request.fightsFor = (side, token.text)
                break
            }
        }

        // "how many X": the peoples in X
        if let many = text.indices.first(where: { text[$0] == "how" && $0 + 1 < text.count && text[$0 + 1] == "many" }) {
            let counted = words.dropFirst(many + 2).prefix { !stop.contains($0) }.prefix(3)
            let countedTerms = terms.filter { term in counted.contains { term.surface == $0.text || term.correctedFrom == $0.text } }
            request.counted = countedTerms.filter { lexicon.countryKeys.contains($0.key) || lexicon.sideOfKey[$0.key] != nil }.map(\.key)
            if !request.counted.isEmpty, request.asked.isEmpty { request.asked = "how many " + counted.map(\.text).joined(separator: " ") }
        }

        // "how many", "how much", "how long", "how old": a figure; "how many journalists" is
        // not "two hours", and "how long" is not a date (but "how long after arriving" asks
        // the gap between two events, which their dates give)
        if let how = text.indices.first(where: { text[$0] == "how" && $0 + 1 < text.count && Self.figureAsked.contains(text[$0 + 1]) }),
            text[how + 1] != "long" || how + 2 >= text.count || !Self.betweenEvents.contains(text[how + 2])
        {
            request.needsFigure = true
            if request.asked.isEmpty { request.asked = "how " + text[how + 1] }
            if text[how + 1] == "many", how + 2 < text.count, !Self.timeUnits.contains(lexicon.stemmer.stem(text[how + 2])) {
                request.notOnlyTime = true
            }
        }

        // "troop numbers?", "the latest count", "number of journalists": a figure asked for by
        // name (not "the 155 figure", which names one, nor "numbers of", "a number of" or "the idea that significant numbers
        // ...", a quantity in words or a claim quoted)
        if !request.needsFigure,
            let at = text.indices.first(where: { Self.figureNouns.contains(text[$0]) }),
            at + 1 >= text.count || text[at + 1] != "of"
                || !(text[at].hasSuffix("s") || (at > 0 && Self.quantityWords.contains(text[at - 1])) || !Self.countsMany(text, after: at + 1)),
            at == 0 || !words[at - 1].isNumber,
            !text[..<at].contains("that")
        {
            request.needsFigure = true
            if request.asked.isEmpty { request.asked = "the " + text[at] }
            // "the number of journalists" is not "two hours"
            if at + 2 < text.count, text[at + 1] == "of", !Self.timeUnits.contains(lexicon.stemmer.stem(text[at + 2])) { request.notOnlyTime = true }
        }

        // "according to X", X a person (not an outlet or a source's author, whose citation says so itself, nor a
        // country or city standing for its government): the answer must report X speaking
        if let according = text.indices.first(where: { text[$0] == "according" && $0 + 1 < text.count && text[$0 + 1] == "to" }) {
            let named = Self.span(of: words, after: according + 1)
            let speakerTerms = termsOf(Array(named).filter { !stop.contains($0) })
            let outlets = Set(outletNames.joined())  // and their authors: the citation names them too
            if !speakerTerms.isEmpty, speakerTerms.allSatisfy({ $0.isName || lexicon.namedKeys.contains($0.key) }),
                !named.contains(where: { outlets.contains($0.text) || isPlaceLike($0.text) })
            {
                request.speaker = speakerTerms.map(\.key)
                request.speakerAsked = "that according to " + Self.shown(Array(named))
                if request.asked.isEmpty { request.asked = request.speakerAsked }
            }
        }

        // "what did X say", "how did X react": X, when it is a name (not "what is the name
        // of the spokesman who denied it": that asks the name)
        if request.detail != .personName, request.detail != .organizationName,
            let first = text.firstIndex(where: { $0 == "what" || $0 == "how" }), first + 2 < text.count,
            Self.auxiliaries.contains(text[first + 1]),
            let verb = text.indices.dropFirst(first + 2).first(where: { Self.speechWords.contains(text[$0]) }),
            // ("what is the Chinese TikTok called" asks its name)
            !(["call", "called", "calls"].contains(text[verb]) && ["is", "are", "was", "were"].contains(text[first + 1]))
        {
            let speaker = Array(words[(first + 2)..<verb]).filter { !stop.contains($0) }
            let speakerTerms = termsOf(speaker)
            if !speakerTerms.isEmpty, speakerTerms.allSatisfy({ $0.isName || lexicon.namedKeys.contains($0.key) }) {
                request.speaker = speakerTerms.map(\.key)
                request.asked = "what " + Self.shown(speaker) + " said"
                request.speakerAsked = request.asked
            } else if !["according", "call", "called", "calls"].contains(text[verb]), speaker.count <= 3, let head = speakerTerms.last(where: { !$0.isWeak }),
                let last = speaker.last,
                head.surface == last.text || head.correctedFrom == last.text, !head.isName, !lexicon.namedKeys.contains(head.key),
                !knowledge.words.classes.outletNouns.contains(last), !Self.notSpeakers.contains(last)
            {
                // "what did the would-be soldier say": someone by a noun, who must be the one speaking
                // ("what is his wife called" asks a name, "according to" is the question above)
                request.speakerNoun = head.key
                let owned = speakerTerms.first.map { lexicon.peopleKeys.contains($0.key) } ?? false  // "wangs wife"
                request.asked = "what " + (owned ? "" : "the ") + Self.shown(speaker) + " said"
            }
        }
        // "besides Douyin, which other platforms": something other than Douyin, of its kind
        let setAside = Self.excludedWords(words)
        if !setAside.isEmpty {
            for term in terms where term.lies(within: setAside) {
                guard let kind = knowledge.words.nameKinds[term.correctedFrom ?? term.surface] ?? knowledge.words.nameKinds[term.surface] else { continue }
                request.excluded.append((term.key, kind))
            }
            if !request.excluded.isEmpty, request.asked.isEmpty {
                let after = words.map(\.text).drop { !["which", "what", "who"].contains($0) }.prefix(Self.askedPhraseLength + 1)
                request.asked = after.isEmpty ? "any other" : after.joined(separator: " ")
            }
        }
        // "the bonus in dollars": that currency
        if let named = Self.currencyAsked(words, currencies: knowledge.words.classes.currencies, countries: isCountry) {
            request.currency = (text[named.upperBound], Self.currencyForms(text[named.upperBound]))
        }
        // "what three types of videos": a number named, counting something other than time
        // ("the two Chinese men" only says who)
        for (index, word) in words.enumerated() where word.isNumber && index + 1 < words.count && !["of", "and", "or", "to"].contains(words[index + 1].text) {
            if index > 0, Self.identifyingDeterminers.contains(words[index - 1]) { continue }
            let next = words[index + 1].text
            guard !Self.monthNames.contains(next), !Self.timeUnits.contains(lexicon.stemmer.stem(next)), word.text.utf8.count < 4 else { continue }
            let typed = index < text.count ? text[index] : word.text
            request.namedCounts.append((word.text, typed + " " + next))
        }
        // "the other four soldiers": that many, stated
        if let other = text.indices.first(where: { text[$0] == "other" && $0 + 1 < words.count && words[$0 + 1].isNumber }) {
            request.otherCount = (words[other + 1].text, "anything about the other " + text[(other + 1)...].prefix(2).joined(separator: " "))
            if request.asked.isEmpty { request.asked = request.otherCount!.words }
        }
        // "the minimum age", "max pay": one end of a range
        let lower = words.contains(where: Self.lowerBoundAsked.contains)
        let upper = words.contains(where: Self.upperBoundAsked.contains)
        if lower != upper {
            request.bound = lower ? .lower : .upper
            if request.asked.isEmpty { request.asked = lower ? "the lowest" : "the highest" }
        }
        if request.needsFigure { request.givenFigures = figuresCounting(words) }
        // "how much are they paid", "r they paid", "get paid": paid to someone
        if let paid = text.firstIndex(of: "paid"), paid > 0,
            text[max(0, paid - 3)..<paid].contains(where: Self.passiveMarkers.contains)
        {
            request.paidTo = true
            if request.asked.isEmpty { request.asked = "what they are paid" }
        }
        // "how much does Russia pay recruits", "what does Moscow's army hand Chinese enlistees":
        // a side or its forces paying someone (not "how much did Wang pay the recruiter")
        if !request.paidTo, let verb = words.indices.first(where: { Self.givingVerbs.contains(words[$0]) }), verb + 1 < text.count,
            !stop.contains(text[verb + 1]) || Self.objectOpeners.contains(text[verb + 1]),  // "pay the Chinese", "pay them"; not "pay to join"
            let auxiliary = text[..<verb].lastIndex(where: Self.auxiliaries.contains)
        {
            let payer = text[(auxiliary + 1)..<verb]
            if payer.contains(where: { Self.forceWords.contains($0) || lexicon.sideOfKey[wordTable.key(of: $0, lexicon: lexicon)] != nil }) {
                request.paidTo = true
                if request.asked.isEmpty { request.asked = "what they are paid" }
            }
        }
        // where from: a place asked for, and "from" closing the question or "come(s) from"
        if type == .place, Self.asksWhereFrom(text) {
            request.origin = true
            if request.asked.isEmpty || request.asked == "where" { request.asked = phrase.isEmpty ? "where they come from" : askedPhrase }
        }
        let peopleNouns = knowledge.words.classes.peopleNouns
        // (before a noun: not a small word, nor a verb that goes on about them, "the sailors *rescued*",
        // nor another people word, "the Chinese *soldiers*")
        let beforeNoun = { (at: Int) in
            at + 1 < text.count && !stop.contains(text[at + 1]) && !QuestionType.looksLikeVerb(text[at + 1]) && !peopleNouns.contains(text[at + 1])
        }
        let people = text.indices.filter { peopleNouns.contains(text[$0]) }
        func key(_ at: Int) -> String { wordTable.key(of: text[at], lexicon: lexicon) }
        request.adjectivalPeople = Set(people.filter(beforeNoun).map(key)).subtracting(people.filter { !beforeNoun($0) }.map(key))
        // the people it names, by a listed name
        request.people = terms.filter { lexicon.peopleKeys.contains($0.key) }.map { ($0.key, $0.surface) }
        if let owned = institutionsOwned(words).first {
            request.institution = (owned.owner, owned.words, Self.shown(Array(words[owned.span])))
        }
        if request.origin {
            // whose origin: the people named, but not one only cited ("according to Wang")
            request.originOf = request.people.filter { !request.speaker.contains($0.key) }
            if let person = request.originOf.first, request.asked == "where they come from" {
                request.asked = "where " + person.surface.split(separator: " ").map { String($0).capitalizedFirst }.joined(separator: " ") + " comes from"
            }
        }
        if let first = text.first, Self.yesNoOpeners.contains(first), text.count > 2 {
            request.whether = "whether " + Self.shown(Array(words.dropFirst()))
            // "do you need to speak Russian?", "must recruits have served?": a requirement
            if Self.asksRequirement(words) { request.requirement = request.whether }
        } else if Self.asksRequirement(words) {
            // "how old do you have to be?", "what do you need to join?" (of anyone, not "what did Wang have to pay")
            request.requirement = "what is required"
        }
        guard !request.isEmpty else { return request }

        // what the detail must be about: the other terms, the rarest of them, rare names
        let focusTerms = terms.filter { !$0.isWeak && $0.key != head?.key }
        request.focus = Set(focusTerms.map(\.key))
        // (each word of a name the question gives, as an answer's clause reads names: "Chang
        // Renbo" is the phrase's term, and "chang" and "renbo" each)
        // (weak ones too: "the recruiter who promised Chang Renbo a job" names him only to say which recruiter)
        request.nameWords = Set(
            terms.filter { $0.isName || lexicon.peopleKeys.contains($0.key) }.flatMap { term in
                term.surface.split(separator: " ").map { wordTable.key(of: String($0), lexicon: lexicon) }
            })
        var rarest: (key: String, idf: Double)?
        for term in focusTerms {
            guard let id = index.termID(term.key) else { continue }
            let idf = index.idf[Int(id)]
            if idf > (rarest?.idf ?? 0) { rarest = (term.key, idf) }
            if term.isName || lexicon.namedKeys.contains(term.key), index.postingCount(id) <= max(2, index.facts.count / 4) {
                request.rareNames.append(term.key)
            }
        }
        request.rarest = rarest?.key
        let last = focusTerms.last { index.termID($0.key) != nil }
        request.last = last?.key
        request.lastEvent = last.flatMap { SentenceReading.isParticiple($0.surface) ? lexicon.stemmer.stem($0.surface) : nil }
        return request
    }

    /// Whether fact `position` states what `request` asks for: nil when it does (or
    /// there is nothing to check), else the words for the decline.
    func missing(_ request: Request, in position: Int32) -> String? {
        guard !request.isEmpty else { return nil }
        let fact = index.facts[Int(position)]
        if fact.types.contains(.gap) || fact.isAboutSource { return nil }  // a source's facts state exactly their field
        // the answer's words, read once for the checks below that need them
        lazy var answerWords = lexicon.words(fact.answer)
        // (unless the curator's examples ask it: "Which province did someone want to join from?",
        // of the person asked about, if the question names one)
        if request.origin {
            let person = request.originOf.flatMap { $0.surface.split(separator: " ").map(String.init) }
            let asked = fact.questions.contains { example in
                let words = Tokenizer.tokens(example).map(\.text)
                return Self.asksWhereFrom(words) && (person.isEmpty || words.contains(where: person.contains))
            }
            if !asked, !Self.statesOrigin(fact.answer, of: person, peopleNouns: knowledge.words.classes.peopleNouns) { return request.asked }
        }
        if let whether = request.whether, !literalWords(of: position).isDisjoint(with: Self.askingVerbs),
            onlyReportsAsking(request.focus, in: fact.answer)
        {
            return whether
        }
        if request.namer, !Self.statesNamer(fact.answer) { return request.asked }
        // a requirement is answered by a fact that says what is needed, allowed or not (or
        // one the curator wrote for such a question), not by one that only mentions the thing
        if let requirement = request.requirement,
            !answerWords.contains(where: Self.requirementWords.contains),
            !fact.questions.contains(where: { Self.asksRequirement(Tokenizer.tokens($0)) })
        {
            return requirement
        }
        // for a quoted sentence, whom its "he" or "she" stands for (``Fact/context``), read once here
        let context = contextKeys(of: fact)
        // the clauses are read only when a check needs them (remembered per fact)
        func stated(_ has: (AnswerDetails.Clause) -> Bool) -> Bool {
            let whole = details(of: position)
            // a clause naming no one goes on about the one before it ("Wang said he arrived ...
            // and signed ..."): the names before it count for it too, and for a quoted
            // sentence, the names of whom its "he" is
            var named = context
            for clause in whole.clauses {
                if clause.hasCapitalisedName { named = clause.terms.union(context) } else { named.formUnion(clause.terms) }
                if has(clause) && attached(clause, request, whole: whole, named: named) { return true }
            }
            return false
        }
        // about none of the people the question names
        // (one only cited, "according to Mira Holt", is the speaker check's to name)
        if let person = request.people.first(where: { !request.speaker.contains($0.key) }),
            !request.people.contains(where: { index.termID($0.key).map { index.uses(fact: position, term: $0) } ?? false })
        {
            return "that about " + person.surface.split(separator: " ").map { String($0).capitalizedFirst }.joined(separator: " ")
        }
        if let owner = request.nameOf, !literalWords(of: position).contains(owner.key) { return "the name of the " + owner.surface }
        switch request.detail {
        case .personName?:
            // someone the question does not name already ("the name of Wang's wife" is not Wang)
            let named = request.focus.union(request.rareNames).union(request.nameWords)
            // nor someone who only reports on them: when the clause speaks of the people asked
            // about by a noun ("Zelensky said two *Chinese* citizens were captured"), its
            // speakers are not their names
            let people = peopleNounKeys.intersection(request.focus).subtracting(request.adjectivalPeople)
            func names(_ clause: AnswerDetails.Clause) -> Set<String> {
                let names = clause.personNames.subtracting(Self.titleKeys)
                return people.isDisjoint(with: clause.terms) ? names : names.subtracting(clause.speakers)
            }
            if !stated({ $0.hasPersonName && !names($0).isSubset(of: named) }) { return request.asked }
            if request.namesWanted > 1, details(of: position).clauses.reduce(into: Set<String>(), { $0.formUnion($1.people) }).count < request.namesWanted {
                return request.asked
            }
        case .person?: if !stated(\.hasCapitalisedName) { return request.asked }
        case .organizationName?: if !stated(\.hasOrganization) { return request.asked }
        case .date?:
            if !stated(\.hasDate) { return request.asked }
            // "when was he captured?" is not answered by the date of something else said of
            // "the other *captured* man" ("was born in 1998"): the verb asked must be an event
            // of the answer, not only a word describing someone
            if let verb = request.last, let stem = request.lastEvent, onlyDescribesWith(verb, stem: stem, position, answerWords) { return request.asked }
        case .place?:
            // a place, or an event the question does not ask about ("at the meeting" says where
            // Zelensky spoke, not where the meeting was held)
            let clauses = details(of: position).clauses
            if !clauses.contains(where: { $0.hasPlace || !$0.events.isSubset(of: request.focus) }) { return request.asked }
        case .quote?: if !details(of: position).clauses.contains(where: \.hasQuote) { return request.asked }
        case .word(let key, let surface, let linked)?:
            // "from which other nation": a country (or a side) the answer names says which
            let uses = { (key: String) in index.termID(key).map { index.uses(fact: position, term: $0) } ?? false }
            if Self.countryNouns.contains(surface), lexicon.countryKeys.contains(where: uses) || lexicon.sideOfKey.keys.contains(where: uses) { break }
            // "what rank": a title of rank says which ("Lieutenant Colonel Dmytro Zaporozhets")
            if surface == "rank", answerWords.contains(where: { $0.capitalised && Self.rankTitles.contains($0) }) { break }
            let viaLink = linked.flatMap(index.termID).map { index.uses(fact: position, term: $0) } ?? false
            if !viaLink, !literalWords(of: position).contains(key) { return request.asked }
            // "which unit" is not answered by "Russian units" in general, unless the curator's
            // examples say it is
            if !viaLink, Lexicon.singular(surface) == surface, !askedInExamples(of: position).contains(key),
                !namesAnInstance(of: key, in: index.facts[Int(position)].answer)
            {
                return request.asked
            }
        case .role(let key, _)?:
            if !statesRole(key, in: index.facts[Int(position)].answer) { return request.asked }
        case nil: break
        }
        if request.needsFigure {
            let figures = details(of: position).clauses.flatMap(\.figures)
            if figures.isEmpty { return request.asked }
            // "how many of the six soldiers were killed": a fact whose only figures are the
            // ones the question gives ("fought six soldiers") does not count what is asked
            // (a figure and what it counts: "two hours" is not "the two prisoners")
            if !request.givenFigures.isEmpty {
                let stated = answerWords
                let figures = figuresCounting(stated)
                // (a figure in words, "a week", is not one the question gives)
                let inWords = stated.indices.contains { at in
                    Self.countWords.contains(stated[at])
                        || (Self.singleWords.contains(stated[at]) && at + 1 < stated.count && Self.durationUnits.contains(stated[at + 1]))
                }
                if !figures.isEmpty, !inWords, figures.allSatisfy(request.givenFigures.contains) {
                    return request.asked
                }
            }
            // every figure counts time ("for two hours") and the question counts something else
            if request.notOnlyTime, figures.allSatisfy({ !$0.isDisjoint(with: Self.timeUnits) }) { return request.asked }
        }
        if !request.counted.isEmpty {
            let counts = details(of: position).clauses.flatMap(\.figures)
            guard counts.contains(where: { figure in request.counted.allSatisfy(figure.contains) }) else { return request.asked }
        }
        if !request.speaker.isEmpty {
            // (a quoted sentence's "she said" is said by whom its "she" is)
            guard
                details(of: position).clauses.contains(where: { clause in
                    // (only names the sentence does not give itself: in "He said Tom Hale was held" the "he" speaks)
                    request.speaker.contains {
                        clause.speakers.contains($0) || (!clause.speakerWords.isEmpty && context.contains($0) && !clause.terms.contains($0))
                    }
                })
            else {
                return request.speakerAsked.isEmpty ? request.asked : request.speakerAsked
            }
        }
        // (or the curator's examples ask what they say: "What do the recruiting messages tell men?")
        // ("the Chinese man" may be "the Chinese POW": one word for people speaks for another)
        if let noun = request.speakerNoun {
            let either = personWordKeys.contains(noun) ? personWordKeys : [noun]
            if !details(of: position).clauses.contains(where: { !$0.speakerWords.isDisjoint(with: either) }), !speakingInExamples(of: position).contains(noun) {
                return request.asked
            }
        }
        if !request.excluded.isEmpty, !namesAnother(request.excluded, in: index.facts[Int(position)].answer) { return request.asked }
        if let currency = request.currency {
            let answer = index.facts[Int(position)].answer
            let words = Set(Tokenizer.tokens(answer).map(\.text))
            if words.isDisjoint(with: currency.forms) && !currency.forms.contains(where: { $0.count == 1 && answer.contains($0) }) {
                return "the amount in " + currency.word
            }
        }
        if !request.namedCounts.isEmpty || request.otherCount != nil {
            let numbers = knowledge.words.classes.numberWords
            let tokens = Tokenizer.tokens(index.facts[Int(position)].answer).map { numbers[$0.text] ?? $0.text }
            // "what three types": not the same number counting time ("3-4 days")
            for count in request.namedCounts {
                let places = timeCounts(of: count.number, in: tokens)
                if !places.isEmpty, !places.contains(false) { return count.words }
            }
            // "the other four": that number, counting something other than time ("3-4 days" is no group of four)
            if let other = request.otherCount, !timeCounts(of: other.number, in: tokens).contains(false) { return other.words }
        }
        if let bound = request.bound {
            let words = Set(Tokenizer.tokens(index.facts[Int(position)].answer).map(\.text))
            let statesLower = !words.isDisjoint(with: Self.lowerBoundStated)
            let statesUpper = !words.isDisjoint(with: Self.upperBoundStated)
            if bound == .lower ? (statesUpper && !statesLower) : (statesLower && !statesUpper) { return request.asked }
        }
        // the other side: the question names one side of the story and the answer only the
        // other ("on Ukraine's side" is not answered with Russia's forces)
        if request.paidTo, Self.paysSomeone(index.facts[Int(position)].answer) { return request.asked.isEmpty ? "what they are paid" : request.asked }
        // fighting for a side: not answered by someone fighting for the other, nor by the side's own troops fighting them
        if let side = request.fightsFor {
            let taken = Self.sidesTaken(in: index.facts[Int(position)].answer, lexicon: lexicon)
            if !taken.placed.contains(side.side), taken.opposing.contains(side.side) || !taken.placed.isEmpty {
                // (the side by its name, "Ukraine", as its list gives it first; not "Ukrainian")
                let sides = knowledge.words.sides
                let name = (side.side < sides.count ? sides[side.side].first : nil).map { String($0).capitalizedFirst } ?? side.surface.capitalizedFirst
                if request.asked.isEmpty { return "that anyone fights for \(name)" }
                guard request.asked == "how many" || request.asked.hasPrefix("how many ") else { return request.asked }
                let fights = request.asked.split(separator: " ").contains { Self.fightingWords.contains(String($0)) }
                return "\(request.asked) \(fights ? "" : "fight ")for \(name)"
            }
        }
        // another country's institution ("China's Foreign Ministry" for Ukraine's)
        if let asked = request.institution {
            // (the same institution, or its spokesman: "China's Foreign Ministry spokesman" for "Russia's foreign ministry")
            let owners = institutionsOwned(answerWords).filter { $0.words.contains(where: asked.words.contains) }.map(\.owner)
            if !owners.isEmpty, !owners.contains(asked.owner) { return request.asked.isEmpty ? "anything about " + asked.surface : request.asked }
        }
        if !request.sides.isEmpty {
            var stated: Set<Int> = []
            for clause in details(of: position).clauses { for term in clause.terms { if let side = lexicon.sideOfKey[term] { stated.insert(side) } } }
            let asked = Set(request.sides.map(\.side))
            // (the other side named only as a place, "fight in Ukraine", "the Defense of Ukraine",
            // says nothing of whose side; the side asked about counts wherever it is named)
            if let absent = request.sides.first(where: { !stated.contains($0.side) }), !stated.subtracting(asked).isEmpty,
                !Self.sidesNotOnlyPlaces(in: index.facts[Int(position)].answer, lexicon: lexicon, among: stated.subtracting(asked)).isEmpty
            {
                return "that about \(absent.surface.capitalizedFirst)"
            }
        }
        return nil
    }

    /// Of `sides`, those `answer` names otherwise than as a place: not only right after "in",
    /// "to", "from", "of" and the like ("fight in Ukraine", "the Defense of Ukraine"), unless
    /// a possessive or its forces follow ("in Ukraine's army", "to Russian units"), and not
    /// "the side of Russia".
    static func sidesNotOnlyPlaces(in answer: String, lexicon: Lexicon, among sides: Set<Int>) -> Set<Int> {
        let (raw, tokens, sideAt) = sideWords(in: answer, lexicon: lexicon)
        var named: Set<Int> = []
        for at in tokens.indices {
            guard let side = sideAt[at], sides.contains(side), !named.contains(side) else { continue }
            // (a country's or city's name, not a people's word: "Ukrainian", "Russians")
            let asPlace =
                at > 0 && placeOfSide.contains(tokens[at - 1]) && !raw[at].hasSuffix("'s") && !Self.isPeoplesWord(tokens[at])
                && !(tokens[at - 1] == "to" && at > 1 && tokens[at - 2] == "according")
                && !isSideOf(tokens, at: at) && !forcesFollow(tokens, at: at)
            if !asPlace { named.insert(side) }
        }
        return named
    }

    /// An answer's words as written, the same with apostrophes dropped ("russias"), and the
    /// side each names, if any: what ``sidesTaken(in:lexicon:)`` and
    /// ``sidesNotOnlyPlaces(in:lexicon:among:)`` read.
    static func sideWords(in answer: String, lexicon: Lexicon) -> (raw: [String], tokens: [String], sides: [Int?]) {
        let raw = Tokenizer.tokens(answer).map(\.text)
        let tokens = raw.map(Lexicon.dropApostrophes)
        return (raw, tokens, tokens.map { lexicon.terms(of: $0).first.flatMap { lexicon.sideOfKey[$0.key] } })
    }

    /// "the side *of* Russia": the side's word after "of", with "side" a few words before.
    static func isSideOf(_ tokens: [String], at: Int) -> Bool {
        at >= 2 && tokens[at - 1] == "of" && tokens[max(0, at - 4)..<(at - 1)].contains("side")
    }

    /// The side's forces right after its word: "Russian *units*", "Ukraine's *army*".
    static func forcesFollow(_ tokens: [String], at: Int) -> Bool {
        tokens[(at + 1)...].prefix(2).contains(where: forceWords.contains)
    }
    /// The same for a question's tokens, looked up by the hash they keep.
    static func forcesFollow(_ words: [Token], at: Int) -> Bool {
        (at + 1..<min(at + 3, words.count)).contains { forceWords.contains(words[$0]) }
    }

    /// True for a word for a people or what is theirs ("Ukrainian", "Russians", "Chinese",
    /// "Northlanders"), not the name of a place. (Read only of the words the lists give a side.)
    static func isPeoplesWord(_ word: String) -> Bool {
        ["an", "ans", "ese", "ish", "er", "ers"].contains { word.hasSuffix($0) }
    }

    /// Prepositions after which a side's name is a place ("in Ukraine", "of Ukraine").
    static let placeOfSide = placePrepositions.union(["of", "across", "inside"])

    /// Words for a country ("which *nation*"; "country" is a place type, read apart): a
    /// country's name, or a side's, says which one.
    static let countryNouns: WordSet = ["nation", "nationality"]

    /// Verbs of taking a side in the war ("fighting for", "serve alongside").
    static let fightingWords: WordSet = [
        "fight", "fights", "fighting", "fought", "serve", "serves", "serving", "served", "join", "joins", "joining", "joined",
        "enlist", "enlisted", "enlisting", "volunteer", "volunteers", "volunteering", "volunteered", "battle", "battling",
    ]
    /// "For" or "alongside" a side, in a question: the side someone fights on.
    static let onTheSideOf: WordSet = ["for", "alongside"]
    /// The words before a side that put someone on it in an answer ("fighting for Russia",
    /// "joined Russia's forces", "alongside Russia").
    static let sideMarkers: WordSet = ["for", "alongside", "join", "joined", "joining"]
    /// Words that put someone on a side only with its forces after it: "in Russia's
    /// *army*", "with Russian *units*" (not "captured in Ukraine", "the war in Ukraine").
    static let forceMarkers: WordSet = ["in", "into", "with"]

    /// Words for a side's own forces, and what they do to their enemy: "Ukrainian *troops
    /// fought* them".
    static let forceWords: WordSet = ["troops", "forces", "army", "soldiers", "military", "units", "defenders", "fighters"]
    static let combatVerbs: WordSet = ["fought", "fight", "fights", "captured", "capture", "attacked", "killed", "battled", "engaged"]

    /// The sides `answer` puts someone on: a word of the side close after "for", "alongside"
    /// or "joined" (with nothing between but "the", "either" and the like: not "for Russia
    /// against Ukraine"), after "in" or "with" when its forces follow, or with "side"
    /// ("fighting for Russia", "serve in Russia's forces", "on Ukraine's side", "on the side
    /// of Russia", "for either Russia or Ukraine"). And the sides someone in it fights
    /// ("against Ukrainians", "Ukrainian troops fought them").
    static func sidesTaken(in answer: String, lexicon: Lexicon) -> (placed: Set<Int>, opposing: Set<Int>) {
        let (_, tokens, sides) = sideWords(in: answer, lexicon: lexicon)
        var placed = [Bool](repeating: false, count: tokens.count)
        var result: (placed: Set<Int>, opposing: Set<Int>) = ([], [])
        for at in tokens.indices {
            guard let side = sides[at] else { continue }
            // the words before it, back to "against", another side or a verb of combat
            let before = (max(0, at - 3)..<at).reversed().prefix { sides[$0] == nil && tokens[$0] != "against" && !combatVerbs.contains(tokens[$0]) }
                .map { tokens[$0] }
            let forces = forcesFollow(tokens, at: at)
            placed[at] =
                before.contains(where: sideMarkers.contains) || (forces && before.contains(where: forceMarkers.contains))
                || (at + 1 < tokens.count && tokens[at + 1] == "side")  // "on Ukraine's side"
                || isSideOf(tokens, at: at)  // "the side of Russia"
                || (at >= 2 && ["or", "and"].contains(tokens[at - 1]) && placed[at - 2])  // "for either Russia or Ukraine"
            if placed[at] {
                result.placed.insert(side)
            } else if tokens[max(0, at - 2)..<at].contains("against")
                || (at + 2 < tokens.count && forceWords.contains(tokens[at + 1]) && combatVerbs.contains(tokens[at + 2]))
            {
                result.opposing.insert(side)  // "fighting against Ukrainians", "Ukrainian troops fought them"
            }
        }
        return result
    }

    /// The institutions `words` name with their country or side: "Ukraine('s) foreign
    /// ministry", "the Russian embassy", "the Security Service of Ukraine". Each with the
    /// owner's term, the institution's words and the words naming it.
    func institutionsOwned(_ words: [Token]) -> [(owner: String, words: [String], span: Range<Int>)] {
        let institutionWords = knowledge.words.classes.institutionWords
        func institutions(_ word: Token) -> Bool { institutionWords.contains(word) || Self.officeHolders.contains(word) }
        func owner(_ at: Int) -> String? {
            guard at >= 0, at < words.count else { return nil }
            let key = wordTable.key(of: words[at].text, lexicon: lexicon)
            return lexicon.countryKeys.contains(key) || lexicon.sideOfKey[key] != nil ? key : nil
        }
        var found: [(owner: String, words: [String], span: Range<Int>)] = []
        var at = 0
        while at < words.count {
            guard institutions(words[at]) else {
                at += 1
                continue
            }
            var end = at
            while end + 1 < words.count, institutions(words[end + 1]) { end += 1 }
            // the owner right before it, or a word or two of its name between ("Ukraine's
            // Harbour Office"), or after "of" ("the Security Service of Ukraine")
            let stop = knowledge.words.stopWords
            if let start = (max(0, at - 3)..<at).reversed().prefix(while: { owner($0) != nil || !stop.contains(words[$0]) }).first(where: { owner($0) != nil }),
                let key = owner(start)
            {
                found.append((key, words[at...end].map(\.text), start..<(end + 1)))
            } else if end + 2 < words.count, words[end + 1].text == "of", let key = owner(end + 2) {
                found.append((key, words[at...end].map(\.text), at..<(end + 3)))
            }
            at = end + 1
        }
        return found
    }

    /// For each place `number` stands in `tokens` (an answer's words, number words as
    /// digits), whether it counts time there ("3-4 *days*"); empty when it is not there.
    func timeCounts(of number: String, in tokens: [String]) -> [Bool] {
        tokens.indices.filter { tokens[$0] == number }.map { place in
            tokens.dropFirst(place + 1).prefix(2).contains { Self.timeUnits.contains(lexicon.stemmer.stem($0)) }
        }
    }

    /// The terms of the names a quoted sentence's "he" or "she" stands for (``Fact/context``).
    func contextKeys(of fact: Fact) -> Set<String> {
        fact.context.isEmpty ? [] : Set(fact.context.flatMap { lexicon.terms(lexicon.words($0)).map(\.key) })
    }

    /// A clause states the detail *about* what was asked when it (or a clause before it, whose
    /// subject it goes on about: `named`) names the question's rare names; in an answer of
    /// several clauses, a question without such a name must have its rarest or its last term there.
    private func attached(_ clause: AnswerDetails.Clause, _ request: Request, whole: AnswerDetails, named: Set<String>) -> Bool {
        guard request.rareNames.allSatisfy(named.contains) else { return false }
        guard whole.clauses.count > 1, request.rareNames.isEmpty, request.rarest != nil || request.last != nil else { return true }
        return [request.rarest, request.last].contains { $0.map(clause.terms.contains) ?? false }
    }

    /// Each figure of `words` with the term of the word after it, what it counts ("6
    /// soldier", "2 hour"): compared between a question and an answer.
    func figuresCounting(_ words: [Token]) -> [String] {
        words.indices.filter { words[$0].isNumber }.map { at in
            words[at].text + " " + (at + 1 < words.count ? wordTable.key(of: words[at + 1].text, lexicon: lexicon) : "")
        }
    }

    /// True when fact `position` only describes someone with the event `key` names, and
    /// tells no such event: its answer uses the word only before a noun ("the two *captured*
    /// men were born in 1998" tells when they were born, not when they were captured), or,
    /// when its answer does not use it, so do the curator's examples that use it by the word
    /// asked (`stem`) or a participle ("how old are the *captured* men?"). A fact that does
    /// not use the word at all is not judged.
    func onlyDescribesWith(_ key: String, stem: String, _ position: Int32, _ answerWords: [Token]) -> Bool {
        let keyOf = { (token: Token) in self.wordTable.key(of: token.text, lexicon: self.lexicon) }
        if answerWords.contains(where: { keyOf($0) == key }) { return onlyDescribes(key, in: answerWords) }
        var described = false
        for example in index.facts[Int(position)].questions {
            let words = lexicon.words(example)
            guard words.contains(where: { keyOf($0) == key && (SentenceReading.isParticiple($0.text) || self.lexicon.stemmer.stem($0.text) == stem) })
            else { continue }
            if !onlyDescribes(key, in: words) { return false }
            described = true
        }
        return described
    }

    /// True when the answer uses `key` (a question's verb) and only before a noun, after a
    /// determiner or a number ("the other *captured* Chinese man", "two *recruited* men"):
    /// a word describing someone, not something that happens in the answer.
    func onlyDescribes(_ key: String, in words: [Token]) -> Bool {
        var used = false
        for at in words.indices where wordTable.key(of: words[at].text, lexicon: lexicon) == key {
            used = true
            let before = at > 0 ? words[at - 1] : nil
            let after = at + 1 < words.count ? words[at + 1] : nil
            guard SentenceReading.isParticiple(words[at].text),
                let before, let after, before.isNumber || Self.describingDeterminers.contains(before),
                !Self.afterAnEvent.contains(after), !after.isNumber
            else { return false }
        }
        return used
    }
    static let describingDeterminers: WordSet = [
        "the", "a", "an", "other", "both", "these", "those", "his", "her", "their", "its", "newly", "recently",
    ]
    /// Words after a participle that make it an event ("captured *in* Donetsk", "recruited *by* ...").
    static let afterAnEvent: WordSet = [
        "in", "on", "at", "by", "near", "from", "to", "during", "after", "before", "while", "when", "last", "this", "and", "or",
        "with", "of", "as", "for", "into",
    ]

    /// Literal keys (``Lexicon/literalKey(_:)``) of the words of a fact's answer, example
    /// questions and keywords: what a "which *X*" question's X is looked for in.
    func literalWords(of position: Int32) -> Set<String> {
        wordMemo.value(position) {
            let fact = index.facts[Int(position)]
            return literalKeys(of: [fact.answer] + fact.questions + fact.keywords)
        }
    }

    /// Literal keys of what a fact's example questions ask for by "which/what *X*": what
    /// its curator says it names ("Which unit was he in?"). An example that only mentions
    /// the word ("Who commanded his unit?") claims nothing about it, nor do keywords.
    func askedInExamples(of position: Int32) -> Set<String> {
        askedMemo.value(position) {
            let stop = knowledge.words.stopWords
            return Set(
                index.facts[Int(position)].questions.compactMap { example in
                    QuestionType.askedNoun(lexicon.words(example), stopWords: stop, length: Self.askedPhraseLength).last
                        .map { lexicon.literalKey(Lexicon.dropApostrophes($0.text)) }
                })
        }
    }

    /// The terms of a fact's example questions that ask what someone says or asks ("What
    /// do the recruiting messages *tell* men?"): whom its curator says it has speaking.
    func speakingInExamples(of position: Int32) -> Set<String> {
        speakingMemo.value(position) {
            var keys: Set<String> = []
            for example in index.facts[Int(position)].questions {
                let words = lexicon.words(example)
                guard words.contains(where: { Self.saysOrAsks($0.text) }) else { continue }
                keys.formUnion(lexicon.terms(words, vocabulary: index.vocabulary, table: wordTable, links: nil).map(\.key))
            }
            return keys
        }
    }

    /// The literal keys (``Lexicon/literalKey(_:)``) of every word of `texts`.
    func literalKeys(of texts: [String]) -> Set<String> {
        Set(texts.flatMap { Tokenizer.tokens($0).map { lexicon.literalKey(Lexicon.dropApostrophes($0.text)) } })
    }

    /// Words after a plural that go on to name its members: "platforms *such as* Douyin".
    static let instanceMarkers: WordSet = ["such", "including", "like", "namely", "called", "named"]

    /// False when `answer` speaks of the role `key` only as someone's ("he lost *his job*"):
    /// a word before it that is no determiner ("a *construction* job"), or right after it "as",
    /// "at", "in", "on", "with", "of", "was", "is" or a marker of an instance ("a job *as* a
    /// driver", "work *on* building sites", "the post *of* governor", "his job *was* to
    /// recruit"; not "on Monday"), says which. True when it does not use the word (it may
    /// say it otherwise).
    func statesRole(_ key: String, in answer: String) -> Bool {
        let tokens = Tokenizer.tokens(answer)
        var mentioned = false
        for (index, token) in tokens.enumerated() where lexicon.literalKey(Lexicon.dropApostrophes(token.text)) == key {
            mentioned = true
            if index > 0, !Self.determiners.contains(tokens[index - 1]), !knowledge.words.stopWords.contains(tokens[index - 1]) {
                return true
            }
            // right after it: "his job *as* a firefighter", "the role *of* mediator", "his job *was* to";
            // not "lost his job because *of* the pandemic", nor "on Monday"
            let after = tokens.dropFirst(index + 1).prefix(2).map(\.text)
            if let marker = after.first, Self.roleMarkers.contains(marker) {
                let next = after.dropFirst().first
                if ["on", "with"].contains(marker), let next, Int(next) != nil || Answerer.timeWords.contains(next) { continue }
                return true
            }
        }
        return !mentioned
    }

    static let roleMarkers = instanceMarkers.union(["as", "at", "in", "on", "with", "of", "was", "is"])

    /// True when `answer` may speak of a particular `key`, not only of them in general
    /// ("Russian units"): a singular mention ("his unit"), or a plural one with a name or
    /// figure beside it ("the villages of Tarasivka") or members named after it ("platforms
    /// such as Douyin").
    func namesAnInstance(of key: String, in answer: String) -> Bool {
        let tokens = Tokenizer.tokens(answer)
        let initialCapital = answer.first(where: \.isLetter)?.isUppercase ?? false
        func isName(_ index: Int) -> Bool {
            guard tokens.indices.contains(index) else { return false }
            let token = tokens[index]
            if token.isNumber { return true }
            return (token.capitalised || (index == 0 && initialCapital)) && !knowledge.words.stopWords.contains(token) && !isPlaceLike(token.text)
        }
        var mentioned = false
        for (index, token) in tokens.enumerated() where lexicon.literalKey(Lexicon.dropApostrophes(token.text)) == key {
            mentioned = true
            // "an assault unit" may be the one asked about; "his unit" alone does not say which
            if Lexicon.singular(token.text) == token.text, index == 0 || !Self.determiners.contains(tokens[index - 1]) { return true }
            if isName(index - 1) || isName(index + 1) { return true }
            // "the village of Tarasivka", "a prison in Lviv"
            if index + 1 < tokens.count, ["of", "in", "at"].contains(tokens[index + 1].text), isName(index + 2) { return true }
            if tokens.dropFirst(index + 1).prefix(3).contains(where: { Self.instanceMarkers.contains($0) }) { return true }
        }
        return !mentioned  // found only in a synonym's form: not for this check to judge
    }

    /// Words for someone at all ("the name of the *man* who ..."): they say nothing of who.
    static let anyone: WordSet = ["man", "woman", "person", "guy", "individual", "one", "men", "women", "people", "persons", "guys", "someone"]
    /// Words between "name of" and whose name it is ("the name of *his* wife").
    static let ownerDeterminers: WordSet = ["the", "his", "her", "their", "its", "a", "an", "this", "that", "these", "those", "both", "two", "my"]

    /// In "the name of (the/his/Wang's) X" or "X's name", X: the one whose name is asked
    /// for, when it is a plain word (not capitalised, not possessive of a name).
    func nameOwner(_ words: [Token], terms: [Term]) -> Token? {
        let text = words.map(\.text)
        func isPossessiveName(_ word: Token) -> Bool {
            word.capitalised
                || terms.contains { term in
                    (term.isName || lexicon.peopleKeys.contains(term.key))
                        && (term.correctedFrom == word.text || term.surface.split(separator: " ").contains { $0 == word.text })
                }
        }
        let stop = knowledge.words.stopWords
        if let at = text.firstIndex(where: { $0 == "name" || $0 == "names" }) {
            if at + 1 < text.count, text[at + 1] == "of" {
                // skip determiners and a possessive ("of wangs wife", "of the captain's wife")
                var next = at + 2
                while next + 1 < words.count,
                    Self.ownerDeterminers.contains(text[next]) || words[next].isNumber || text[next].hasSuffix("'s") || isPossessiveName(words[next])
                        || (text[next + 1] == "s" && next + 2 < words.count)  // "blogger 's wife"
                {
                    next += text[next + 1] == "s" ? 2 : 1
                }
                // the noun's head: the last of at most three plain words ("the ferry *blogger* who ...",
                // "the ferry blogger's *wife*", its "'s" read off)
                let run = words[next...].prefix { word in
                    !stop.contains(word) && !word.isNumber && !(word.text.count > 4 && (word.text.hasSuffix("ed") || word.text.hasSuffix("ing")))
                }.prefix(3)
                guard let owner = run.last, !run.contains(where: { $0.capitalised || isPossessiveName($0) }), !Self.anyone.contains(owner.text) else {
                    return nil
                }
                return owner
            }
            // "the recruiters name", "his wifes name": a word the facts know once its "s" is off
            // (not "the press name")
            if at > 0, text[at - 1].hasSuffix("s"), !text[at - 1].hasSuffix("ss"), !words[at - 1].capitalised, !stop.contains(text[at - 1]),
                !isPossessiveName(words[at - 1])
            {
                var owner = words[at - 1]
                owner.text.removeLast()
                return owner.text.count > 2 && index.vocabulary.contains(owner.text) ? owner : nil
            }
        }
        return nil
    }

    /// "What is his wife called?", "what is the app called?": a name asked for, unless the
    /// question names a thing by a listed name of another kind ("what is the Chinese TikTok
    /// called?" asks what it is).
    func calledAsk(_ text: [String]) -> Bool {
        guard text.count > 2, text.first == "what", text.last == "called" else { return false }
        let words = knowledge.words
        return text.contains(where: words.classes.organisationNouns.contains)
            || !text.contains { words.nameKinds[$0].map { $0 != .people } ?? false }
    }

    /// True when `answer` names, for each kind set aside, something of that kind other than
    /// what was set aside (a synonym of it, "TikTok" for "Douyin", is the same thing).
    func namesAnother(_ excluded: [(key: String, kind: WordLists.NameKind)], in answer: String) -> Bool {
        let words = Tokenizer.tokens(answer).map { token in
            token.text.hasSuffix("'s") ? String(token.text.dropLast(2)) : token.text
        }
        let setAside = Set(excluded.map(\.key))
        return Set(excluded.map(\.kind)).allSatisfy { kind in
            words.indices.contains { index in
                let pair = index + 1 < words.count ? words[index] + " " + words[index + 1] : ""
                for word in [pair, words[index]] where knowledge.words.nameKinds[word] == kind {
                    // neither the name nor any word of it ("China" of "China's own version") set aside
                    let parts = word.split(separator: " ").compactMap { wordTable.info[String($0)]?.key }
                    let keys = [wordTable.key(of: word, lexicon: lexicon)] + parts
                    if setAside.isDisjoint(with: keys) { return true }
                }
                return false
            }
        }
    }

    static let determiners: WordSet = ["a", "an", "the", "one", "another", "some", "every", "each", "this", "that", "his", "her", "their"]

    /// Verbs of naming someone ("who *named* the prisoners?").
    static let namingVerbs: WordSet = ["named", "identified", "names", "identifies", "name", "identify"]

    /// True when `answer` says who named someone: a capitalised word, then at most one
    /// adverb, then a verb of naming ("Zelensky later named the two men", in any sentence of
    /// it), or a verb of naming, "by" and a capitalised word ("they were identified by
    /// Zelensky"). A pronoun or "the" opening a sentence names no one ("They named them").
    static func statesNamer(_ answer: String) -> Bool {
        // sentence by sentence: the tokenizer does not mark a sentence's first word as capitalised
        let sentences = answer.split(omittingEmptySubsequences: true) { $0 == "." || $0 == "!" || $0 == "?" }
        return sentences.contains { sentence in
            let tokens = Tokenizer.tokens(String(sentence))
            let opensCapitalised = sentence.first(where: \.isLetter)?.isUppercase ?? false
            func names(_ at: Int) -> Bool {
                guard at >= 0, at < tokens.count, !nonNames.contains(tokens[at]) else { return false }
                return tokens[at].capitalised || (at == 0 && opensCapitalised)
            }
            return tokens.indices.contains { at in
                guard namingVerbs.contains(tokens[at]) else { return false }
                // "identified by (the) Kyiv police"
                if at + 1 < tokens.count, tokens[at + 1].text == "by" {
                    let agent = at + 2 < tokens.count && tokens[at + 2].text == "the" ? at + 3 : at + 2
                    if names(agent) { return true }
                }
                guard at > 0 else { return false }
                let before = tokens[at - 1].text.hasSuffix("ly") || tokens[at - 1].text == "later" || tokens[at - 1].text == "first" ? at - 2 : at - 1
                return names(before)
            }
        }
    }

    /// Words that open a sentence capitalised but name no one.
    static let nonNames: WordSet = [
        "they", "he", "she", "it", "we", "i", "you", "the", "this", "that", "these", "those", "who", "which", "a", "an", "both", "some",
    ]

    /// True when `key` is the term of a listed name (or a synonym group holding one).
    func isNamed(_ key: String) -> Bool { lexicon.namedKeys.contains(key) }

    /// Titles before a name ("Captain Ivo Marsh"), which are not the name.
    static let titleKeys: WordSet = [
        "captain", "presid", "mayor", "minist", "general", "colonel", "lieuten", "sergeant", "major",
        "mr", "mrs", "ms", "dr", "spokesman", "spokeswoman", "deputi", "chairman", "senat", "governor",
    ]
    static let monthNames: WordSet = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
    /// Stems of units of time: "two *hours*" counts time, not people.
    static let timeUnits: WordSet = ["hour", "day", "week", "month", "year", "minut", "second", "night"]
    /// For "who in the Kremlin ...", "who at the ministry ...": where someone is asked for
    /// ("in the Kremlin"; a listed organisation, or a word for a body), as typed.
    func whoWithin(_ text: [String]) -> String? {
        guard text.count > 3, text[0] == "who", Self.withinPrepositions.contains(text[1]) else { return nil }
        let at = text[2] == "the" ? 3 : 2
        guard at < text.count else { return nil }
        let word = text[at]
        // (a body, not a country: "who in Russia recruits them" may be answered by "recruiters")
        let listed = knowledge.words.nameKinds[word] == .organisations
        return listed || Self.bodyNouns.contains(word) ? text[1...at].joined(separator: " ") : nil
    }

    static let withinPrepositions: WordSet = ["in", "at", "inside", "within"]
    /// Bodies people work in: "who at the *ministry*" asks for one of them.
    static let bodyNouns: WordSet = [
        "ministry", "government", "embassy", "kremlin", "administration", "office", "agency", "army", "military", "police",
        "service", "parliament", "cabinet", "company", "team", "unit", "command", "headquarters",
    ]

    static let nameWords: WordSet = ["name", "names", "named", "identity", "identities", "identify", "identified"]
    /// Nouns that describe the answer rather than a detail in it ("what kind", "what role").
    static let vagueNouns: WordSet = [
        "kind", "kinds", "sort", "type", "types", "thing", "things", "way", "ways", "one", "ones",
        "lot", "part", "point", "happened", "happen", "else", "other", "others", "reason", "reasons",
        "purpose", "idea", "happening", "stuff", "info", "information", "details", "detail", "exactly",
        "pair", "couple", "both", "two",
    ]
    /// Where "in <currency>" or "to <currency>" names the currency an amount is asked in
    /// ("the bonus in dollars", "converted to sterling"), perhaps with a country's word
    /// before it ("in British pounds", "in US dollars"): the positions of those words, the
    /// currency's last.
    static func currencyAsked(_ words: [Token], currencies: WordSet, countries: (String) -> Bool = { _ in false }) -> ClosedRange<Int>? {
        for at in words.indices.dropFirst() where currencies.contains(words[at]) {
            if ["in", "to"].contains(words[at - 1].text) { return at...at }
            if at > 1, ["in", "to"].contains(words[at - 2].text), words[at - 1].text == "us" || countries(words[at - 1].text) {
                return (at - 1)...at
            }
        }
        return nil
    }

    /// The words and signs that state an amount in the currency `word` names.
    static func currencyForms(_ word: String) -> Set<String> {
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        var forms: Set<String> = [word, singular, singular + "s"]
        switch singular {
        case "dollar", "usd": forms.formUnion(["$", "usd", "dollar", "dollars"])
        case "pound", "sterling": forms.formUnion(["£", "gbp", "pound", "pounds", "sterling"])
        case "euro": forms.formUnion(["€", "eur"])
        case "yuan": forms.formUnion(["¥", "cny", "rmb"])
        case "ruble", "rouble": forms.formUnion(["ruble", "rubles", "rouble", "roubles", "₽", "rub"])
        case "hryvnia": forms.formUnion(["₴", "uah", "hryvnias"])
        default: break
        }
        return forms
    }

    /// Words asking for one end of a range, and words an answer states each end with.
    static let lowerBoundAsked: WordSet = ["minimum", "min", "youngest", "lowest"]
    static let upperBoundAsked: WordSet = ["maximum", "max", "oldest", "highest"]
    static let lowerBoundStated: WordSet = ["minimum", "min", "least", "over", "above", "older", "lowest", "youngest"]
    static let upperBoundStated: WordSet = ["maximum", "max", "under", "below", "younger", "most", "highest", "oldest"]
    /// Words before a number that make it say who rather than count ("*the* two men").
    static let identifyingDeterminers: WordSet = ["the", "these", "those", "his", "her", "their", "its", "both", "all", "other"]
    /// Nouns that ask for a figure ("troop numbers?").
    static let figureNouns: WordSet = ["number", "numbers", "figure", "figures", "count", "headcount", "tally", "total"]
    /// Words before "number of" that make it a quantity in words ("a *large* number of"), not a figure asked for.
    static let quantityWords: WordSet = [
        "a", "large", "significant", "great", "huge", "small", "big", "growing", "considerable", "sizeable", "any", "unknown", "record",
        "increasing", "high", "certain", "limited", "substantial", "rising",
    ]

    /// Words before a noun besides ``determiners``.
    static let moreDeterminers: WordSet = ["these", "those", "all", "its", "our", "my", "your"]

    /// True when "of" at `of` goes on to a plural ("the number of *journalists*"), which a
    /// figure counts, not to one thing ("the number of *his regiment*", which names it).
    static func countsMany(_ text: [String], after of: Int) -> Bool {
        guard let noun = text.dropFirst(of + 1).first(where: { !Self.determiners.contains($0) && !Self.moreDeterminers.contains($0) }) else { return false }
        return noun.hasSuffix("s") && !noun.hasSuffix("ss") || noun.hasSuffix("ese")
            || ["people", "men", "women", "children", "staff", "personnel"].contains(noun)
    }
    /// The words after "how" that ask for a figure.
    static let figureAsked: WordSet = ["many", "much", "long", "old"]
    /// After "how long": the time between two events, not a length ("how long *after*").
    static let betweenEvents: WordSet = ["after", "before", "since", "until", "till", "ago"]
    static let auxiliaries: WordSet = ["did", "does", "do", "has", "have", "had", "was", "is", "were", "are"]
    /// A verb of saying or of asking: who asks speaks too ("some people *asked* how to join").
    static func saysOrAsks(_ word: String) -> Bool { speechWords.contains(word) || askingVerbs.contains(word) }

    /// Things that "say" only as the article does (its report, a video's text): not someone speaking.
    static let notSpeakers: WordSet = [
        "article", "articles", "report", "reports", "story", "stories", "piece", "video", "videos", "clip", "clips", "ad", "ads",
        "headline", "study", "survey", "post", "posts", "message", "statement", "caption", "subtitles", "text", "coverage",
    ]
    static let speechWords: WordSet = [
        "say", "said", "says", "saying", "tell", "told", "tells", "claim", "claimed", "claims",
        "announce", "announced", "accuse", "accused", "accuses", "demand", "demanded", "note",
        "notes", "noted", "write", "wrote", "writes", "call", "called", "calls", "describe",
        "described", "deny", "denied", "denies", "insist", "insisted", "warn", "warned",
        "comment", "commented", "react", "reacted", "respond", "responded", "reply", "replied",
        "think", "thinks", "thought", "state", "stated", "suggest", "suggested", "according",
    ]
    /// Military and police ranks, which state a rank without the word ("*Lieutenant Colonel* Zaporozhets").
    static let rankTitles: WordSet = [
        "private", "corporal", "sergeant", "lieutenant", "captain", "major", "colonel", "general", "brigadier", "commander",
        "admiral", "marshal", "officer", "ensign",
    ]
    /// Who speaks or acts for a country's institutions ("the Kremlin *spokesman*", "China's
    /// Foreign Ministry *spokesman*"): owned by a country as its institutions are.
    static let officeHolders: WordSet = ["spokesman", "spokesperson", "spokeswoman", "spokesmen", "ambassador", "envoy"]
    /// True when a question's words ask what is required: "need(s) to", "must", "required",
    /// "have to" / "has to", but not what one needs to know ("what do I need to know about it?").
    /// A yes or no question does so as it is; one with a question word only when it asks it
    /// of anyone ("how old do *you* have to be?", not "what did Wang have to pay?"), and not
    /// about what one needs to know. Read the same way in a fact's examples.
    static func asksRequirement(_ words: [Token]) -> Bool {
        guard let first = words.first else { return false }
        if !yesNoOpeners.contains(first) {
            guard words.prefix(3).contains(where: QuestionType.questionWords.contains), words.contains(where: anyoneWords.contains),
                !words.contains(where: knowingWords.contains)
            else { return false }
        }
        return words.contains(where: requirementAsked.contains)
            || zip(words, words.dropFirst()).contains { ($0.text == "have" || $0.text == "has") && $1.text == "to" }
    }
    static let knowingWords: WordSet = ["know", "understand", "remember"]
    /// Whom a question about what is required asks it of: anyone.
    static let anyoneWords: WordSet = ["you", "i", "someone", "anyone", "somebody", "anybody", "people", "applicants"]
    static let requirementAsked: WordSet = ["need", "needs", "must", "required", "require", "requires", "mandatory", "compulsory"]
    /// Words with which a fact says what is needed, allowed or not.
    static let requirementWords: WordSet = [
        "need", "needs", "needed", "must", "required", "requires", "require", "requirement", "requirements", "mandatory",
        "compulsory", "can", "cannot", "allowed", "only", "regardless", "whether", "anyone", "without", "eligible", "may",
    ]
    /// Small words after a verb of paying that open whom it pays ("pay *the* Chinese", "pay *them*").
    static let objectOpeners: WordSet = ["the", "them", "these", "those", "their", "his", "her", "him", "a", "an", "all", "any", "foreign"]
    /// Verbs of paying or giving, whose object is paid ("does Russia *pay* recruits").
    static let givingVerbs: WordSet = ["pay", "pays", "paying", "give", "gives", "giving", "hand", "hands", "offer", "offers", "offering"]
    /// Words before "paid" that make it passive: "are paid", "get paid", "r they paid".
    static let passiveMarkers: WordSet = ["are", "is", "was", "were", "be", "been", "being", "get", "gets", "got", "getting", "r"]

    /// True when `answer` has someone paying ("he paid 300,000 rubles"): "paid" right after
    /// a pronoun, with no "be" before it.
    static func paysSomeone(_ answer: String) -> Bool {
        let words = Tokenizer.tokens(answer).map(\.text)
        for (index, word) in words.enumerated() where word == "paid" && index > 0 {
            if ["he", "she", "they", "i", "we", "who", "you"].contains(words[index - 1]) { return true }
        }
        return false
    }

    /// Verbs that make "where" ask for a source, not a place ("where did Babel *get* the quote?").
    static let sourcingVerbs: WordSet = [
        "get", "got", "obtain", "obtained", "take", "took", "find", "found", "learn", "learned", "learnt", "hear", "heard",
        "read", "cite", "cited", "source", "sourced",
    ]
}

extension Answerer {
    /// Question words as a decline repeats them: capitalised where the asker capitalised
    /// them ("what Xi Jinping said"), and "the US" for the country the lexicon reads as `usa`.
    /// True when `answer` says where someone or something comes from: "from" and a name
    /// within three words ("from Central Asia", "from North Korea, Syria and Libya"), or
    /// "born", "native", "hometown", "hails".
    ///
    /// With `person` (the words of the name a question asks about: "where is Wang from?"),
    /// the "from" must be theirs: after their name, with no one else brought in between ("Wang
    /// said there were foreigners *who* had come *from* Ghana", "Wang met *soldiers* from Iraq").
    static func statesOrigin(_ answer: String, of person: [String] = [], peopleNouns: WordSet = []) -> Bool {
        let tokens = Tokenizer.tokens(answer)
        for (at, token) in tokens.enumerated() {
            if ["born", "native", "hometown", "hails"].contains(token.text) { return true }
            guard token.text == "from", tokens.dropFirst(at + 1).prefix(3).contains(where: \.capitalised) else { continue }
            if person.isEmpty { return true }
            guard let named = tokens[..<at].lastIndex(where: { person.contains($0.text) }) else { continue }
            let between = tokens[(named + 1)..<at]
            // ("Wang, who comes from ...": the "who" right after the name is him)
            if between.contains(where: { peopleNouns.contains($0) })
                || between.indices.contains(where: { between[$0].text == "who" && $0 > named + 1 })
            {
                continue
            }
            return true
        }
        return false
    }

    /// True when a question's words ask where from: "from" closing it, or "come(s) from",
    /// "hails from" ("where is he from?", "which province does he come from?").
    static func asksWhereFrom(_ words: [String]) -> Bool {
        words.last == "from" || zip(words, words.dropFirst()).contains { Self.comingVerbs.contains($0) && $1 == "from" }
    }
    static let comingVerbs: WordSet = ["come", "comes", "came", "hail", "hails"]

    /// Words that open a yes or no question.
    static let yesNoOpeners: WordSet = [
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "must", "should", "will", "would", "has", "have", "had",
    ]
    static let askingVerbs: WordSet = ["ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering", "inquired", "enquired"]
    static let reportedQuestionWords: WordSet = ["whether", "if", "how", "why", "what", "when", "where", "who", "which"]

    /// True when every term of `focus` that `answer` uses lies in a question it reports
    /// someone asking ("some people asked how to join and whether not speaking Russian
    /// would be a problem"): the answer tells that it was asked, not what the answer is.
    func onlyReportsAsking(_ focus: Set<String>, in answer: String) -> Bool {
        let tokens = Tokenizer.tokens(answer)
        guard tokens.contains(where: { Self.askingVerbs.contains($0) }) else { return false }
        var inside: [Token] = []
        var outside: [Token] = []
        var asking = false
        for (at, token) in tokens.enumerated() {
            if token.startsClause { asking = false }
            if !asking, Self.askingVerbs.contains(token),
                tokens.dropFirst(at + 1).prefix(2).contains(where: { Self.reportedQuestionWords.contains($0) })
            {
                asking = true
            }
            if asking { inside.append(token) } else { outside.append(token) }
        }
        func keys(_ tokens: [Token]) -> Set<String> {
            Set(lexicon.terms(tokens, vocabulary: nil, table: wordTable, links: nil).map(\.key))
        }
        let (asked, told) = (keys(inside), keys(outside))
        let used = focus.filter { asked.contains($0) || told.contains($0) }
        return !used.isEmpty && used.allSatisfy { asked.contains($0) && !told.contains($0) }
    }

    static func shown(_ words: [Token]) -> String {
        var out: [String] = []
        for word in words {
            if word.text == "usa" {
                out.append(out.last?.lowercased() == "the" ? "US" : "the US")
            } else {
                out.append(word.capitalised ? word.text.capitalizedFirst : word.text)
            }
        }
        return out.joined(separator: " ")
    }
}

extension String {
    /// The first letter in upper case: "ukraine" → "Ukraine".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
