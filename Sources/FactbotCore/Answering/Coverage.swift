/// Questions that ask which outlets reported something ("which outlets covered the press
/// conference?", "what media reported Wang's age?", "who else reported the 155 figure?";
/// not "which newspaper reported ...?", which asks for one):
/// the answer is every outlet's account of it, each with its citation.
extension Answerer {
    /// The positions of the words that ask for the outlets (the outlet noun and the verb of
    /// reporting; "who", "else" and the verb for "who else reported"), or none when the question does not ask which outlets reported something.
    /// A question about an article itself ("which outlet published the Babel article?",
    /// "who wrote ...") is not one: its source facts answer it.
    func coverageAsked(_ words: [Token]) -> [Int] {
        let text = words.map(\.text)
        let outlets = knowledge.words.classes.outletNouns
        // "which outlets", "what media", "which newspapers"
        let asked = text.indices.first { at in
            text[max(0, at - 2)..<at].contains { $0 == "which" || $0 == "what" } && outlets.contains(text[at]) && Self.severalOutlets(text[at])
        }
        guard asked != nil || text.first == "who", !text.contains(where: Self.articleNouns.contains) else { return [] }
        guard let noun = asked else {
            // "who reported ...", "who else covered ...": someone asking who carried a story
            // (the question opens with "who": the guard above)
            let verb = text.count > 1 && text[1] == "else" ? 2 : 1
            guard verb < text.count, Self.reportingVerbs.contains(text[verb]), verb + 1 < text.count else { return [] }
            return Array(0...verb)
        }
        guard let verb = text.indices.first(where: { $0 > noun && $0 <= noun + 3 && Self.coverageVerbs.contains(text[$0]) }) else { return [] }
        return [noun, verb]
    }

    /// "Outlets", "media", "newspapers": several asked for. "Which newspaper reported on
    /// the recruitment?" asks for the one the article credits, answered as any question is.
    static func severalOutlets(_ noun: String) -> Bool { noun == "media" || (noun.hasSuffix("s") && !noun.hasSuffix("ss")) }

    /// After "who": only verbs of reporting ("who carried the bomb?" asks for a person).
    static let reportingVerbs: WordSet = ["report", "reports", "reported", "cover", "covers", "covered"]

    /// Verbs of carrying a story; "published" and "wrote" are left out, as they ask about an
    /// article ("which outlet published this?").
    static let coverageVerbs = reportingVerbs.union([
        "carry", "carries", "carried", "ran", "mention", "mentions", "mentioned", "give", "gave", "gives", "cite", "cited",
    ])
}
