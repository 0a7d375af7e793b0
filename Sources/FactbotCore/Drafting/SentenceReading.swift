/// What one sentence holds, read from its surface for a draft fact: the names in it (runs
/// of capitalised words, told apart by names.txt), its figures, ages, amounts and dates,
/// whether it reports speech; from these, the kinds of answer it gives and questions a
/// reader might ask of it. Rules, not a parser: the draft is for a curator to edit.
struct SentenceReading {
    /// The people the sentence names, as written ("Wang Guangjun").
    private(set) var names: [String] = []
    /// The kinds of answer the sentence gives, the main one first.
    private(set) var types: [AnswerType] = []
    /// Questions made from it, most specific first.
    private(set) var questions: [String] = []

    /// Words that date a sentence: the months (as the requested-detail checks know them),
    /// the days of the week, "yesterday" and "today".
    static let months: Set<String> = Set(Answerer.monthNames).union([
        "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "yesterday", "today",
    ])
    static let saying: Set<String> = [
        "said", "says", "say", "told", "tells", "stated", "added", "claimed", "claims", "according",
        "announced", "urged", "warned", "denied", "called", "wrote",
    ]
    static let currencyMarks: Set<Character> = ["$", "£", "€", "¥", "₽"]
    static let multipliers = Set(Lexicon.multipliers.keys)
    static let pronouns: Set<String> = ["he", "she", "i", "his", "her", "him", "my", "me", "we", "they", "their"]
    static let pluralPronouns: Set<String> = ["they", "their"]
    /// How many sentences after a group is named "the pair" may still mean them.
    static let groupReach = 12
    /// Words for a group after "the" ("the pair said"): several people.
    static let groupWords: Set<String> = ["pair", "men", "prisoners", "captives", "duo"]
    static let titles: Set<String> = [
        "president", "minister", "spokesman", "spokeswoman", "lieutenant", "colonel", "general",
        "captain", "major", "sergeant", "mr", "mrs", "ms", "dr", "deputy", "chairman", "senator", "mayor", "governor",
    ]
    /// Nouns for one person, who is then someone other than the people named.
    static let personNouns: Set<String> = [
        "man", "woman", "soldier", "citizen", "person", "influencer", "blogger", "user", "fighter", "prisoner",
        "captive", "volunteer", "mercenary", "commenter", "guy", "serviceman", "worker", "student", "reporter", "journalist", "sailor", "national",
        "writer", "officer", "friend", "wife", "husband", "son", "daughter", "father", "mother", "interviewee",
    ]
    static let placeWords: Set<String> = [
        "region", "province", "oblast", "city", "town", "village", "district", "front", "border", "harbour", "harbor", "port", "bay",
        "river", "lake", "island", "street", "square", "airport", "station",
    ]
    /// Prepositions before a place named by a common noun ("sent *to* the front").
    static let placePrepositions: Set<String> = ["in", "to", "at", "near", "from", "into"]
    /// Last words that make a run of capitalised words a body, not a person ("Security
    /// Service", "Armed Forces", "Foreign Ministry"); a body's name goes on over "of".
    static let organisationWords: Set<String> = [
        "service", "services", "forces", "force", "ministry", "army", "agency", "council", "office", "committee",
        "party", "media", "news", "times", "post", "group", "bureau", "department", "embassy", "government",
        "court", "parliament", "assembly", "union", "guard", "directorate", "intelligence", "command", "police",
    ]

    /// A word without the punctuation around it.
    static func trimmed(_ word: String) -> String {
        var word = Substring(word)
        while let first = word.first, trimmedMarks.contains(first) { word = word.dropFirst() }
        while let last = word.last, trimmedMarks.contains(last) { word = word.dropLast() }
        return String(word)
    }

    /// The punctuation ``trimmed(_:)`` takes off.
    static let trimmedMarks: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?"]

    /// Where the terse topic question ("wang guangjun card rubles?") is, if there is one.
    private var topicQuestion: Int?
    /// True when the sentence names no one but speaks of someone ("he", "I"): the person
    /// is the one named last before it.
    private(set) var needsPerson = false
    /// True when the sentence after it says whose words it was ("This was announced by
    /// ..."): its ``names`` are the speaker.
    var isCredited = false
    /// True when the people it speaks of are several ("they", "the pair", "both"): one
    /// person named before is not them.
    private(set) var speaksOfSeveral = false
    /// True when it speaks of a group of people by a noun ("the pair", "both", "the two
    /// men"): the people named together shortly before.
    private(set) var namesAGroup = false
    /// The first verb in the past tense right after a person or "he"/"she" ("he *arrived*
    /// in Moscow"), the words after it to the end of its clause, whether they open with a
    /// preposition of place followed by a name or a place noun ("in Moscow", "to the front"),
    /// and the person before it (nil after "he" or "she": then whom the sentence speaks of).
    private(set) var activePast: (verb: String, object: [String], placeAfter: Bool, subject: String?)?
    /// Words that open a new clause after a verb's object ("... in Moscow *where* ...").
    static let clauseOpeners: Set<String> = ["where", "which", "who", "when", "while", "and", "but", "after", "before", "because"]
    /// True when it opens with "he" or "she": the one named before is its subject, even
    /// when it names someone else later ("He travelled ... with Mr Zhang").
    private(set) var opensWithPronoun = false
    /// True when the sentence speaks of one person it does not name ("a Chinese citizen"):
    /// "he" in the sentences after it may be them, not the one named before.
    private(set) var mentionsUnnamedPerson = false
    /// True when such a person comes before its "he" or "she" ("The soldier told her that he ..."),
    /// who is then likely them.
    private(set) var unnamedBeforePronoun = false
    /// True when the sentence reports speech ("said", "according to").
    private(set) var reportsSpeech = false

    /// Reads `sentence`. `known` are the people named earlier in the same article: a
    /// capitalised word that is one of their names ("Wang" after "Wang Guangjun") is them.
    init(_ sentence: String, words lists: WordLists, known: [String] = [], rarity: (String) -> Double) {
        // words as written, punctuation trimmed from their ends
        let raw = sentence.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let words = raw.map(Self.trimmed)
        let lower = words.map { $0.lowercased() }
        let stop = lists.stopWords

        // names: runs of capitalised words (a sentence's first word only with a capitalised neighbour or when listed)
        var runs: [(text: String, start: Int, end: Int)] = []
        var index = 0
        while index < words.count {
            guard words[index].first?.isUppercase == true, !stop.contains(lower[index]) else {
                index += 1
                continue
            }
            var end = index
            func joins(_ next: Int) -> Bool {
                // a month ends a name: "Anna Fratsyvir April 10"
                words[next].first?.isUppercase == true && !stop.contains(lower[next]) && !raw[next - 1].hasSuffix(",")
                    && !raw[next - 1].hasSuffix(".") && !Self.months.contains(lower[next])
            }
            while end + 1 < words.count {
                if joins(end + 1) {
                    end += 1
                } else if end + 2 < words.count, lower[end + 1] == "of", Self.organisationWords.contains(lower[end]), joins(end + 2),
                    !raw[end].hasSuffix(","), !raw[end].hasSuffix(".")
                {
                    end += 2  // a body's name goes on over "of": "Security Service of Ukraine", "Armed Forces of Ukraine"
                } else {
                    break
                }
            }
            var first = index
            // "(Ukrainian) President Volodymyr Zelensky": titles, and the country or side they are of
            while first < end,
                Self.titles.contains(lower[first])
                    || (first + 1 < end && Self.titles.contains(lower[first + 1])
                        && (lists.nameKinds[lower[first]] == .countries || lists.sides.contains { $0.contains(lower[first]) }))
            {
                first += 1
            }
            // a possessive is not part of the name ("Vladimir Putin's forces")
            var text = words[first...end].joined(separator: " ")
            for mark in ["'s", "\u{2019}s"] where text.hasSuffix(mark) && text.count > mark.count + 1 { text = String(text.dropLast(2)) }
            let listed = lists.nameKinds[text.lowercased()] != nil || Self.person(text, among: known, lists: lists) != nil
            if index > 0 || end > index || listed { runs.append((text, first, end)) }
            index = end + 1
        }
        func kind(_ name: String) -> WordLists.NameKind? {
            if let known = lists.nameKinds[name.lowercased()] { return known }
            if Self.person(name, among: known, lists: lists) != nil { return .people }
            if let last = name.lowercased().split(separator: " ").last, Self.organisationWords.contains(String(last)) { return .organisations }
            // "Russian Federation": a word of it names a country or a side
            return name.lowercased().split(separator: " ").lazy.compactMap { lists.nameKinds[String($0)] }.first { $0 != .people }
        }
        let people = runs.filter { run in
            guard let known = kind(run.text) else { return run.end > run.start && !Self.placeWords.contains(lower[run.end]) }
            return known == .people
        }
        let places = runs.filter { run in
            let after = run.start > 0 && Self.placePrepositions.contains(lower[run.start - 1])
            if let known = kind(run.text) { return known == .places || (known == .countries && after) }
            return after || (run.end + 1 < words.count && Self.placeWords.contains(lower[run.end + 1]))
        }
        let organisations = runs.filter { kind($0.text) == .organisations }
        names = people.map { Self.person($0.text, among: known, lists: lists) ?? $0.text }.uniqued()

        // figures
        let isYear = { (word: String) in word.count == 4 && Int(word).map { (1900...2100).contains($0) } == true }
        var ages: [Int] = []
        var counts: [(figure: String, what: [String])] = []
        var hasAmount = false
        for (position, word) in words.enumerated() where word.contains(where: \.isNumber) {
            let next = position + 1 < words.count ? lower[position + 1] : ""
            if lower[position].hasSuffix("-year-old") || (position > 0 && lower[position - 1] == "aged") || next == "years" {
                ages.append(position)
            } else if word.contains(where: { Self.currencyMarks.contains($0) }) || lists.classes.currencies.contains(next)
                || (Self.multipliers.contains(next) && position + 2 < words.count && lists.classes.currencies.contains(lower[position + 2]))
            {
                hasAmount = true
            } else if !isYear(word), !(position > 0 && Self.months.contains(lower[position - 1])), !Self.months.contains(next) {
                let what = lower.dropFirst(position + 1).prefix { !stop.contains($0) && !$0.contains(where: \.isNumber) && !Self.saying.contains($0) }.prefix(2)
                counts.append((word, Array(what)))
            }
        }
        // a date, or a time or length of time ("that night", "for about a month"): what
        // "when" and "how long" ask for
        // ("may" only as a month: "on 3 May", "began in May", not "sailors may leave")
        let isMonth = { (position: Int) in
            lower[position] != "may" || (position > 0 && words[position].hasPrefix("May"))
                || [position - 1, position + 1].contains { $0 >= 0 && $0 < words.count && words[$0].first?.isNumber == true }
        }
        let hasDate = words.contains(where: isYear) || lower.indices.contains { Answerer.timeWords.contains(lower[$0]) && isMonth($0) }
        reportsSpeech = lower.contains(where: Self.saying.contains)
        let quotes = sentence.contains(where: QuoteIndex.quotationMarks.contains)

        if quotes && reportsSpeech { types.append(.quote) }
        if !counts.isEmpty || !ages.isEmpty { types.append(.number) }
        if hasAmount { types.append(.amount) }
        if hasDate { types.append(.date) }
        if !people.isEmpty { types.append(.person) }
        // a place named by a common noun counts too: "sent *to the front*", "*in the* border *region*"
        let placeNoun = lower.indices.contains { position in
            Self.placeWords.contains(lower[position]) && position >= 2 && ["the", "a"].contains(lower[position - 1])
                && Self.placePrepositions.contains(lower[position - 2])
        }
        if !places.isEmpty || placeNoun { types.append(.place) }
        if !organisations.isEmpty { types.append(.organization) }
        types.append(.description)

        // what the sentence is about: its rarest plain words, in order
        let named = Set(runs.flatMap { Array($0.start...$0.end) })
        let plain = lower.indices.filter { position in
            let word = lower[position]
            guard !named.contains(position), !stop.contains(word), word.count > 2, !Self.saying.contains(word) else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" }
        }
        let topic = plain.sorted { rarity(lower[$0]) > rarity(lower[$1]) }.prefix(3).sorted().map { lower[$0] }.uniqued()
        let about = topic.joined(separator: " ")
        let person = names.first
        needsPerson = people.isEmpty && lower.contains(where: Self.pronouns.contains)
        // "They had been captured ...", "the pair stressed ...": several people, not one
        let personal = lower.filter { Self.pronouns.contains($0) }
        // (not "he said the men were ...": a "he" or "she" is one person)
        let singular = !personal.allSatisfy(Self.pluralPronouns.contains)
        speaksOfSeveral = !singular && !personal.isEmpty
        // ("the two men", "both prisoners", "both were": not "the two countries", "both sides")
        let group = { (word: String) in Self.groupWords.contains(word) || Self.personNouns.contains(word) }
        let pairs = Array(zip(lower, lower.dropFirst()))
        namesAGroup =
            !singular
            && (pairs.contains { $0 == "the" && group($1) }
                || zip(pairs, lower.dropFirst(2)).contains { $0.0 == "the" && $0.1 == "two" && group($1) }
                || (lower.first == "both" && lower.count > 1 && (group(lower[1]) || ["were", "was", "said", "had", "are", "have"].contains(lower[1]))))
        // "He told reporters he ... with Mr Zhang": the one speaking is the "he", not the one named
        opensWithPronoun = lower.first.map { $0 == "he" || $0 == "she" } ?? false
        // "a Chinese citizen", "the soldier": someone not named (not "journalist and writer
        // *Chai Jing*", which says who a name is); "he" after one may be them
        let unnamed = lower.indices.filter { position in
            Self.personNouns.contains(lower[position]) && !named.contains(position)
                && !people.contains { $0.start > position && $0.start <= position + 3 }
        }
        mentionsUnnamedPerson = !unnamed.isEmpty
        if let pronoun = lower.firstIndex(where: Self.pronouns.contains) {
            // (several people too, whom "he" may be one of: "*one of the Chinese citizens* said
            // that he paid", "*soldiers* guarded him; he said")
            unnamedBeforePronoun =
                unnamed.contains { $0 < pronoun }
                || lower[..<pronoun].contains { $0.count > 3 && $0.hasSuffix("s") && Self.personNouns.contains(String($0.dropLast())) }
        }

        // questions, most specific first: the sentence with the detail asked for put as a
        // question word ("Wang Guangjun paid ..." → "Who paid ...?"), then simpler ones
        func clause(from start: Int) -> [String] {
            var out: [String] = []
            for position in start..<raw.count {
                let word = raw[position]
                let bare = Self.trimmed(word)
                if !bare.isEmpty { out.append(bare) }
                if word.hasSuffix(",") || word.hasSuffix(";") || word.hasSuffix(".") || word.hasSuffix(":") || out.count >= 14 { break }
                if position + 1 < raw.count, ["—", "–", "-"].contains(raw[position + 1]) { break }
            }
            return out
        }
        for age in ages.prefix(1) {
            let nearest = people.min { abs($0.start - age) < abs($1.start - age) }
            questions.append("How old is \(nearest.map { Self.person($0.text, among: known, lists: lists) ?? $0.text } ?? "he")?")
        }
        // "Who ..." only when the sentence opens with a person ("Chinese prisoners said ..." is not "Who prisoners said ...?")
        if let subject = runs.first, subject.start == 0, people.contains(where: { $0.start == subject.start }),
            subject.end + 1 < words.count, !words[subject.end + 1].isEmpty,
            words[subject.end + 1].first?.isLowercase == true, !raw[subject.end].hasSuffix(","), !stop.contains(lower[subject.end + 1])
        {
            let rest = clause(from: subject.end + 1)
            if rest.count >= 2 { questions.append("Who " + rest.joined(separator: " ") + "?") }
        }
        for count in counts.prefix(2) where !count.what.isEmpty {
            if let at = words.firstIndex(of: count.figure) {
                let rest = clause(from: at + 1)
                questions.append("How many " + (rest.count >= 2 ? rest : count.what).joined(separator: " ") + "?")
            }
        }
        // "… was later sent to the front" → "Where was Zhang Renbo sent?"; with a date, "When was … ?"
        if let (verb, placeAfter) = Self.passive(lower) {
            let subject = person ?? (lower.contains(where: Self.pronouns.contains) ? "he" : nil)
            if let subject {
                if placeAfter, types.contains(.place) { questions.append("Where was \(subject) \(verb)?") }
                if hasDate { questions.append("When was \(subject) \(verb)?") }
            }
        }
        // "he arrived in Moscow": a verb in the past after a person, read by the draft, which
        // knows the words to find its base form ("When did Zhang Renbo arrive in Moscow?")
        // (not a participle after a comma: "Zhang Renbo, detained in Moscow, said ...")
        if let at = lower.indices.dropFirst().first(where: { position in
            let word = lower[position]
            guard word.count > 4, word.hasSuffix("ed"), !raw[position - 1].hasSuffix(",") else { return false }
            return lower[position - 1] == "he" || lower[position - 1] == "she" || people.contains { $0.end == position - 1 }
        }) {
            // who: the person named right before it, else (for "he", "she") whom the sentence speaks of
            let run = people.first { $0.end == at - 1 }
            let subject = run.map { Self.person($0.text, among: known, lists: lists) ?? $0.text }
            let object = clause(from: at + 1).prefix(5).prefix { !Self.clauseOpeners.contains($0.lowercased()) }
            // a place after the preposition: a name ("in Moscow") or a place noun ("to the front"), not "to them"
            let place =
                object.count >= 2 && Self.placePrepositions.contains(object[object.startIndex].lowercased())
                && object.dropFirst().prefix(2).contains { $0.first?.isUppercase == true || Self.placeWords.contains($0.lowercased()) }
            activePast = (verb: lower[at], object: Array(object), placeAfter: place, subject: subject)
        }
        if reportsSpeech, let person { questions.append("What did \(person) say?") }
        for name in names.prefix(2) { questions.append("Who is \(name)?") }
        questions = questions.uniqued()
        if !about.isEmpty {
            let topic = "\((names.prefix(1) + [about]).joined(separator: " ").lowercased())?"
            if !questions.contains(topic) {
                topicQuestion = questions.count
                questions.append(topic)
            }
        }
    }

    /// A word ending "-ed" (five letters or more) or one of the common irregular participles
    /// ("born", "held").
    static func isParticiple(_ word: String) -> Bool { (word.count > 4 && word.hasSuffix("ed")) || irregularParticiples.contains(word) }

    /// Past participles that do not end in "-ed".
    static let irregularParticiples: Set<String> = [
        "sent", "held", "taken", "brought", "kept", "born", "found", "seen", "shot", "caught", "put", "led", "made", "given",
        "told", "paid", "sold", "left", "hit", "struck", "flown", "driven", "written", "shown", "hidden",
    ]

    /// The first passive verb of a sentence ("was later *sent*", "were *captured*") and
    /// whether a preposition of place follows it within three words ("sent *to* the front").
    static func passive(_ lower: [String]) -> (verb: String, placeAfter: Bool)? {
        for position in lower.indices where lower[position] == "was" || lower[position] == "were" {
            var verb = position + 1
            // one adverb between ("was later sent", "were eventually captured")
            if verb < lower.count, lower[verb].hasSuffix("ly") || ["later", "then", "first", "also", "soon"].contains(lower[verb]) { verb += 1 }
            guard verb < lower.count else { return nil }
            let word = lower[verb]
            guard Self.isParticiple(word) else { continue }
            let after = lower.dropFirst(verb + 1).prefix(3)
            return (word, after.contains { placePrepositions.contains($0) || $0 == "on" })
        }
        return nil
    }

    /// The person of `known` whose first or last name `name` is ("Wang" for "Wang
    /// Guangjun"; a title before it is dropped by the caller), if exactly one is: not a
    /// word the lists name as something else ("Ukrainian"), a title or a stop word.
    static func person(_ name: String, among known: [String], lists: WordLists) -> String? {
        let word = name.lowercased()
        guard !word.contains(" "), lists.nameKinds[word] == nil, !titles.contains(word), !lists.stopWords.contains(word),
            !lists.sides.contains(where: { $0.contains(word) })
        else { return nil }
        let matches = known.filter { person in
            let parts = person.lowercased().split(separator: " ")
            return parts.count > 1 && (parts.first == Substring(word) || parts.last == Substring(word))
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Takes in the people an earlier sentence named, for a sentence that speaks of them
    /// without naming them: they become its names, and questions name them.
    /// `quoting`: the sentence is part of what they said, in a quotation that runs over
    /// several sentences and names its speaker at its end.
    mutating func carry(_ people: [String], quoting: Bool = false) {
        guard !people.isEmpty else { return }
        names = people
        if !types.contains(.person) { types.insert(.person, at: max(0, types.count - 1)) }
        if quoting {
            if !types.contains(.quote) { types.insert(.quote, at: 0) }
            questions.insert("What did \(people[0]) say?", at: 0)
            topicQuestion = topicQuestion.map { $0 + 1 }
        }
        questions = questions.map { question in
            question.hasSuffix(" he?") ? String(question.dropLast(4)) + " \(people[0])?" : question
        }
        if let topic = topicQuestion, topic < questions.count, !questions[topic].hasPrefix(people[0].lowercased()) {
            // a name the sentence gave first gives way to the one it speaks of
            var question = questions[topic]
            if let named = people.dropFirst().first?.lowercased(), question.hasPrefix(named + " ") { question.removeFirst(named.count + 1) }
            questions[topic] = people[0].lowercased() + " " + question
        }
    }
}

extension SentenceReading {
    /// Every sentence of an article read in order, with `carried` true where the sentence
    /// names no one but speaks of someone: its names are then the people named last before
    /// it ("A day later, he said ..."), or a quotation's speaker named where it closes.
    /// People named once are known by one of their names after ("Wang" for "Wang Guangjun").
    /// `sure` when no one unnamed came between ("interviewed *a Chinese citizen*", "*the
    /// soldier* told her that he ..."): the names carried are then who "he" is, not only
    /// who the passage is about.
    static func readings(of sentences: [String], words: WordLists, rarity: (String) -> Double) -> [(
        reading: SentenceReading, carried: Bool, sure: Bool
    )] {
        var known: [String] = []
        let readings = sentences.map { sentence in
            let reading = SentenceReading(sentence, words: words, known: known, rarity: rarity)
            known = (known + reading.names).uniqued()
            return reading
        }
        let quotationEnds = quotationEnds(sentences)
        var lastPeople: [String] = []  // who the sentences before spoke of: "he" and "I" are them
        var lastSure = false  // and no one unnamed came after them
        var lastGroup: (names: [String], at: Int) = ([], 0)  // the several people named last, and where: "the pair"
        return readings.indices.map { number in
            var reading = readings[number]
            var carried = false
            var sure = false
            if reading.names.isEmpty, number + 1 < readings.count, Self.creditsThePrevious(sentences[number + 1]),
                !readings[number + 1].names.isEmpty
            {
                // "China promotes ... . This was announced by Zhang Renbo ...": whose words they were
                reading.carry(readings[number + 1].names, quoting: true)
                reading.isCredited = true
                carried = true
                sure = true
            } else if reading.names.isEmpty, let end = quotationEnds[number], readings[end].reportsSpeech, !readings[end].names.isEmpty {
                reading.carry(readings[end].names, quoting: true)  // a quotation's speaker is named at its end
                carried = true
                sure = true
            } else if reading.names.isEmpty, reading.namesAGroup || reading.speaksOfSeveral, lastPeople.count < 2 {
                // "the pair": the several people named together shortly before, not the one
                // named since; "they" alone may be anything ("the videos"): no one
                if reading.namesAGroup, number - lastGroup.at <= Self.groupReach {
                    reading.carry(lastGroup.names)
                    carried = !lastGroup.names.isEmpty
                }
            } else if reading.names.isEmpty, reading.needsPerson || reading.namesAGroup {
                reading.carry(lastPeople)
                carried = !lastPeople.isEmpty
                sure = carried && lastSure && !reading.unnamedBeforePronoun
            } else if reading.opensWithPronoun, let subject = lastPeople.first, !reading.names.contains(subject) {
                reading.carry([subject] + reading.names)  // (not "sure": "he" is told apart by nothing but order)
                carried = true
            }
            // (a line that is only a name is a byline or a caption: no one the text goes on about)
            if !reading.names.isEmpty, !Self.isOnlyAName(sentences[number], reading.names) { lastPeople = reading.names }
            if reading.names.count >= 2 { lastGroup = (reading.names, number) }
            lastSure = !readings[number].mentionsUnnamedPerson && (!readings[number].names.isEmpty || sure)
            return (reading, carried, sure)
        }
    }

    /// True for a "sentence" that is nothing but the names read in it ("Iryna Perepechko",
    /// "By Ada Marsh": a byline).
    static func isOnlyAName(_ sentence: String, _ names: [String]) -> Bool {
        let words = sentence.split { !$0.isLetter }
        let count = words.count - (words.first?.lowercased() == "by" ? 1 : 0)
        return count <= 4 && count == names.reduce(0) { $0 + $1.split { !$0.isLetter }.count }
    }

    /// True for a sentence that says who said the one before it: "This was announced by
    /// Zhang Renbo ...", "This was stated by ...", "That was reported by ...".
    static func creditsThePrevious(_ sentence: String) -> Bool {
        let words = sentence.lowercased().split(separator: " ").prefix(5).map(String.init)
        guard words.count >= 4, ["this", "that", "it"].contains(words[0]), words[1] == "was" || words[1] == "is" else { return false }
        let verb = words[2] == "also" ? 3 : 2
        return verb + 1 < words.count && Self.crediting.contains(words[verb]) && words[verb + 1] == "by"
    }

    static let crediting: Set<String> = ["announced", "stated", "said", "reported", "told", "claimed", "noted", "declared", "written"]

    /// The name a sentence that speaks of someone without naming them is given: put in
    /// brackets, as a quotation's insertions are ("[Wang Guangjun] was also offered ..." for
    /// "He was also offered ..."), or as the `speaker` of what one person says in the first
    /// person ("I received a card ..."). Nil when it only says "they" (the name carried may
    /// not be theirs) or no one.
    struct Attribution: Sendable, Equatable {
        /// The one speaking in the first person, named before the sentence.
        var speaker: String?
        /// The sentence, with a name in brackets in place of "he" or "she".
        var text: String
    }

    /// The attribution of `sentence` to the first of `names` (``Attribution``).
    /// A sentence `credited` to them (``isCredited``) is said by the first of them.
    static func attribution(_ sentence: String, to names: [String], credited: Bool = false) -> Attribution? {
        guard let name = names.first else { return nil }
        if credited { return Attribution(speaker: name, text: sentence) }
        var words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // (the pronoun as a word, punctuation around it kept: "he," → "[Name],")
        if let at = words.firstIndex(where: { ["he", "she"].contains(trimmed($0).lowercased()) }),
            let core = words[at].range(of: trimmed(words[at]))
        {
            words[at].replaceSubrange(core, with: "[\(name)]")
            return Attribution(text: words.joined(separator: " "))
        }
        // "I received a card ...": said in the first person, by the one person carried
        let firstPerson = words.contains { ["i", "my", "me"].contains(trimmed($0).lowercased()) }
        return firstPerson && names.count == 1 ? Attribution(speaker: name, text: sentence) : nil
    }

    /// The sentence as a draft fact's answer: with its ``attribution(_:to:)``, the speaker
    /// before it ("Zhang Renbo: I received ..."); as it is without one.
    static func attributed(_ sentence: String, to names: [String], credited: Bool = false) -> String {
        guard let attribution = attribution(sentence, to: names, credited: credited) else { return sentence }
        return attribution.speaker.map { "\($0): \(attribution.text)" } ?? attribution.text
    }

    /// The quotations that run over several sentences: for each sentence inside one (not
    /// its last), the index of the sentence that closes it, where the speaker is named
    /// ("…on power banks," Zhang Renbo said.). A quotation left open for more than
    /// `longest` sentences is taken for a stray mark, and counts for nothing.
    static func quotationEnds(_ sentences: [String], longest: Int = 6) -> [Int: Int] {
        // how a sentence changes whether a quotation is open: straight marks toggle, curly ones open and close
        func balance(_ sentence: String) -> (opens: Bool, closes: Bool) {
            var (straight, opening, closing) = (0, 0, 0)
            for character in sentence {  // by character, as a mark with an accent on it is no mark
                switch character {
                case "\"": straight += 1
                case "“", "«": opening += 1
                case "”", "»": closing += 1
                default: break
                }
            }
            return (straight % 2 == 1 || opening > closing, straight % 2 == 1 || closing > opening)
        }
        var ends: [Int: Int] = [:]
        var start: Int?
        for (position, sentence) in sentences.enumerated() {
            let marks = balance(sentence)
            if let open = start {
                if marks.closes {
                    for inside in open..<position { ends[inside] = position }
                    start = nil
                } else if position - open >= longest {
                    start = nil
                }
            } else if marks.opens {
                start = position
            }
        }
        return ends
    }
}
