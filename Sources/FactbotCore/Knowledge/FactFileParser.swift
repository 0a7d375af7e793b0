/// Parses a fact file (`knowledge/facts/*.yaml`): a list of facts, each with
/// `id`, `answer`, `questions`, `type`, `source` and optional `keywords`, and links to
/// other facts telling of the same thing: `updates`, `disputes`, `confirms`; `draft: true`
/// marks a fact `factbot draft` wrote that is not reviewed yet.
public enum FactFileParser {
    static let keys = ["id", "answer", "questions", "keywords", "type", "source", "draft"] + Fact.Relation.Kind.allCases.map(\.rawValue)
    static let required = ["id", "answer", "questions", "type", "source"]

    /// Parses `text` read from `file`. Throws ``Diagnostics`` listing every problem found.
    public static func parse(_ text: String, file: String) throws(Diagnostics) -> [Fact] {
        var reader = YAMLEntries(file: file)
        var facts: [Fact] = []
        for entry in reader.entries(in: text, allowedKeys: keys, requiredKeys: required) {
            let id = reader.text(entry, "id")
            let answer = reader.text(entry, "answer")?.collapsingWhitespace
            let source = reader.text(entry, "source")
            let questionsWithLines = reader.listWithLines(entry, "questions")
            let questions = questionsWithLines.map(\.text.collapsingWhitespace)
            let keywords = reader.list(entry, "keywords")
            var types: [AnswerType] = []
            let typeItems = reader.listWithLines(entry, "type")
            for (name, line) in typeItems {
                if let type = AnswerType(rawValue: name.lowercased()) {
                    types.append(type)
                } else {
                    let names = AnswerType.allCases.map(\.rawValue)
                    reader.fail(
                        line: line,
                        "unknown answer type \"\(name)\"\(Suggestion.didYouMean(name.lowercased(), in: names)); use one of: \(names.joined(separator: ", "))")
                }
            }
            if let id, !Self.isValidID(id) {
                reader.fail(line: entry.line(of: "id"), "id \"\(id)\" may hold only letters, digits, \"-\", \"_\" and \".\"")
            }
            if entry.fields["questions"] != nil, questions.isEmpty {
                reader.fail(line: entry.line(of: "questions"), "a fact needs at least one example question")
            }
            if entry.fields["type"] != nil, typeItems.isEmpty {
                reader.fail(line: entry.line(of: "type"), "\"type\" is empty")
            }
            var isDraft = false
            if let draft = reader.text(entry, "draft") {
                switch draft.lowercased() {
                case "true", "yes": isDraft = true
                case "false", "no": isDraft = false
                default: reader.fail(line: entry.line(of: "draft"), "\"draft\" is true or false, not \"\(draft)\"; delete the line once the fact is reviewed")
                }
            }
            var relations: [Fact.Relation] = []
            for kind in Fact.Relation.Kind.allCases {
                for (other, line) in reader.listWithLines(entry, kind.rawValue) {
                    if other == id {
                        reader.fail(line: line, "fact \"\(other)\" cannot \(kind.verb) itself")
                    } else if relations.contains(where: { $0.factID == other }) {
                        reader.fail(line: line, "fact \"\(other)\" is linked twice; give one of updates, disputes, confirms")
                    } else {
                        relations.append(Fact.Relation(kind, other, line: line))
                    }
                }
            }
            guard let id, let answer, let source, !questions.isEmpty, !types.isEmpty else { continue }
            var fact = Fact(
                id: id, answer: answer, questions: questions, keywords: keywords,
                types: types, sourceID: source, file: file, line: entry.line,
                questionLines: questionsWithLines.map(\.line))
            fact.relations = relations
            fact.sourceLine = entry.line(of: "source")
            fact.isDraft = isDraft
            facts.append(fact)
        }
        if !reader.diagnostics.isEmpty { throw Diagnostics(reader.diagnostics) }
        return facts
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy {
                ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
    }
}
