extension String {
    /// The text's lines, split on LF by Unicode scalar so that CRLF files (where Swift
    /// sees "\r\n" as one character) split too; a trailing CR is dropped from each line.
    public var textLines: [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        var index = startIndex
        let scalars = unicodeScalars
        while index < endIndex {
            if scalars[index] == "\n" {
                lines.append(Self.droppingCR(self[start..<index]))
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        lines.append(Self.droppingCR(self[start..<endIndex]))
        return lines
    }

    private static func droppingCR(_ line: Substring) -> Substring {
        line.unicodeScalars.last == "\r" ? Substring(line.unicodeScalars.dropLast()) : line
    }

    /// The text with every run of whitespace (newlines included) made one space, trimmed:
    /// replies are one line.
    public var collapsingWhitespace: String {
        if utf8.allSatisfy({ $0 < 0x80 }) {  // ASCII: bytes, no grapheme breaking
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            for byte in utf8 {
                if String.isASCIISpace(byte) {
                    if let last = out.last, last != 32 { out.append(32) }
                } else {
                    out.append(byte)
                }
            }
            if out.last == 32 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
        return split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
