/// Classes of words the requested-detail checks and the drafts rely on, kept by the
/// curator in `wordclasses.txt` (one section each). The built-in lists hold for any
/// section the file leaves out, so a knowledge folder without the file works as before.
public struct WordClasses: Sendable, Equatable {
    /// `[people nouns]`: plural nouns for people; "which of the *prisoners*" wants one of
    /// them by name.
    public var peopleNouns: WordSet = [
        "prisoners", "men", "soldiers", "fighters", "captives", "pows", "recruits", "people", "women",
        "journalists", "officials", "them", "pair", "brothers", "volunteers", "mercenaries", "chinese",
        "sailors", "crew", "workers", "officers", "children", "leaders", "suspects", "detainees",
    ]
    /// `[institution words]`: capitalised words of institutions, not people ("Foreign
    /// *Ministry*", "Security *Service*"): a name asked for is not one of these.
    public var institutionWords: WordSet = [
        "ministry", "office", "service", "forces", "force", "group", "council", "department",
        "army", "committee", "agency", "union", "party", "government", "conference", "district",
        "center", "centre", "armed", "foreign", "security", "military", "defense", "defence",
        "presidential", "parliament", "embassy", "court", "police",
    ]
    /// `[outlet nouns]`: "which *outlet*" is answered by any answer's citation.
    public var outletNouns: WordSet = [
        "outlet", "outlets", "media", "newspaper", "newspapers", "paper", "papers", "publication",
        "publications", "site", "sites", "website", "websites", "agency", "agencies", "source", "sources",
    ]
    /// `[role nouns]`: a job or role, stated in too many words to check for.
    public var roleNouns: WordSet = ["job", "jobs", "role", "roles", "position", "occupation", "profession", "post", "title", "work", "living"]
    /// `[organisation nouns]`: "which *app*" wants an organisation's name.
    public var organisationNouns: WordSet = [
        "app", "platform", "platforms", "site", "website", "outlet", "newspaper", "paper",
        "company", "network", "publication", "channel", "account",
    ]
    /// `[currencies]`: words that make a figure an amount of money.
    public var currencies: WordSet = [
        "yuan", "pound", "pounds", "dollar", "dollars", "euro", "euros", "rouble", "roubles",
        "ruble", "rubles", "hryvnia", "hryvnias", "usd",
    ]
    /// `[number words]`: number words read as digits ("two" → "2"), after chat shorthand,
    /// so "4" can still mean "for". Lines of `word = digits`.
    public var numberWords: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
        "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
        "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100",
    ]

    /// The built-in lists.
    public init() {}

    /// The sections of word lists, by name (`[number words]` is read apart).
    nonisolated(unsafe) static let sections: [(name: String, list: WritableKeyPath<WordClasses, WordSet>)] = [  // key paths: immutable, never written
        ("people nouns", \.peopleNouns), ("institution words", \.institutionWords), ("outlet nouns", \.outletNouns),
        ("role nouns", \.roleNouns), ("organisation nouns", \.organisationNouns), ("currencies", \.currencies),
    ]
    static let numberSection = "number words"
}

extension WordListParser {
    /// Parses `wordclasses.txt`: sections (`[people nouns]`, `[institution words]`,
    /// `[outlet nouns]`, `[role nouns]`, `[organisation nouns]`, `[currencies]`: words,
    /// several to a line; `[number words]`: `word = digits` lines). A section the file lists
    /// replaces the built-in one; the others stay.
    public static func wordClasses(_ text: String, file: String) throws(Diagnostics) -> WordClasses {
        var classes = WordClasses()
        let sections = WordClasses.sections
        try sectioned(text, file: file, known: sections.map(\.name) + [WordClasses.numberSection]) { name in
            if name == WordClasses.numberSection { classes.numberWords = [:] }
            if let section = sections.first(where: { $0.name == name }) { classes[keyPath: section.list] = [] }
        } item: { name, content in
            guard name == WordClasses.numberSection else {
                if let section = sections.first(where: { $0.name == name }) { classes[keyPath: section.list].formUnion(Self.wordsOnALine(content)) }
                return nil
            }
            let parts = content.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace().lowercased() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(" "), !parts[1].isEmpty, parts[1].allSatisfy({ $0.isNumber }) else {
                return "expected \"word = digits\" (like \"twelve = 12\"), got \"\(content)\""
            }
            classes.numberWords[parts[0]] = parts[1]
            return nil
        }
        return classes
    }
}
