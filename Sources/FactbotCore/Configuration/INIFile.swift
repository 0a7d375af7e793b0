/// A parsed INI file: `[section]` headers, `key = value` lines, `#` or `;` comment lines.
/// Keeps each value's line for error messages.
public struct INIFile: Sendable {
    /// One `key = value` line.
    public struct Value: Sendable, Equatable {
        /// Section name, lowercased.
        public var section: String
        /// Key, lowercased.
        public var key: String
        /// Value text, trimmed.
        public var text: String
        /// 1-based line.
        public var line: Int
    }

    /// Sections in file order, with the line of their header.
    public private(set) var sections: [(name: String, line: Int)] = []
    /// Values in file order.
    public private(set) var values: [Value] = []

    /// Parses INI text; throws every syntax problem with its line.
    public init(_ text: String, file: String) throws(Diagnostics) {
        var problems: [Diagnostic] = []
        var section: String?
        for (index, raw) in text.textLines.enumerated() {
            let line = index + 1
            let content = String(raw).trimmingWhitespace()
            if content.isEmpty || content.hasPrefix("#") || content.hasPrefix(";") { continue }
            if content.hasPrefix("[") {
                guard content.hasSuffix("]"), content.count > 2 else {
                    problems.append(Diagnostic(file: file, line: line, "a section header looks like [name], got \"\(content)\""))
                    continue
                }
                let name = String(content.dropFirst().dropLast()).trimmingWhitespace().lowercased()
                sections.append((name, line))
                section = name
                continue
            }
            guard let equals = content.firstIndex(of: "=") else {
                problems.append(Diagnostic(file: file, line: line, "expected \"key = value\", got \"\(content)\""))
                continue
            }
            let key = String(content[..<equals]).trimmingWhitespace().lowercased()
            var value = String(content[content.index(after: equals)...]).trimmingWhitespace()
            // An inline comment is " # text" or " ; text": a hash glued to a word is data
            // (channel names such as #news), so the marker needs a space after it too.
            if let comment = value.range(of: " # ") ?? value.range(of: " ; ") {
                value = String(value[..<comment.lowerBound]).trimmingWhitespace()
            } else if value.hasSuffix(" #") || value.hasSuffix(" ;") {
                value = String(value.dropLast(2)).trimmingWhitespace()
            }
            guard !key.isEmpty else {
                problems.append(Diagnostic(file: file, line: line, "a key is missing before \"=\""))
                continue
            }
            guard let section else {
                problems.append(Diagnostic(file: file, line: line, "\"\(key)\" comes before any [section] header"))
                continue
            }
            if let first = values.first(where: { $0.section == section && $0.key == key }) {
                problems.append(Diagnostic(file: file, line: line, "\"\(key)\" is already set in [\(section)] on line \(first.line)"))
                continue
            }
            values.append(Value(section: section, key: key, text: value, line: line))
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
    }
}
