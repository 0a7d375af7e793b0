/// Reading a fact's answer for the details it states (figures, names, dates, places,
/// quotations, causes), clause by clause: what the requested-detail checks compare a
/// question's request with (``Answerer/missing(_:in:)``). Read once per fact and remembered.

/// The sentences and clauses of a fact's answer, read for the details they state.
struct AnswerDetails: Sendable {
    struct Clause: Sendable {
        /// The clause's terms, as the lexicon matches them.
        var terms: Set<String>
        var hasPersonName: Bool
        /// A capitalised word that is not a listed place, country or organisation (nor a
        /// small word): someone's name, perhaps.
        var hasCapitalisedName: Bool
        var hasOrganization: Bool
        var hasDate: Bool
        var hasQuote: Bool
        /// A place: listed, a place noun, a capitalised name after "in", "near", "at", "to",
        /// "from", a platform after "on" ("on Douyin"), or "in a/the ..." ("in a wooden shelter").
        var hasPlace = false
        /// A cause or a purpose: "because", "due to", "hoping", "in order to", "to get" ...
        var givesReason = false
        /// The terms of events it puts someone at ("*at* the 27th *meeting*"): where something
        /// was said, unless the question asks where that event itself was.
        var events: Set<String> = []
        /// Per figure, the terms of the words right after it ("155 *Chinese citizens*").
        var figures: [Set<String>]
        /// The terms of names within a few words of a verb of saying ("Zelensky *said*"), or
        /// right after it unless a quotation or clause opens first ("said Lin Jian", not
        /// 'said "Putin ...').
        var speakers: Set<String>
        /// Who speaks, named or not: the terms of the verb of saying or asking itself ("a
        /// common *comment*"), of up to eight words before it across at most one aside ("the
        /// *prisoners* of war, under armed guard, said"), and of two words after it ("said
        /// the *spokesman*").
        var speakerWords: Set<String> = []
        /// The terms of the people it names: a "what is X's wife called?" answer must name
        /// someone other than X.
        var personNames: Set<String> = []
        /// The people it names, each by the term of their name's first word ("Zhang Renbo
        /// and Wang Guangjun": zhang and wang).
        var people: Set<String> = []
    }

    var clauses: [Clause]
}

extension Answerer {
    /// The clauses of a fact's answer, read once per fact and remembered.
    func details(of position: Int32) -> AnswerDetails {
        clauseMemo.value(position) { AnswerDetails(clauses: Self.clauses(of: index.facts[Int(position)].answer).map(clause)) }
    }

    /// True when the "one" at `at` counts something ("one Chinese soldier"), not when it
    /// stands for a thing named before ("a rather harmonious one", "the one") or picks one
    /// of several ("one of the men said").
    static func countsOne(_ tokens: [Token], _ at: Int) -> Bool {
        guard at + 1 < tokens.count, tokens[at + 1].text != "of", !tokens[at + 1].startsClause else { return false }
        return at == 0 || !["a", "the", "this", "that", "any", "no", "every", "each", "another", "which"].contains(tokens[at - 1].text)
    }

    /// Reads one clause: its words once, each word's term from the word table (a phrase of
    /// the lists, such as "chai jing", as one term).
    func clause(_ text: String) -> AnswerDetails.Clause {
        let read = Tokenizer.tokens(text)
        let tokens = read.indices.map { at -> Token in
            var token = read[at]
            if token.text.hasSuffix("'s") { token.text.removeLast(2) }
            if token.text.utf8.contains(39) { token.text = Lexicon.dropApostrophes(token.text) }
            if let digits = knowledge.words.classes.numberWords[token.text], token.text != "one" || Self.countsOne(read, at) { token.text = digits }
            return token
        }
        func stem(_ token: Token) -> String { wordTable.info[token]?.stem ?? lexicon.stemmer.stem(token.text) }
        func key(_ token: Token) -> String { wordTable.key(of: token.text, lexicon: lexicon) }
        var terms: Set<String> = []
        var keyAt = [String?](repeating: nil, count: tokens.count)  // each word's term (a phrase's for its words)
        var inName = [Bool](repeating: false, count: tokens.count)  // within a listed organisation's or person's name
        var index = 0
        while index < tokens.count {
            if wordTable.info[tokens[index].text]?.startsPhrase ?? false,
                let (length, entry) = lexicon.phrase(at: index, count: tokens.count, stem: { stem(tokens[$0]) })
            {
                let kind = knowledge.words.nameKinds[tokens[index..<(index + length)].map(\.text).joined(separator: " ")]
                if kind == .organisations || kind == .people {
                    for offset in 0..<length { inName[index + offset] = true }  // "Defense of Ukraine" is no place
                }
                terms.insert(entry.key)
                for offset in 0..<length {
                    keyAt[index + offset] = entry.key
                    terms.insert(key(tokens[index + offset]))  // "Wang" alone names him too
                }
                index += length
                continue
            }
            if !(wordTable.info[tokens[index].text]?.isStop ?? false) {
                let key = key(tokens[index])
                terms.insert(key)
                keyAt[index] = key
            }
            index += 1
        }
        var clause = AnswerDetails.Clause(
            terms: terms, hasPersonName: false, hasCapitalisedName: false,
            hasOrganization: false, hasDate: false,
            hasQuote: text.unicodeScalars.contains { Self.isQuotationMark($0.value) },
            figures: [], speakers: [])
        // the tokenizer does not mark the first word of a sentence as capitalised: look
        let initialCapital = text.first(where: \.isLetter)?.isUppercase ?? false
        let capital = tokens.indices.map { tokens[$0].capitalised || ($0 == 0 && initialCapital) }
        let words = knowledge.words
        var nameEnd = -1  // where the last name counted ends: "Wang Guangjun" is one person
        func count(_ start: Int, _ end: Int) {
            if start > nameEnd { clause.people.insert(key(tokens[start])) }
            nameEnd = max(nameEnd, end)
        }
        var roles = tokens.map { Self.wordRoles[$0.text] ?? [] }
        for index in roles.indices.dropFirst() where tokens[index].text == "to" && tokens[index - 1].text == "according" {
            roles[index].remove(.placePreposition)  // "according to Ukrainian intelligence" is no place
        }
        for (index, token) in tokens.enumerated() {
            let word = token.text
            let kind = words.nameKinds[word]
            if kind == .people {
                clause.hasPersonName = true
                clause.personNames.insert(key(token))
                count(index, index)
            }
            if kind == .organisations || (word.utf8.contains(46) && word.utf8.count > 3) { clause.hasOrganization = true }
            if capital[index], !words.stopWords.contains(word), !isPlaceLike(word) {
                clause.hasCapitalisedName = true
                if index + 1 < tokens.count, capital[index + 1], !isPlaceLike(tokens[index + 1].text),
                    !isPlaceLike(word + " " + tokens[index + 1].text),
                    !knowledge.words.classes.institutionWords.contains(word), !knowledge.words.classes.institutionWords.contains(tokens[index + 1])
                {
                    clause.hasPersonName = true
                    clause.personNames.formUnion([key(token), key(tokens[index + 1])])
                    count(index, index + 1)
                }
            }
            if index + 1 < tokens.count, words.nameKinds[word + " " + tokens[index + 1].text] == .people {
                clause.hasPersonName = true
                clause.personNames.formUnion([key(token), key(tokens[index + 1])])
                count(index, index + 1)
            }
            // what each word does for "where" and "why", looked up once per word
            let role = roles[index]
            let previousRole = index > 0 ? roles[index - 1] : []
            if !inName[index] {
                // a country is a place after "in", "near", "from" ... ("in eastern Ukraine"), not
                // as an actor or a people ("Chinese fighters", "Russia recruits")
                let afterPreposition = previousRole.contains(.placePreposition) || (index > 1 && roles[index - 2].contains(.placePreposition))
                let place =
                    kind == .places
                    || (afterPreposition && (kind == .countries || kind == .sides || lexicon.sideOfKey[keyAt[index] ?? ""] != nil))
                    // a place noun, but not one that begins a longer name ("Harbour Council")
                    || (role.contains(.placeNoun) && !(capital[index] && index + 1 < tokens.count && capital[index + 1]))
                    // a name not listed, after "in", "near" ... ("in Harbourtown")
                    || (previousRole.contains(.placePreposition) && capital[index] && kind == nil && !words.stopWords.contains(word)
                        && !knowledge.words.classes.institutionWords.contains(word))
                    || (kind == .organisations && index > 0 && tokens[index - 1].text == "on")  // "on Douyin"
                    || (previousRole.contains(.enclosing) && index + 1 < tokens.count && ["a", "an", "the"].contains(word))  // "in a shed"
                if place { clause.hasPlace = true }  // (each test is cheap: the roles were looked up once)
                if role.contains(.event), tokens[max(0, index - 4)..<index].contains(where: { $0.text == "at" || $0.text == "during" }) {
                    clause.events.insert(key(token))
                }
            }
            if role.contains(.reason)
                || (word == "to" && index + 1 < tokens.count && roles[index + 1].contains(.purposeVerb))
                || (index + 1 < tokens.count && ((word == "so" && tokens[index + 1].text == "that") || (word == "in" && tokens[index + 1].text == "order")))
            {
                clause.givesReason = true
            }
            // (an age is no date: "26 *years* old", "a 33-*year*-old")
            if (Self.timeWords.contains(word) && !(index + 1 < tokens.count && tokens[index + 1].text == "old"))
                || (token.isNumber && word.utf8.count == 4 && Int(word).map { (1900...2100).contains($0) } ?? false)
            {
                clause.hasDate = true
            }
            // a day of a month ("on 11 April") or a year is a date, not a count
            let isDate =
                token.isNumber
                && ((index + 1 < tokens.count && Self.monthNames.contains(tokens[index + 1]))
                    || (index > 0 && Self.monthNames.contains(tokens[index - 1]))
                    || (word.utf8.count == 4 && Int(word).map { (1900...2100).contains($0) } ?? false))
            if (token.isNumber && !isDate) || Self.countWords.contains(word) {
                let after = tokens.dropFirst(index + 1).prefix { !$0.isNumber && !Self.countWords.contains($0) }.prefix(4)
                clause.figures.append(Set(after.map(key)))
            } else if Self.singleWords.contains(word), index + 1 < tokens.count, Self.durationUnits.contains(tokens[index + 1]),
                !(index + 2 < tokens.count && ["later", "earlier", "ago"].contains(tokens[index + 2].text))
            {
                // a length of time said in words ("stayed *a week*", "for about *a month*"): how
                // long, though not when ("a day later")
                clause.figures.append([key(tokens[index + 1])])
            }
            if Self.saysOrAsks(word) {
                // the subject before the verb (a few words back), the words just
                // after it; who asks speaks too ("some people *asked* how to join")
                if let key = keyAt[index] { clause.speakerWords.insert(key) }  // "a common *comment*": commenters speak
                // (across one aside: "the prisoners of war, under armed guard, said")
                var back = index - 1
                var asides = 0
                while back >= max(0, index - 8) {
                    if let key = keyAt[back] { clause.speakerWords.insert(key) }
                    // a name is the subject: what comes before it is what they said ("155 Chinese
                    // citizens serve ..., *Zelensky* said")
                    // ("Sailors in Lowmere said": a place after a preposition is not it)
                    if capital[back], !knowledge.words.stopWords.contains(tokens[back]), !isPlaceLike(tokens[back].text),
                        back == 0 || !roles[back - 1].contains(.placePreposition)
                    {
                        break
                    }
                    if tokens[back].startsClause {
                        asides += 1
                        if asides > 1 { break }
                    }
                    back -= 1
                }
                // (after it only where it opens its clause, as in '..." said the spokesman':
                // "said Chinese citizens were fighting" has them spoken of)
                // (and in the passive: "was announced *by the spokesman*")
                let passive = index + 1 < tokens.count && tokens[index + 1].text == "by"
                let inverted = token.startsClause || index == 0 || passive
                for after in (index + 1)..<min(tokens.count, index + (passive ? 5 : 3)) where inverted {
                    if tokens[after].startsClause { break }
                    if let key = keyAt[after] { clause.speakerWords.insert(key) }
                }
            }
            if Self.speechWords.contains(word) {
                // a name after the verb speaks ("said Lin Jian"), unless it opens what was said
                // ("Zelensky said "Putin wasn't ...")
                // (before it, back to where its clause starts: in "... a version of TikTok,
                // Zelensky said", TikTok says nothing; a one-word aside goes on: "China (Beijing) warned")
                func speaks(_ near: Int) {
                    guard let nearKey = keyAt[near], capital[near] || isNamed(nearKey) else { return }
                    clause.speakers.insert(nearKey)
                    clause.speakers.insert(key(tokens[near]))  // "Wang" of "Wang Guangjun" said
                }
                var near = index - 1
                var asides = 0
                while near >= max(0, index - 5) {
                    speaks(near)
                    if tokens[near].startsClause {
                        // (one aside of one word at most: "China (Beijing) warned", not "TikTok, China (Beijing) warned")
                        guard tokens[near + 1].startsClause, asides == 0 else { break }
                        asides += 1
                    }
                    near -= 1
                }
                for near in (index + 1)..<min(tokens.count, index + 3) {
                    if tokens[near].startsClause { break }
                    speaks(near)
                }
                // "Lin Jian, spokesman for China's foreign ministry, said": the name (not a place:
                // "Sailors from Lowmere, tired of waiting, said") before an aside that ends at the verb speaks
                if token.startsClause, index > 1, let aside = (max(1, index - 8)..<index).last(where: { tokens[$0].startsClause }) {
                    for near in stride(from: aside - 1, through: max(0, aside - 3), by: -1) {
                        guard let nearKey = keyAt[near], capital[near] || isNamed(nearKey), !isPlaceLike(tokens[near].text),
                            near == 0 || !roles[near - 1].contains(.placePreposition)
                        else { break }
                        clause.speakers.insert(nearKey)
                        clause.speakers.insert(key(tokens[near]))
                    }
                }
            }
        }
        // "Zhang Renbo: The drone dropped ...": a speaker named before a colon, as a draft
        // gives what one person says in the first person
        if let colon = text.firstIndex(of: ":") {
            let named = text[..<colon].split(separator: " ")
            if (1...4).contains(named.count), named.allSatisfy({ $0.first?.isUppercase ?? false }), named.count <= tokens.count,
                tokens.prefix(named.count).allSatisfy({ !$0.isNumber && !knowledge.words.stopWords.contains($0) && !isPlaceLike($0.text) })
            {
                for position in 0..<named.count {
                    if let key = keyAt[position] { clause.speakers.insert(key) }
                    clause.speakers.insert(key(tokens[position]))
                    clause.speakerWords.insert(key(tokens[position]))
                }
            }
        }
        if clause.hasPersonName { clause.hasCapitalisedName = true }
        return clause
    }

    /// A listed place, country or organisation (not a person).
    func isPlaceLike(_ word: String) -> Bool {
        switch knowledge.words.nameKinds[word] {
        case .countries?, .places?, .organisations?, .currencies?, .sides?: return true
        case .people?: return false
        case nil:
            if Self.determiners.contains(word) { return true }
            guard let info = wordTable.info[word] else { return false }
            return lexicon.sideOfKey[info.key] != nil
        }
    }

    /// An answer's clauses: split at sentence ends and semicolons, not inside a quotation.
    static func clauses(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var start = 0
        var quoted = false  // inside "straight" quotes
        var curly = 0  // inside “curly” or «angle» quotes, which may hold straight ones
        func cut(_ end: Int) {
            let part = String(String.UnicodeScalarView(scalars[start..<end]))
            if !part.trimmingWhitespace().isEmpty { parts.append(part) }
        }
        for (index, scalar) in scalars.enumerated() {
            let inside = quoted || curly > 0
            switch scalar.value {
            case 0x22 where curly == 0: quoted.toggle()
            case 0x201C, 0xAB: curly += 1
            case 0x201D, 0xBB: curly = max(0, curly - 1)
            case 0x3B where !inside:  // ;
                cut(index)
                start = index + 1
            case 0x20 where !inside && index > start + 1 && [0x2E, 0x21, 0x3F].contains(scalars[index - 1].value):  // ". "
                let before = String(String.UnicodeScalarView(scalars[max(start, index - 4)..<index]))
                if before.hasSuffix(" St.") || before.hasSuffix(" Mr.") { continue }
                cut(index)
                start = index + 1
            default: break
            }
        }
        cut(scalars.count)
        return parts
    }

    /// " “ ” « »
    static func isQuotationMark(_ value: UInt32) -> Bool {
        value == 0x22 || value == 0x201C || value == 0x201D || value == 0xAB || value == 0xBB
    }

    static let timeWords: WordSet = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow",
        "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "later", "ago", "earlier", "hour", "hours",
        "morning", "evening", "night", "spring", "summer", "autumn", "winter", "weekend",
    ]
    /// Nouns that say where: an answer holding one states a place.
    static let placeNouns: WordSet = [
        "region", "regions", "oblast", "village", "villages", "city", "cities", "town", "towns", "province", "district",
        "front", "frontline", "border", "area", "areas", "capital", "base", "camp", "battlefield", "territory", "territories",
        "east", "west", "north", "south", "abroad", "home", "country", "countries", "port", "harbour", "harbor", "airport",
        "station", "street", "square", "prison", "jail", "hospital", "building", "house", "trench", "forest", "field",
        // where online: a platform is a place to advertise
        "online", "internet", "media", "platform", "platforms", "network", "networks", "app", "apps", "site", "sites", "website",
        "websites",
    ]
    /// What a word of an answer does for the "where" and "why" checks.
    struct WordRole: OptionSet {
        let rawValue: UInt8
        static let placeNoun = WordRole(rawValue: 1)
        static let event = WordRole(rawValue: 2)
        static let reason = WordRole(rawValue: 4)
        static let purposeVerb = WordRole(rawValue: 8)
        static let placePreposition = WordRole(rawValue: 16)
        static let enclosing = WordRole(rawValue: 32)
    }

    /// Every word with a role, so an answer's word is looked up once.
    static let wordRoles: [String: WordRole] = {
        var roles: [String: WordRole] = [:]
        for (words, role) in [
            (placeNouns, WordRole.placeNoun), (eventNouns, .event), (reasonWords, .reason), (purposeVerbs, .purposeVerb),
            (placePrepositions, .placePreposition), (enclosingPrepositions, .enclosing),
        ] {
            for word in words { roles[word, default: []].insert(role) }
        }
        return roles
    }()

    /// Words that give a cause or a motive.
    static let reasonWords: WordSet = [
        "because", "due", "reason", "reasons", "motive", "motives", "hoping", "hoped", "wanted", "seeking", "sought", "why",
        "thanks", "motivated", "lured", "attracted", "drawn",
    ]
    /// Verbs after "to" that give a purpose ("paid ... *to get* into the army").
    static let purposeVerbs: WordSet = [
        "get", "earn", "obtain", "receive", "make", "join", "avoid", "gain", "find", "secure", "escape", "support", "help", "prove",
    ]
    /// Words for an event someone can be at: "at the meeting" says where something was said.
    static let eventNouns: WordSet = ["meeting", "conference", "summit", "briefing", "event", "session", "rally", "forum", "hearing"]
    /// Prepositions before "a/the ..." that put something somewhere ("in a wooden shelter").
    static let enclosingPrepositions: WordSet = ["in", "inside", "into", "under", "near", "outside", "behind"]
    /// Words before a capitalised name that make it a place ("in Harbourtown").
    static let placePrepositions: WordSet = ["in", "near", "at", "from", "to", "into", "outside"]
    /// "A week", "an hour": one of a unit of time.
    static let singleWords: WordSet = ["a", "an"]
    static let durationUnits: WordSet = ["minute", "hour", "day", "night", "week", "fortnight", "month", "year", "decade"]
    /// Words that state a figure without digits ("several hundred", "a few"). Not "some":
    /// "earn some money" says there was money, not how much.
    static let countWords: WordSet = [
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens",
        "several", "few", "many",
    ]
}
