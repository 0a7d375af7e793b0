/// What a question asks for, read from its question words: "how many" wants a number,
/// "who" a person, "when" a date, "where" a place, "why" a reason, "which province" a place.
public enum QuestionType: String, Sendable, Equatable {
    case number, amount, person, organization, place, date, reason, quote
    /// No telling ("what is", "tell me about ..."): any fact type will do.
    case any

    /// Nouns that, after "which" or "what", say what kind of thing is wanted.
    static let nounTypes: [String: QuestionType] = [
        "province": .place, "region": .place, "city": .place, "town": .place, "country": .place,
        "countries": .place, "place": .place, "area": .place, "oblast": .place, "nations": .place,
        "location": .place, "whereabouts": .place,
        "person": .person, "leader": .person, "leaders": .person, "journalist": .person, "reporter": .person,
        "president": .person, "writer": .person, "author": .person, "official": .person, "man": .person,
        "newspaper": .organization, "paper": .organization, "outlet": .organization, "platform": .organization,
        "platforms": .organization, "app": .organization, "site": .organization, "website": .organization,
        "network": .organization, "company": .organization, "publication": .organization,
        "year": .date, "month": .date, "day": .date, "date": .date, "time": .date, "when": .date, "duration": .date,
        "number": .number, "figure": .number, "total": .number, "count": .number, "amount": .amount, "sum": .amount,
        "salary": .amount, "wage": .amount, "wages": .amount, "fee": .amount, "price": .amount, "cost": .amount, "bonus": .amount,
        "reason": .reason, "motive": .reason, "words": .quote, "quote": .quote, "slogan": .quote, "phrase": .quote,
        "expression": .quote, "saying": .quote, "catchphrase": .quote, "motto": .quote, "term": .quote,
        "name": .person, "spokesman": .person, "spokesperson": .person, "soldier": .person,
        "commander": .person, "minister": .person, "journalists": .person, "reporters": .person, "user": .person,
    ]

    /// Reads the type from a question's words (already lowercased and expanded).
    public static func of(_ words: [Token]) -> QuestionType {
        // A question word asks only where a clause starts, after a filler ("so who"), a
        // preposition ("by whom") or at the very end ("paid how much"); elsewhere it joins
        // clauses ("Chinese who sign up") and is ignored.
        // (in a question that opens with neither a question word nor an auxiliary verb, "how many"
        // or "how much" after its topic asks: "tarasivka bilohorivka how many chinese")
        let opensWithTopic = words.first.map { !questionWords.contains($0) && !Answerer.yesNoOpeners.contains($0) } ?? false
        let w = words.enumerated().map { index, token -> String in
            guard questionWords.contains(token) else { return token.text }
            let asks =
                token.startsClause || index == words.count - 1
                || (index > 0 && leadIns.contains(words[index - 1]))
                || (opensWithTopic && token.text == "how" && index + 1 < words.count && ["many", "much"].contains(words[index + 1].text)
                    && !words[..<index].contains { questionWords.contains($0) })
            return asks ? token.text : "_"
        }
        // the words after "how" and "what", the pairs asked about most
        var afterHow: [String] = []
        var afterWhat: [String] = []
        for (a, b) in zip(w, w.dropFirst()) {
            if a == "how" { afterHow.append(b) } else if a == "what" { afterWhat.append(b) }
        }
        func has(_ a: String, _ b: String) -> Bool {
            a == "how"
                ? afterHow.contains(b)
                : a == "what"
                    ? afterWhat.contains(b)
                    : zip(w, w.dropFirst()).contains { $0 == a && $1 == b }
        }
        if has("how", "much") { return .amount }
        // "how big is the bonus", "how high is the salary": a size of money is an amount
        for (index, word) in w.enumerated() where word == "how" && index + 1 < w.count && ["large", "big", "high"].contains(w[index + 1]) {
            if w.dropFirst(index + 2).prefix(5).contains(where: { nounTypes[$0] == .amount }) { return .amount }
        }
        if has("how", "many") || has("how", "old") || has("how", "large") || has("how", "big") || has("how", "high") { return .number }
        if has("how", "long") || w.contains("when") { return .date }
        if has("how", "come") || w.contains("why")
            || afterWhat.contains(where: reasonVerbs.contains)
            || (w.first == "what" && asksAGoal(w) && !w.dropFirst().prefix(3).contains { nounTypes[$0] != nil })
        {
            return .reason
        }
        if w.contains("where") { return .place }
        if w.contains("who") || w.contains("whom") || w.contains("whose") { return .person }
        // "which Chinese province", "what figure": the first telling noun after which/what
        for (index, word) in w.enumerated() where word == "which" || word == "what" {
            for next in w.dropFirst(index + 1).prefix(3) {
                if let type = nounTypes[next] { return type }
            }
        }
        // terse questions: "publication date?", "total?"
        let asksNothing = !w.contains(where: questionWords.contains)
        for (index, word) in w.enumerated() where terseCues.contains(word) {
            if index > 0, ["per", "a", "each", "every", "last", "this", "next"].contains(w[index - 1]) { continue }  // "per month"
            if let type = nounTypes[word] ?? (asksNothing ? terseOnlyTypes[word] : nil) { return type }
        }
        if w.contains("quote") || has("exact", "words") { return .quote }
        return .any
    }

    /// True for a question about the future or an opinion: it starts with "will" or
    /// "would", puts "will" right after its question word ("when will"), or asks what
    /// "you think", "believe" or "reckon".
    public static func isSpeculative(_ words: [Token]) -> Bool {
        let w = words.map(\.text)
        guard let first = w.first else { return false }
        if futureWords.contains(first) { return true }
        if ["is", "are", "was", "were"].contains(first), w.contains(where: judgements.contains) { return true }
        for (index, word) in w.enumerated() where word == "will" || word == "shall" || word == "future" {
            // "will" as a verb of the future, not "free will", nor reported speech ("commenters
            // warn recruits will become ...")
            if index == 0 { return true }
            if nounsOfWill.contains(w[index - 1]) { continue }
            if w[max(0, index - 3)..<index].contains(where: reporting.contains) { continue }
            return true
        }
        for (a, b) in zip(w, w.dropFirst()) {
            if a == "next", periods.contains(b) { return true }
            if b == "should", questionWords.contains(a) { return true }
            if a == "you", opinionVerbs.contains(b) { return true }
            if a == "your", opinionNouns.contains(b) { return true }
        }
        return false
    }

    static let reasonVerbs: WordSet = ["made", "makes", "drove", "drives", "prompted", "motivated", "led"]

    /// "what was he *hoping to obtain*", "what is Moscow *trying to achieve*": what someone
    /// wants from something, a purpose.
    static func asksAGoal(_ w: [String]) -> Bool {
        zip(w, zip(w.dropFirst(), w.dropFirst(2))).contains { wanting, next in
            goalVerbs.contains(wanting) && next.0 == "to" && gains.contains(next.1)
        }
    }
    static let goalVerbs: WordSet = ["hoping", "hope", "hoped", "hopes", "trying", "try", "tried", "tries", "wanting", "seeking", "aiming"]
    static let gains: WordSet = ["obtain", "gain", "get", "achieve", "win", "earn", "secure", "accomplish"]
    static let futureWords: WordSet = ["will", "would", "shall", "should"]
    static let nounsOfWill: WordSet = ["own", "free", "good", "ill", "political"]
    static let periods: WordSet = ["year", "month", "week", "time"]
    static let opinionVerbs: WordSet = ["think", "believe", "reckon", "feel", "expect", "predict"]
    static let opinionNouns: WordSet = ["opinion", "view", "take"]

    /// Words that alone say what is wanted, wherever they stand ("publication date?").
    /// Cues read only in a question with no question word: "press conference length" asks how
    /// long, "the length of the front line" does not.
    static let terseOnlyTypes: [String: QuestionType] = ["length": .date]
    static let terseCues: WordSet = [
        "date", "year", "month", "day", "total", "number", "figure", "count", "amount", "location", "length", "duration",
    ]

    /// The words a "which"/"what" question asks about: up to `length` words after the
    /// question word, before the next small word or verb ("which *Ukrainian brigade*
    /// captured them", "what is the *population* of Shanxi"). Empty when there are none, as
    /// in "what did they say", where "what" is the object.
    public static func askedNoun(_ words: [Token], stopWords: WordSet, length: Int = 2) -> [Token] {
        guard
            let start = words.indices.first(where: { index in
                (words[index].text == "which" || words[index].text == "what")
                    && (words[index].startsClause || (index > 0 && leadIns.contains(words[index - 1])))
            })
        else { return [] }
        if start + 1 < words.count, clauseAuxiliaries.contains(words[start + 1]) { return [] }
        var phrase: [Token] = []
        for token in words[(start + 1)...] {
            if askedNounSkips.contains(token) && phrase.isEmpty { continue }
            if stopWords.contains(token) || phrase.count == length || looksLikeVerb(token.text) { break }
            phrase.append(token)
        }
        return phrase
    }

    /// "what *did* ...": the question word is the object of a clause, not a determiner.
    static let clauseAuxiliaries: WordSet = [
        "did", "does", "do", "has", "have", "had", "can", "could", "will", "would",
        "should", "may", "might", "must",
    ]

    /// A past or -ing form, or a common irregular past: where a noun phrase has ended
    /// ("which reporter *penned*", "which newspaper *reported*").
    static func looksLikeVerb(_ word: String) -> Bool {
        (word.count > 4 && (word.hasSuffix("ed") || word.hasSuffix("ing"))) || irregularPasts.contains(word)
    }

    static let irregularPasts: WordSet = [
        "said", "spoke", "wrote", "told", "took", "made", "gave", "got", "went", "came", "ran", "saw", "knew", "fought", "paid",
        "caught", "held", "left", "sent", "became", "began", "brought", "thought", "put", "led", "won", "lost", "met", "sold",
        "spent", "stood", "taught", "kept", "says", "pays", "offers", "runs", "holds", "shows", "claims", "recruits", "uses",
        "appears", "appear", "means", "mean", "happens", "includes", "contains", "mentions", "gets", "get", "goes", "makes",
        "comes", "gives", "takes", "tells", "wants", "needs", "seems", "looks", "has", "have",
    ]

    static let askedNounSkips: WordSet = [
        "is", "are", "was", "were", "the", "a", "an", "kind", "kinds", "sort", "sorts",
        "type", "types", "of", "exactly", "exact", "did", "does", "do", "s", "other",
    ]

    /// Verbs that report what someone said: a "will" after one is theirs, not the asker's.
    static let reporting: WordSet = [
        "say", "says", "said", "warn", "warns", "warned", "claim", "claims", "claimed",
        "predict", "predicts", "predicted", "promise", "promises", "promised", "tell", "told",
    ]

    /// Words of judgement: "is Zelensky a good president?" asks an opinion.
    static let judgements: WordSet = [
        "good", "bad", "right", "wrong", "justified", "fair", "evil", "best", "worst",
        "moral", "legal", "illegal", "ok", "okay", "smart", "stupid", "true", "lying", "liar",
        "believable", "credible", "trustworthy", "honest", "reliable", "plausible", "likely",
    ]

    static let questionWords: WordSet = ["who", "whom", "whose", "when", "where", "why", "how", "what", "which"]
    static let leadIns: WordSet = [
        "so", "and", "but", "then", "ok", "okay", "hey", "yo", "exactly", "by", "from",
        "to", "with", "for", "about", "of", "in", "at", "on", "since", "until", "me", "us", "know", "ask",
    ]

    /// How well a fact of `types` fits: 1 for a direct fit, less for a near fit, least for none.
    public func fit(_ types: [AnswerType]) -> Double {
        if self == .any || types.contains(.gap) { return 1 }
        var best = 0.0
        for type in types { best = max(best, fit(type)) }
        return best
    }

    /// ``fit(_:)`` for a fact's types given as a bit set (``FactIndex``'s `typeMasks`),
    /// with the fit of each answer type read from `fits` (one per ``AnswerType/allCases``).
    static func fit(mask: UInt16, fits: [Double], any: Bool) -> Double {
        if any || mask & FactIndex.gapBit != 0 { return 1 }
        var best = 0.0
        var bits = mask
        while bits != 0 {
            let position = bits.trailingZeroBitCount
            best = max(best, fits[position])
            bits &= bits - 1
        }
        return best
    }

    func fit(_ type: AnswerType) -> Double {
        switch (self, type) {
        case (.number, .number), (.amount, .amount), (.person, .person), (.place, .place),
            (.date, .date), (.reason, .reason), (.quote, .quote), (.organization, .organization):
            return 1
        case (.number, .amount), (.amount, .number), (.person, .organization), (.person, .quote),
            (.place, .organization), (.reason, .quote), (.organization, .person), (.organization, .place):
            return 0.9
        case (.reason, .description), (.person, .description), (.quote, .description), (.organization, .description):
            return 0.7
        default:
            return 0.5
        }
    }
}
