/// Curated facts whose figures a source's text no longer holds: what a curator should
/// review after a refresh. Pure: it is handed the texts.
public enum Drift {
    /// One fact to review.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// How the figures went missing.
        public enum Kind: Sendable, Equatable {
            /// The previous copy held them and the new one does not: the article changed.
            case lost
            /// The stored copy does not hold them (`check --sources`): figures the curator
            /// wrote that the article never gave, or that it lost before it was first fetched.
            case absent
        }

        public var factID: String
        public var file: String
        public var line: Int
        /// The figures from the fact's answer the text lacks.
        public var missing: [String]
        public var kind: Kind = .lost

        public var description: String {
            let figures = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            switch kind {
            case .lost: return "\(file):\(line): fact \(factID): \(figures) no longer in the source"
            case .absent: return "\(file):\(line): fact \(factID): \(figures) not in the stored copy of the source"
            }
        }
    }

    /// After a refresh: every fact citing `sourceID` with a figure that `before` (the
    /// previous copy's text) held and `after` (the new one's) does not. Figures the
    /// article never held (a year or a weekday the curator added) are never reported.
    public static func lost(_ facts: [Fact], sourceID: String, before: String, after: String) -> [Finding] {
        let before = digitsNormalised(before)
        let after = digitsNormalised(after)
        return checked(facts, sourceID: sourceID) { figure in
            let figure = digitsNormalised(figure)
            return before.contains(figure) && !after.contains(figure)
        }.map { Finding(factID: $0.id, file: $0.file, line: $0.line, missing: $1, kind: .lost) }
    }

    /// An audit: every fact citing `sourceID` with a figure that `text` (a stored copy)
    /// does not hold.
    public static func absent(_ facts: [Fact], sourceID: String, from text: String) -> [Finding] {
        let text = digitsNormalised(text)
        return checked(facts, sourceID: sourceID) { !text.contains(digitsNormalised($0)) }
            .map { Finding(factID: $0.id, file: $0.file, line: $0.line, missing: $1, kind: .absent) }
    }

    /// The curated facts of `sourceID` (no gaps, none about the source itself) with the
    /// figures of their answers for which `missing` holds.
    private static func checked(_ facts: [Fact], sourceID: String, missing: (String) -> Bool) -> [(Fact, [String])] {
        facts.filter { $0.sourceID == sourceID && !$0.types.contains(.gap) && !$0.isAboutSource }.compactMap { fact in
            let gone = figures(in: fact.answer).filter(missing)
            return gone.isEmpty ? nil : (fact, gone)
        }
    }

    /// Numbers in a text: `18,000`, `1.5`, `2025`, `155` (a digit run with inner `,` `.` or space separators).
    public static func figures(in text: String) -> [String] {
        var figures: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty, ",.".contains(character), index + 1 < characters.count, characters[index + 1].isASCII && characters[index + 1].isNumber
            {
                current.append(character)
            } else if !current.isEmpty {
                figures.append(current)
                current = ""
            }
        }
        if !current.isEmpty { figures.append(current) }
        return figures.filter { $0.filter(\.isNumber).count >= 2 }  // single digits are everywhere
    }

    /// Digits with the thousands separators between them removed (`18,000` and `18 000` → `18000`).
    static func digitsNormalised(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == "," || character == " " || character == "\u{A0}" || character == "\u{202F}",
                index > 0, index + 1 < characters.count, characters[index - 1].isNumber, characters[index + 1].isNumber
            {
                continue
            }
            out.append(character)
        }
        return out
    }
}
