/// Splits reply text into pieces that each fit one IRC line.
///
/// Pieces break at spaces where possible and otherwise between characters, never inside
/// a UTF-8 sequence (nor inside a grapheme such as an emoji with modifiers). Line breaks
/// and NUL in the text become spaces, so text can never end a line early.
public enum ReplySplitter {
    /// Splits `text` into pieces of at most `budget` UTF-8 bytes each.
    public static func split(_ text: String, budget: Int) -> [String] {
        let budget = max(budget, 4)  // room for any one scalar
        let words = words(text)
        var pieces: [String] = []
        var current = ""
        var currentBytes = 0
        func flush() {
            if !current.isEmpty { pieces.append(current) }
            current = ""
            currentBytes = 0
        }
        for word in words {
            let wordBytes = word.utf8.count
            let needed = currentBytes == 0 ? wordBytes : currentBytes + 1 + wordBytes
            if needed <= budget {
                if currentBytes > 0 {
                    current += " "
                    currentBytes += 1
                }
                current += word
                currentBytes += wordBytes
                continue
            }
            flush()
            if wordBytes <= budget {
                current = String(word)
                currentBytes = wordBytes
                continue
            }
            // A word longer than a line: cut between characters.
            for character in word {
                let size = character.utf8.count
                if currentBytes + size > budget {
                    if size > budget {
                        // One grapheme bigger than a line (a long combining run): cut between scalars.
                        for scalar in character.unicodeScalars {
                            let scalarSize = String(scalar).utf8.count
                            if currentBytes + scalarSize > budget { flush() }
                            current.unicodeScalars.append(scalar)
                            currentBytes += scalarSize
                        }
                        continue
                    }
                    flush()
                }
                current.append(character)
                currentBytes += size
            }
        }
        flush()
        return pieces
    }

    /// Splits a reply made of `parts` (each carrying its own source, say) into lines of at
    /// most `budget` UTF-8 bytes: parts share a line when they fit on it whole, and a part
    /// too long for what is left of a line starts a new one, so a line never ends in the
    /// middle of a part that would fit on the next. A part longer than a line keeps its
    /// citation on every line (``split(part:budget:)``).
    public static func split(parts: [String], budget: Int) -> [String] {
        var lines: [String] = []
        for part in parts {
            let pieces = split(part: part, budget: budget)
            if pieces.count == 1, let last = lines.last, last.utf8.count + 1 + pieces[0].utf8.count <= max(budget, 4) {
                lines[lines.count - 1] = last + " " + pieces[0]
            } else {
                lines += pieces
            }
        }
        return lines
    }

    /// Splits one part of a reply into lines of at most `budget` UTF-8 bytes, keeping its
    /// source on every line.
    ///
    /// The rule: a part that ends with its citation, a parenthesised group such as
    /// `(dev.ua, 11 April 2025: https://…)` (``trailingCitation(_:)``), and does not fit one
    /// line is split as its text alone, and every line ends with the whole citation. So
    /// whichever lines are shown before `more`, each carries its source, and no line ends
    /// inside a citation. When the citation takes more than half a line, repeating it would
    /// leave little room for text: the text is split alone and the citation starts a line
    /// of its own after it (cut only if it is longer than a whole line).
    public static func split(part: String, budget: Int) -> [String] {
        let pieces = split(part, budget: budget)
        guard pieces.count > 1, let (text, citation) = trailingCitation(part) else { return pieces }
        let citationBytes = citation.utf8.count
        if citationBytes + 1 <= budget / 2 {
            return split(text, budget: budget - citationBytes - 1).map { $0 + " " + citation }
        }
        return split(text, budget: budget) + split(citation, budget: budget)
    }

    /// A part's text and the citation it ends with: the parenthesised group that closes it
    /// (with any `.`, `;` or `,` after it), matched from the end so parentheses in the text
    /// or the URL do not confuse it. Nil when the part does not end so, or is nothing else.
    /// Both come back on one line with single spaces, as ``split(_:budget:)`` leaves text.
    public static func trailingCitation(_ part: String) -> (text: String, citation: String)? {
        let scalars = Array(words(part).joined(separator: " ").unicodeScalars)
        var close = scalars.count - 1
        while close >= 0, ".;,".unicodeScalars.contains(scalars[close]) { close -= 1 }
        guard close > 0, scalars[close] == ")" else { return nil }
        var depth = 0
        var open = close
        while open >= 0 {
            if scalars[open] == ")" { depth += 1 }
            if scalars[open] == "(" { depth -= 1 }
            if depth == 0 { break }
            open -= 1
        }
        guard open > 0 else { return nil }  // unbalanced, or the whole part is in parentheses
        let text = String(String.UnicodeScalarView(scalars[..<open])).trimmingSpaces()
        guard !text.isEmpty else { return nil }
        return (text, String(String.UnicodeScalarView(scalars[open...])))
    }

    /// The words of `text` made safe for one line.
    static func words(_ text: String) -> [Substring] {
        flatten(text).split(separator: " ", omittingEmptySubsequences: true)
    }

    /// Text from elsewhere made safe for one line: CR, LF, NUL and tabs become spaces and
    /// the CTCP delimiter (\u{1}) is removed, so an answer cannot pose as a CTCP request.
    public static func flatten(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r", "\n", "\0", "\t": out.append(" ")
            default: if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// IRC's formatting codes (bold, colour, reset, reverse, italic, underline) are kept.
    static let formattingCodes = "\u{2}\u{3}\u{F}\u{16}\u{1D}\u{1F}".unicodeScalars

    /// A control character other than a formatting code.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && !formattingCodes.contains(scalar)
    }
}
