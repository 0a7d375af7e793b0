import Foundation

/// Splits text into normalised words: case and accents folded, curly quotes made straight,
/// punctuation dropped, numbers unified (`60,000` → `60000`, `18k` → `18000`).
/// Robust to any input: control characters and junk are separators.
public enum Tokenizer {
    /// Longest input considered, in words. Questions are short; this bounds the work a
    /// pasted page can cause.
    public static let maximumTokens = 64

    /// Number words read as digits (after chat shorthand, so "4" can still mean "for").
    static let numberWords: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
        "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
        "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100",
    ]

    /// The words of `text`, at most ``maximumTokens``.
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentCapitalised = false
        var sentenceStart = true
        var clauseStart = true
        let scalars = Array(text.unicodeScalars.prefix(4096))

        func flush() {
            guard !current.isEmpty else { return }
            var word = String(current)
            current = String.UnicodeScalarView()
            while word.hasSuffix("'") { word.removeLast() }
            while word.hasPrefix("'") { word.removeFirst() }
            guard !word.isEmpty else { return }
            word = fold(word)
            if word.count > 1, word.hasSuffix("k"), word.dropLast().allSatisfy(\.isASCIIDigit) {
                word = String(word.dropLast()) + "000"
            }
            tokens.append(Token(word, capitalised: currentCapitalised && !sentenceStart, startsClause: clauseStart))
            sentenceStart = false
            clauseStart = false
        }

        var index = 0
        while index < scalars.count, tokens.count < maximumTokens {
            let scalar = scalars[index]
            if isLetter(scalar) || isDigit(scalar) {
                if current.isEmpty { currentCapitalised = isUppercase(scalar) }
                current.append(scalar)
            } else if let word = currencies[scalar] {
                flush()
                tokens.append(Token(word))
                sentenceStart = false
                clauseStart = false
            } else if scalar == ".", let last = current.last, isLetter(last), index + 2 < scalars.count,
                      isLetter(scalars[index + 1]), isLetter(scalars[index + 2]) {
                // a dot inside a name such as dev.ua stays in the word
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" {
                // apostrophes count inside words only ("china's", "don't")
                if !current.isEmpty { current.append("'") }
            } else if (scalar == "," || scalar == "." || scalar == "\u{00A0}"), let last = current.last,
                      isDigit(last), index + 1 < scalars.count,
                      isDigit(scalars[index + 1]), scalar != "." || !current.contains(".") {
                // a digit separator: 60,000 or 1.5; kept only between digits
                if scalar == "." { current.append(scalar) }
            } else {
                flush()
                if scalar == "." || scalar == "?" || scalar == "!" || scalar == "\n" { sentenceStart = true }
                if sentenceStart || Self.clauseMarks.contains(scalar) { clauseStart = true }
            }
            index += 1
        }
        flush()
        return tokens
    }

    // Character classes with an ASCII fast path: Unicode property look-ups are costly
    // and nearly every question is plain ASCII.
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 : s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value >= 48 && s.value <= 57 : s.properties.numericType != nil
    }

    @inline(__always) static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s.value >= 65 && s.value <= 90 : s.properties.isUppercase
    }

    /// Currency signs read as words: "in £" means "in pounds".
    static let currencies: [Unicode.Scalar: String] = ["£": "pound", "$": "dollar", "€": "euro", "¥": "yuan"]

    static let clauseMarks: Set<Unicode.Scalar> = [",", ";", ":", "-", "\u{2013}", "\u{2014}", "(", ")", "\""]

    /// Lowercase with diacritics and width folded (`Zelenskyy` → `zelenskyy`, `é` → `e`).
    static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 128 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
