/// What one sentence holds, read from its surface for a draft fact: the names in it (runs
/// of capitalised words, told apart by names.txt), its figures, ages, amounts and dates,
/// whether it reports speech; from these, the kinds of answer it gives and questions a
/// reader might ask of it. Rules, not a parser: the draft is for a curator to edit.
struct SentenceReading {
    /// The sentence's names, as written ("Wang Guangjun", "Kyiv").
    private(set) var names: [String] = []
    /// The kinds of answer the sentence gives, the main one first.
    private(set) var types: [AnswerType] = []
    /// Questions made from it, most specific first.
    private(set) var questions: [String] = []

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                                      "saturday", "sunday", "yesterday", "today"]
    static let saying: Set<String> = ["said", "says", "say", "told", "tells", "stated", "added", "claimed", "claims", "according",
                                      "announced", "urged", "warned", "denied", "called", "wrote"]
    static let currencyMarks: Set<Character> = ["$", "£", "€", "¥", "₽"]
    static let currencyWords: Set<String> = ["yuan", "dollars", "dollar", "roubles", "rubles", "rouble", "ruble", "euros", "pounds",
                                             "hryvnias", "usd"]
    static let placeWords: Set<String> = ["region", "province", "oblast", "city", "town", "village", "district", "front", "border"]

    /// A word without the punctuation around it.
    static func trimmed(_ word: String) -> String {
        let marks: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?"]
        var word = Substring(word)
        while let first = word.first, marks.contains(first) { word = word.dropFirst() }
        while let last = word.last, marks.contains(last) { word = word.dropLast() }
        return String(word)
    }

    init(_ sentence: String, words lists: WordLists, rarity: (String) -> Double) {
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
            while end + 1 < words.count, words[end + 1].first?.isUppercase == true, !stop.contains(lower[end + 1]),
                  !raw[end].hasSuffix(","), !raw[end].hasSuffix(".") { end += 1 }
            let text = words[index...end].joined(separator: " ")
            let listed = lists.nameKinds[text.lowercased()] != nil
            if index > 0 || end > index || listed { runs.append((text, index, end)) }
            index = end + 1
        }
        func kind(_ name: String) -> WordLists.NameKind? { lists.nameKinds[name.lowercased()] }
        let people = runs.filter { run in
            guard let known = kind(run.text) else { return run.end > run.start && !Self.placeWords.contains(lower[run.end]) }
            return known == .people
        }
        let places = runs.filter { run in
            if let known = kind(run.text) { return known == .places || known == .countries }
            return run.end + 1 < words.count && Self.placeWords.contains(lower[run.end + 1])
        }
        let organisations = runs.filter { kind($0.text) == .organisations }
        names = runs.map(\.text).uniqued()

        // figures
        let isYear = { (word: String) in word.count == 4 && Int(word).map { (1900...2100).contains($0) } == true }
        var ages: [Int] = []
        var counts: [(figure: String, what: [String])] = []
        var hasAmount = false
        for (position, word) in words.enumerated() where word.contains(where: \.isNumber) {
            let next = position + 1 < words.count ? lower[position + 1] : ""
            if lower[position].hasSuffix("-year-old") || (position > 0 && lower[position - 1] == "aged") || next == "years" {
                ages.append(position)
            } else if word.contains(where: { Self.currencyMarks.contains($0) }) || Self.currencyWords.contains(next) {
                hasAmount = true
            } else if !isYear(word), !(position > 0 && Self.months.contains(lower[position - 1])), !Self.months.contains(next) {
                let what = lower.dropFirst(position + 1).prefix { !stop.contains($0) && !$0.contains(where: \.isNumber) && !Self.saying.contains($0) }.prefix(2)
                counts.append((word, Array(what)))
            }
        }
        let hasDate = lower.contains(where: Self.months.contains) || words.contains(where: isYear)
        let reportsSpeech = lower.contains(where: Self.saying.contains)
        let quotes = sentence.contains(where: { "\"“«".contains($0) })

        if quotes && reportsSpeech { types.append(.quote) }
        if !counts.isEmpty || !ages.isEmpty { types.append(.number) }
        if hasAmount { types.append(.amount) }
        if hasDate { types.append(.date) }
        if !people.isEmpty { types.append(.person) }
        if !places.isEmpty { types.append(.place) }
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
        let person = people.first?.text

        // questions, most specific first
        for age in ages.prefix(1) {
            let nearest = people.min { abs($0.start - age) < abs($1.start - age) }
            questions.append("How old is \(nearest?.text ?? "he")?")
        }
        for count in counts.prefix(2) where !count.what.isEmpty {
            questions.append("How many \(count.what.joined(separator: " "))?")
        }
        if hasAmount, !about.isEmpty { questions.append("How much: \(about)?") }
        if hasDate, !about.isEmpty { questions.append("When: \(about)?") }
        if let place = places.first, !about.isEmpty, place.text != person { questions.append("Where: \(about)?") }
        if reportsSpeech, let person { questions.append("What did \(person) say about \(about.isEmpty ? "it" : about)?") }
        for name in people.prefix(2).map(\.text) { questions.append("Who is \(name)?") }
        if !about.isEmpty { questions.append("\((names.prefix(1) + [about]).joined(separator: " ").lowercased())?") }
        questions = questions.uniqued()
    }
}
