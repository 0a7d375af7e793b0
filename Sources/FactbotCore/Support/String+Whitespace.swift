extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        if utf8.allSatisfy({ $0 < 0x80 }) {  // ASCII: no grapheme breaking needed
            let bytes = utf8
            guard let start = bytes.firstIndex(where: { !Self.isASCIISpace($0) }),
                let end = bytes.lastIndex(where: { !Self.isASCIISpace($0) })
            else { return "" }
            return start == bytes.startIndex && end == bytes.index(before: bytes.endIndex) ? self : String(self[start...end])
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }),
            let end = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }

    @inline(__always) static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 32 || (byte >= 9 && byte <= 13)
    }
}
