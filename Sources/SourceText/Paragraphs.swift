/// Paragraph clean-up shared by HTML and plain-text extraction.
public enum Paragraphs {
    /// Whitespace runs (including non-breaking spaces) collapsed to one space, trimmed.
    public static func normalise(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{A0}" || scalar == "\u{200B}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if scalar.value < 0x20 || scalar.value == 0x7F { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Drops empty paragraphs and exact or near duplicates (scraped pages repeat
    /// paragraphs, some reworded): a paragraph whose words mostly (80%) repeat an
    /// earlier one of similar length is dropped; the first wording is kept.
    public static func deduplicate(_ paragraphs: [String]) -> [String] {
        var kept: [String] = []
        var keptWords: [Set<Substring>] = []
        for paragraph in paragraphs where !paragraph.isEmpty {
            let words = Set(wordsOf(paragraph))
            let duplicate = keptWords.contains { earlier in
                if earlier == words { return true }
                guard words.count >= 6, earlier.count >= 6 else { return false }
                let shared = Double(words.intersection(earlier).count)
                return shared / Double(min(words.count, earlier.count)) >= 0.8
                    && Double(min(words.count, earlier.count)) / Double(max(words.count, earlier.count)) >= 0.6
            }
            if duplicate { continue }
            kept.append(paragraph)
            keptWords.append(words)
        }
        return kept
    }

    static func wordsOf(_ text: String) -> [Substring] {
        Substring(text.lowercased()).split { !$0.isLetter && !$0.isNumber }
    }

    /// Plain text: one paragraph per non-empty line.
    public static func fromPlainText(_ text: String) -> Article {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { normalise(String($0)) }
        return Article(paragraphs: deduplicate(lines))
    }
}

/// Splits text into sentences at `.`, `!` or `?` (and any closing quotes or brackets after
/// it) followed by a space and a capital, a digit or an opening quote, not after a title
/// (`Mr.`), an initial (`J.`) or inside a number.
public enum Sentences {
    /// What may close a sentence after its mark: quotes and brackets.
    static let closers: Set<Character> = ["\"", "'", "”", "’", "»", ")", "]"]
    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "vs", "no", "jr", "sr", "u.s", "e.g", "i.e", "etc"]

    /// The sentences of one paragraph.
    public static func split(_ paragraph: String) -> [String] {
        let characters = Array(paragraph)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            // the mark may be followed by closing quotes or brackets ("... toward Russia." In turn ...)
            var end = index
            let ends = character == "." || character == "!" || character == "?"
            if ends {
                while end + 1 < characters.count, Self.closers.contains(characters[end + 1]) { end += 1 }
            }
            if ends, end + 2 < characters.count, characters[end + 1] == " " {
                let next = characters[end + 2]
                let opensSentence = next.isUppercase || next.isNumber || "\"'«“‘(".contains(next)
                // The word before the mark; titles are short, so look back a dozen characters
                // at most (a long unbroken "word" must not make this quadratic).
                var back = index - 1
                while back >= start, !characters[back].isWhitespace, index - back <= 12 { back -= 1 }
                let word = String(characters[(back + 1)..<index])
                let bare = String(word.lowercased().drop(while: { "\"'«“(".contains($0) }))  // after an opening quote
                let isTitle = character == "." && (titles.contains(bare) || (bare.count == 1 && bare.first!.isLetter))
                if opensSentence && !isTitle {
                    sentences.append(String(characters[start...end]))
                    start = end + 2
                    index = start
                    continue
                }
            }
            index += 1
        }
        if start < characters.count { sentences.append(String(characters[start...])) }
        return sentences.map(Paragraphs.normalise).filter { !$0.isEmpty }
    }
}
