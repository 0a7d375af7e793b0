import Foundation

/// Splits text into normalised words: case and accents folded, curly quotes made straight,
/// punctuation dropped, numbers unified (`60,000`, `60 000` → `60000`, `18k` → `18000`).
/// Robust to any input: control characters and junk are separators.
public enum Tokenizer {
    /// Longest input considered, in words. Questions are short; this bounds the work a
    /// pasted page can cause.
    public static let maximumTokens = 64

    /// The words of `text`, at most ``maximumTokens``.
    public static func tokens(_ text: String) -> [Token] {
        var text = text
        if let fast = text.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } ? asciiTokens(bytes) : nil }) { return fast }
        return scalarTokens(text)
    }

    /// ``tokens(_:)`` for plain ASCII text (nearly every question), on bytes: the same
    /// rules without building a string per character. `TokenizerTests` checks that both
    /// paths agree.
    static func asciiTokens(_ text: UnsafeBufferPointer<UInt8>) -> [Token] {
        let bytes = UnsafeBufferPointer(rebasing: text.prefix(4096))
        var tokens: [Token] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var currentCapitalised = false
        var sentenceStart = true
        var clauseStart = true
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        var grouped = false  // the current number has had a group of thousands joined

        func flush() {
            grouped = false
            guard !current.isEmpty else { return }
            var start = 0
            var end = current.count
            while end > start, current[end - 1] == 39 { end -= 1 }
            while start < end, current[start] == 39 { start += 1 }
            defer { current.removeAll(keepingCapacity: true) }
            guard start < end else { return }
            // (letters were lowercased as they were added)
            if end - start > 1, current[end - 1] == 107, current[start..<(end - 1)].allSatisfy(isDigit) {  // 18k
                current.replaceSubrange((end - 1)..<end, with: [48, 48, 48])
                end += 2
            }
            let word = current[start..<end]
            tokens.append(
                Token(
                    String(decoding: word, as: UTF8.self), hash: WordSet.hash(ascii: word), capitalised: currentCapitalised && !sentenceStart,
                    startsClause: clauseStart))
            sentenceStart = false
            clauseStart = false
        }

        var index = 0
        while index < bytes.count, tokens.count < maximumTokens {
            let byte = bytes[index]
            if isLetter(byte) || isDigit(byte) {
                let upper = byte >= 65 && byte <= 90
                if current.isEmpty { currentCapitalised = upper }
                current.append(upper ? byte | 0x20 : byte)
            } else if byte == 36 {  // $
                flush()
                tokens.append(Token("dollar"))
                sentenceStart = false
                clauseStart = false
            } else if byte == 46, let last = current.last, isLetter(last), index + 2 < bytes.count,
                isLetter(bytes[index + 1]), isLetter(bytes[index + 2])
            {
                current.append(byte)  // a dot inside a name such as dev.ua stays in the word
            } else if byte == 39 || byte == 96 {  // ' and `: inside words only
                if !current.isEmpty { current.append(39) }
            } else if byte == 44 || byte == 46, let last = current.last, isDigit(last), index + 1 < bytes.count,
                isDigit(bytes[index + 1]), byte != 46 || !current.contains(46), byte != 44 || !grouped
            {
                if byte == 46 { current.append(byte) }  // a digit separator: 60,000 or 1.5
            } else if byte == 32, !current.isEmpty, current.count <= 3 || grouped, current.allSatisfy(isDigit), index + 3 < bytes.count,
                isDigit(bytes[index + 1]), isDigit(bytes[index + 2]), isDigit(bytes[index + 3]),
                index + 4 == bytes.count || !(isDigit(bytes[index + 4]) || isLetter(bytes[index + 4]))
            {
                grouped = true  // thousands set apart by a space: "300 000"
            } else {
                flush()
                if byte == 46 || byte == 63 || byte == 33 || byte == 10 { sentenceStart = true }
                if sentenceStart || asciiClauseMarks.contains(byte) { clauseStart = true }
            }
            index += 1
        }
        flush()
        return tokens
    }

    static let asciiClauseMarks: [UInt8] = Array(",;:-()\"".utf8)

    /// ``tokens(_:)`` for any text, scalar by scalar.
    static func scalarTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentCapitalised = false
        var sentenceStart = true
        var clauseStart = true
        let scalars = Array(text.unicodeScalars.prefix(4096))
        var grouped = false  // the current number has had a group of thousands joined

        func flush() {
            grouped = false
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
                isLetter(scalars[index + 1]), isLetter(scalars[index + 2])
            {
                // a dot inside a name such as dev.ua stays in the word
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" {
                // apostrophes count inside words only ("china's", "don't")
                if !current.isEmpty { current.append("'") }
            } else if scalar == "," || scalar == "." || scalar == "\u{00A0}", let last = current.last,
                isDigit(last), index + 1 < scalars.count,
                isDigit(scalars[index + 1]), scalar != "." || !current.contains("."), scalar != "," || !grouped
            {
                // a digit separator: 60,000 or 1.5; kept only between digits
                if scalar == "." { current.append(scalar) }
            } else if scalar == " ", !current.isEmpty, current.count <= 3 || grouped, current.allSatisfy(isDigit), index + 3 < scalars.count,
                scalars[(index + 1)...(index + 3)].allSatisfy(isDigit),
                index + 4 == scalars.count || !(isDigit(scalars[index + 4]) || isLetter(scalars[index + 4]))
            {
                grouped = true  // thousands set apart by a space: "300 000"
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
