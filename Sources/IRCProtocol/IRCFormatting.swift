/// IRC's text formatting codes (mIRC's, as clients send them), which a question must lose
/// before it is read: a coloured word is still the word.
///
/// The codes, as <https://modern.ircdocs.horse/formatting> describes them: bold `\x02`,
/// italics `\x1D`, underline `\x1F`, strikethrough `\x1E`, monospace `\x11`, reverse
/// `\x16` and reset `\x0F` are single characters; colour is `\x03` with up to two digits
/// for the text and, after a comma, up to two for the background (`\x0304,12`); hex colour
/// is `\x04` with six hex digits and, after a comma, six more (`\x04FF0000,00FF00`).
/// A comma not followed by a digit is text, as are digits beyond the two (or six) a code takes.
public enum IRCFormatting {
    /// `text` without its formatting codes: `"\u{3}04douyin\u{3}?"` → `"douyin?"`.
    public static func stripped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isFormatting) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case colour:
                index = skipColour(scalars, from: index, digits: 2, isDigit: isDecimal)
            case hexColour:
                index = skipColour(scalars, from: index, digits: 6, isDigit: isHex)
            case _ where toggles.contains(scalar):
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    static let colour: Unicode.Scalar = "\u{3}"
    static let hexColour: Unicode.Scalar = "\u{4}"
    /// Bold, monospace, reset, reverse, italics, strikethrough, underline.
    static let toggles = "\u{2}\u{11}\u{F}\u{16}\u{1D}\u{1E}\u{1F}".unicodeScalars

    static func isFormatting(_ scalar: Unicode.Scalar) -> Bool {
        scalar == colour || scalar == hexColour || toggles.contains(scalar)
    }

    /// Past a colour code's arguments: the text colour (decimal: 1 or 2 digits; hex:
    /// exactly 6), then `,` and the background the same way, only after a text colour.
    static func skipColour(
        _ scalars: [Unicode.Scalar], from start: Int, digits: Int,
        isDigit: (Unicode.Scalar) -> Bool
    ) -> Int {
        func colourEnd(from position: Int) -> Int? {
            var end = position
            while end < scalars.count, end - position < digits, isDigit(scalars[end]) { end += 1 }
            let count = end - position
            // Decimal takes 1 or 2 digits; hex takes all 6 or none.
            return count == 0 || (digits == 6 && count < 6) ? nil : end
        }
        guard let foreground = colourEnd(from: start) else { return start }
        guard foreground < scalars.count, scalars[foreground] == ",",
            let background = colourEnd(from: foreground + 1)
        else { return foreground }
        return background
    }

    static func isDecimal(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        isDecimal(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }
}
