/// One IRC protocol message: `[@tags] [:source] COMMAND [params...] [:trailing]`.
///
/// Parsing follows the modern client protocol (IRCv3 message tags, RFC 1459 spacing:
/// one or more spaces separate atoms). Serialising never produces more than one line:
/// CR, LF and NUL are removed from every part, whoever supplied it.
public struct IRCMessage: Sendable, Equatable {
    /// One message tag; `value` is `""` for a tag without a value.
    public struct Tag: Sendable, Equatable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String = "") {
            self.key = key
            self.value = value
        }
    }

    /// IRCv3 message tags, in the order they came.
    public var tags: [Tag]
    /// Where the message came from (`nick!user@host` or a server name), without the colon.
    public var source: String?
    /// The command or three-digit numeric, as sent.
    public var command: String
    /// The parameters; the last may contain spaces.
    public var parameters: [String]

    /// A message to send or compare with.
    public init(tags: [Tag] = [], source: String? = nil, _ command: String, _ parameters: [String] = []) {
        self.tags = tags
        self.source = source
        self.command = command
        self.parameters = parameters
    }

    /// The command in upper case, for matching (`privmsg` and `PRIVMSG` are one command).
    public var verb: String { command.uppercased() }

    /// The numeric reply code, when the command is three digits.
    public var numeric: Int? {
        guard command.utf8.count == 3, command.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(command)
    }

    /// The nick part of the source (`nick` of `nick!user@host`), or nil.
    public var sourceNick: String? { source.map { Hostmask($0).nick } }

    /// The parameter at `index`, or `""` when there is none.
    public subscript(parameter index: Int) -> String {
        parameters.indices.contains(index) ? parameters[index] : ""
    }
}

// MARK: - Parsing

extension IRCMessage {
    /// Parses one line (without its line ending). Returns nil for a line with no command.
    /// Never fails on odd input: control codes, invalid UTF-8 (already replaced by the
    /// caller's decoding) and stray spaces are accepted as data.
    public init?(parsing line: String) {
        var rest = Substring(line)
        func nextAtom() -> Substring? {
            while rest.first == " " { rest.removeFirst() }
            guard !rest.isEmpty else { return nil }
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let atom = rest[..<end]
            rest = rest[end...]
            return atom
        }

        var tags: [Tag] = []
        var source: String?
        guard var atom = nextAtom() else { return nil }
        if atom.first == "@" {
            tags = Self.parseTags(atom.dropFirst())
            guard let next = nextAtom() else { return nil }
            atom = next
        }
        if atom.first == ":" {
            source = String(atom.dropFirst())
            guard let next = nextAtom() else { return nil }
            atom = next
        }
        var parameters: [String] = []
        while true {
            while rest.first == " " { rest.removeFirst() }
            if rest.isEmpty { break }
            if rest.first == ":" {
                parameters.append(String(rest.dropFirst()))
                break
            }
            if let param = nextAtom() { parameters.append(String(param)) }
        }
        self.init(tags: tags, source: source, String(atom), parameters)
    }

    private static func parseTags(_ text: Substring) -> [Tag] {
        text.split(separator: ";", omittingEmptySubsequences: true).map { item in
            guard let equals = item.firstIndex(of: "=") else { return Tag(String(item)) }
            return Tag(String(item[..<equals]), unescapeTagValue(item[item.index(after: equals)...]))
        }
    }

    /// IRCv3 tag value escapes: `\:` `;`, `\s` space, `\\` backslash, `\r`, `\n`;
    /// any other escaped character stands for itself; a lone trailing backslash is dropped.
    static func unescapeTagValue(_ value: Substring) -> String {
        guard value.contains("\\") else { return String(value) }
        var out = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case ":": out.append(";")
                case "s": out.append(" ")
                case "r": out.append("\r")
                case "n": out.append("\n")
                default: out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

// MARK: - Serialising

extension IRCMessage {
    /// The message as one protocol line, without CRLF.
    ///
    /// Safe by construction: CR, LF and NUL are dropped from every part; a middle
    /// parameter that is empty, holds a space or starts with `:` would change the
    /// message's shape, so its spaces become `_` and a leading `:` or emptiness is
    /// replaced with `*`. Only the last parameter may hold spaces.
    public var line: String {
        var out = ""
        if !tags.isEmpty {
            out +=
                "@"
                + tags.map { tag in
                    tag.value.isEmpty ? Self.clean(tag.key) : Self.clean(tag.key) + "=" + Self.escapeTagValue(tag.value)
                }.joined(separator: ";") + " "
        }
        if let source { out += ":" + Self.clean(source).replacingSpaces() + " " }
        out += Self.clean(command).replacingSpaces()
        for (index, raw) in parameters.enumerated() {
            let parameter = Self.clean(raw)
            if index == parameters.count - 1 {
                let needsColon = parameter.isEmpty || parameter.first == ":" || parameter.contains(" ")
                out += needsColon ? " :" + parameter : " " + parameter
            } else {
                var middle = parameter.replacingSpaces()
                if middle.isEmpty || middle.first == ":" { middle = "*" + middle.drop(while: { $0 == ":" }) }
                out += " " + middle
            }
        }
        return out
    }

    /// Drops CR, LF and NUL: the characters that could end a line or a C string early.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" }))
    }

    static func escapeTagValue(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case ";": out += "\\:"
            case " ": out += "\\s"
            case "\\": out += "\\\\"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\0": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        contains(" ") ? String(map { $0 == " " ? "_" : $0 }) : self
    }
}
