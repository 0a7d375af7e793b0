import WordNet

/// A link from a word the fact base does not use to one it does, found in WordNet:
/// "remuneration" leads to the term of "pay". Weighed below an exact or curated match.
public struct WordLink: Sendable, Equatable, Hashable {
    /// How the two words are related.
    public enum Kind: UInt8, Sendable, CaseIterable {
        /// The same sense (remuneration, pay).
        case synonym
        /// Derivationally related forms (recruitment, recruiter, recruit; Chinese, China).
        case derivation
        /// Similar adjectives (voluntary, unpaid ...).
        case similar
        /// The question's word is more general (compensation for pay).
        case broader
        /// The question's word is more specific (bribe for payment).
        case narrower

        /// For `/why`.
        public var label: String {
            switch self {
            case .synonym: "synonym"
            case .derivation: "related form"
            case .similar: "similar"
            case .broader: "broader word"
            case .narrower: "narrower word"
            }
        }
    }

    /// The term key it leads to (a stem or a synonym group of the fact base).
    public var key: String
    /// The fact base's word the link was found from, for explanations.
    public var word: String
    /// The WordNet word (lemma, words separated by spaces) the link leads from.
    public var from: String
    /// The relation.
    public var kind: Kind
    /// How much of an exact match it is worth, 0 to 1.
    public var strength: Double

    /// Makes a link.
    public init(key: String, word: String, from: String = "", kind: Kind, strength: Double) {
        self.key = key
        self.word = word
        self.from = from
        self.kind = kind
        self.strength = strength
    }
}

/// The compiled WordNet links of one fact base: for every word (by its stem, or the stems
/// of a phrase joined by `_`) that WordNet relates to a word the fact base uses, the links,
/// strongest first. Built once per fact base by ``WordLinkCompiler`` and kept as bytes in
/// the state folder, which are searched where they lie (binary search over sorted keys):
/// nothing is decoded at start-up, so a fact base of any size starts as fast with links
/// as without.
///
/// The bytes are checked (magic, version, fingerprint, sizes, checksum) before use, and
/// every read is bounded: bytes that are not a table are refused, never trusted.
public struct WordLinks: Sendable {
    /// Bytes that are not a link table for this fact base.
    public struct Refused: Error, Equatable, CustomStringConvertible {
        /// What was wrong.
        public var reason: String
        public var description: String { reason }
    }

    static let magic: [UInt8] = Array("FBWNLINK".utf8)
    static let version: UInt32 = 4

    private let bytes: Bytes
    /// Number of keys.
    public let count: Int
    private let offsetsStart: Int
    private let entriesStart: Int

    private init(trusted bytes: Bytes) {
        self.bytes = bytes
        let count = Int(Self.u32(bytes, at: 24))
        self.count = count
        offsetsStart = 32
        entriesStart = 32 + 4 * (count + 1)
    }

    /// The table in `bytes`, which must carry `fingerprint`.
    public init(bytes: Bytes, fingerprint: UInt64) throws(Refused) {
        let raw = bytes.buffer
        guard raw.count >= 32, Array(raw[0..<8]) == Self.magic else { throw Refused(reason: "not a link table") }
        guard Self.u32(bytes, at: 8) == Self.version else { throw Refused(reason: "another version") }
        guard Self.u64(bytes, at: 12) == fingerprint else { throw Refused(reason: "built for other knowledge") }
        let count = Int(Self.u32(bytes, at: 24))
        let storedChecksum = Self.u32(bytes, at: 28)
        let entries = 32 + 4 * (count + 1)
        guard count < 10_000_000, entries <= raw.count else { throw Refused(reason: "truncated") }
        guard Self.u32(bytes, at: 20) == UInt32(truncatingIfNeeded: raw.count) else { throw Refused(reason: "truncated") }
        let sum = Self.checksum(UnsafeRawBufferPointer(rebasing: raw[32...]))
        guard sum == storedChecksum else { throw Refused(reason: "checksum mismatch") }
        var previous = 0
        for position in 0...count {
            let offset = Int(Self.u32(bytes, at: 32 + 4 * position))
            guard offset >= previous, entries + offset <= raw.count else { throw Refused(reason: "bad offsets") }
            previous = offset
        }
        self.init(trusted: bytes)
    }

    /// The links of a word's stem (or a phrase's stems joined by `_`), strongest first.
    public func links(_ key: String) -> [WordLink] {
        entry(key).map(decode) ?? []
    }

    /// Marks a word as English (``englishKey(_:)``) in a table: a real word is never taken
    /// for a misspelling of a fact base's word ("minister" is not "ministry").
    public static let englishMark = "="

    /// The key under which a table lists `word` (as written, not stemmed) as English.
    public static func englishKey(_ word: String) -> String { englishMark + word }

    /// True when the table lists `word` as an English word (WordNet has it, in this form
    /// or as its base form: "ministers", "clashed").
    public func isEnglish(_ word: String) -> Bool {
        guard count > 0 else { return false }
        if entry(Self.englishKey(word)) != nil { return true }
        return Self.baseForms(of: word).dropFirst().contains { entry(Self.englishKey($0)) != nil }
    }

    /// `word` and what it may be an inflection of, by the regular endings.
    static func baseForms(of word: String) -> [String] {
        var forms = [word]
        func add(_ suffix: String, _ replacement: String = "") {
            if word.count > suffix.count + 2, word.hasSuffix(suffix) { forms.append(String(word.dropLast(suffix.count)) + replacement) }
        }
        add("s")
        add("es")
        add("ies", "y")
        add("ed")
        add("d")
        add("ied", "y")
        add("ing")
        add("ing", "e")
        // a doubled consonant before the ending ("stopped", "planning")
        for suffix in ["ed", "ing"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            let stem = word.dropLast(suffix.count)
            if let last = stem.last, stem.dropLast().last == last { forms.append(String(stem.dropLast())) }
        }
        return forms
    }

    private func entry(_ key: String) -> Range<Int>? {
        guard count > 0 else { return nil }
        var key = key
        return key.withUTF8 { wanted -> Range<Int>? in
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                guard let entry = entryRange(middle) else { return nil }
                let order = compare(wanted, entry)
                if order == 0 { return entry }
                if order < 0 { high = middle } else { low = middle + 1 }
            }
            return nil
        }
    }

    /// Every key and its links, in order (tests, `factbot check`).
    /// (The words listed as English alone are not among them.)
    public var all: [(key: String, links: [WordLink])] {
        (0..<count).compactMap { position in
            guard let entry = entryRange(position), let key = string(entry.lowerBound, in: entry), !key.hasPrefix(Self.englishMark) else { return nil }
            return (key, decode(entry))
        }
    }

    // MARK: Encoding

    /// The bytes of a table: header, one offset per key, then per key (sorted by bytes):
    /// the key, the number of links, and per link its kind, strength (percent), key, word and
    /// the WordNet word it leads from.
    public static func encode(_ table: [String: [WordLink]], fingerprint: UInt64) -> [UInt8] {
        let keys = table.keys.filter { !$0.isEmpty && $0.utf8.count < 256 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var entries: [UInt8] = []
        var offsets: [UInt32] = []
        for key in keys {
            offsets.append(UInt32(entries.count))
            let links = table[key]!.filter { $0.key.utf8.count < 256 && $0.word.utf8.count < 256 && $0.from.utf8.count < 256 }.prefix(255)
            appendString(key, to: &entries)
            entries.append(UInt8(links.count))
            for link in links {
                entries.append(link.kind.rawValue)
                entries.append(UInt8(max(0, min(100, (link.strength * 100).rounded()))))
                appendString(link.key, to: &entries)
                appendString(link.word, to: &entries)
                appendString(link.from, to: &entries)
            }
        }
        offsets.append(UInt32(entries.count))
        var bytes = magic
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        put32(version)
        withUnsafeBytes(of: fingerprint.littleEndian) { bytes += $0 }
        let total = 32 + 4 * offsets.count + entries.count
        put32(UInt32(truncatingIfNeeded: total))
        put32(UInt32(keys.count))
        var body: [UInt8] = []
        body.reserveCapacity(4 * offsets.count + entries.count)
        for offset in offsets { withUnsafeBytes(of: offset.littleEndian) { body += $0 } }
        body += entries
        put32(body.withUnsafeBytes { checksum($0) })
        return bytes + body
    }

    /// The payload's checksum, both halves of the 64-bit hash folded into 32 bits (the
    /// hash's low half alone misses a change in the high half of a word).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Checksum.fnv64(bytes)
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(string.utf8.count))
        bytes += string.utf8
    }

    // MARK: Reading, every read bounded

    private static func u32(_ bytes: Bytes, at offset: Int) -> UInt32 {
        guard offset + 4 <= bytes.count else { return 0 }
        return UInt32(littleEndian: bytes.buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private static func u64(_ bytes: Bytes, at offset: Int) -> UInt64 {
        guard offset + 8 <= bytes.count else { return 0 }
        return UInt64(littleEndian: bytes.buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    private func entryRange(_ position: Int) -> Range<Int>? {
        let start = entriesStart + Int(Self.u32(bytes, at: offsetsStart + 4 * position))
        let end = entriesStart + Int(Self.u32(bytes, at: offsetsStart + 4 * (position + 1)))
        guard start < end, end <= bytes.count else { return nil }
        return start..<end
    }

    private func compare(_ wanted: UnsafeBufferPointer<UInt8>, _ entry: Range<Int>) -> Int {
        let length = Int(bytes[entry.lowerBound])
        let start = entry.lowerBound + 1
        guard start + length <= entry.upperBound else { return 0 }
        for position in 0..<min(length, wanted.count) {
            let a = wanted[position]
            let b = bytes[start + position]
            if a != b { return Int(a) - Int(b) }
        }
        return wanted.count - length
    }

    private func string(_ at: Int, in entry: Range<Int>) -> String? {
        guard at < entry.upperBound else { return nil }
        let length = Int(bytes[at])
        guard at + 1 + length <= entry.upperBound else { return nil }
        return String(decoding: bytes.buffer[(at + 1)..<(at + 1 + length)], as: UTF8.self)
    }

    private func decode(_ entry: Range<Int>) -> [WordLink] {
        var at = entry.lowerBound + 1 + Int(bytes[entry.lowerBound])
        guard at < entry.upperBound else { return [] }
        let count = Int(bytes[at])
        at += 1
        var links: [WordLink] = []
        for _ in 0..<count {
            guard at + 2 < entry.upperBound, let kind = WordLink.Kind(rawValue: bytes[at]) else { return links }
            let strength = Double(bytes[at + 1]) / 100
            guard let key = string(at + 2, in: entry) else { return links }
            let wordAt = at + 3 + Int(bytes[at + 2])
            guard let word = string(wordAt, in: entry) else { return links }
            let fromAt = wordAt + 1 + Int(bytes[wordAt])
            guard let from = string(fromAt, in: entry) else { return links }
            at = fromAt + 1 + Int(bytes[fromAt])
            links.append(WordLink(key: key, word: word, from: from, kind: kind, strength: strength))
        }
        return links
    }
}
