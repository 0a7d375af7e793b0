import FactbotCore
import SourceText

/// Curated facts whose figures no longer appear in the fetched text of their source.
public enum Drift {
    /// One fact to review.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var factID: String
        public var file: String
        public var line: Int
        /// The figures from the fact's answer that the article no longer holds.
        public var missing: [String]

        public var description: String {
            "\(file):\(line): fact \(factID): \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) no longer in the source"
        }
    }

    /// Checks every fact citing `sourceID` against `article`.
    public static func check(_ facts: [Fact], sourceID: String, against article: Article) -> [Finding] {
        let text = digitsNormalised(article.paragraphs.joined(separator: " ") + " " + article.title)
        return facts.filter { $0.sourceID == sourceID && !$0.types.contains(.gap) && !$0.isAboutSource }.compactMap { fact in
            let missing = figures(in: fact.answer).filter { !text.contains(digitsNormalised($0)) }
            return missing.isEmpty ? nil : Finding(factID: fact.id, file: fact.file, line: fact.line, missing: missing)
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
            } else if !current.isEmpty, ",.".contains(character), index + 1 < characters.count, characters[index + 1].isASCII && characters[index + 1].isNumber {
                current.append(character)
            } else if !current.isEmpty {
                figures.append(current)
                current = ""
            }
        }
        if !current.isEmpty { figures.append(current) }
        return figures.filter { $0.filter(\.isNumber).count >= 2 } // single digits are everywhere
    }

    /// Digits with the thousands separators between them removed (`18,000` and `18 000` → `18000`).
    static func digitsNormalised(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if (character == "," || character == " " || character == "\u{A0}" || character == "\u{202F}"),
               index > 0, index + 1 < characters.count, characters[index - 1].isNumber, characters[index + 1].isNumber {
                continue
            }
            out.append(character)
        }
        return out
    }
}
