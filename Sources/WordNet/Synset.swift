/// A part of speech, as WordNet files it: one index file and one data file each.
public enum PartOfSpeech: UInt8, Sendable, CaseIterable, Hashable {
    case noun, verb, adjective, adverb

    /// The file suffix: `index.noun`, `data.adj`.
    public var fileSuffix: String {
        switch self {
        case .noun: "noun"
        case .verb: "verb"
        case .adjective: "adj"
        case .adverb: "adv"
        }
    }

    /// The letter the data files use (`s`, an adjective satellite, counts as an adjective).
    init?(letter: UInt8) {
        switch letter {
        case UInt8(ascii: "n"): self = .noun
        case UInt8(ascii: "v"): self = .verb
        case UInt8(ascii: "a"), UInt8(ascii: "s"): self = .adjective
        case UInt8(ascii: "r"): self = .adverb
        default: return nil
        }
    }
}

/// One line of an index file: a lemma's senses in one part of speech, most frequent first.
public struct IndexEntry: Sendable, Equatable {
    /// The lemma, lowercase, words joined by `_` (`head_of_state`).
    public var lemma: String
    /// Its part of speech.
    public var partOfSpeech: PartOfSpeech
    /// Byte offsets of its synsets in the data file, in sense order (by frequency).
    public var synsets: [Int]
    /// How many of those senses were seen in the tagged corpus (the rest are rare).
    public var taggedSenses: Int

    /// The sense rank (0 = most frequent) of the synset at `offset`, if the lemma has it.
    public func rank(of offset: Int) -> Int? { synsets.firstIndex(of: offset) }
}

/// A link from a synset (or one of its words) to another: ``Synset/pointers``.
public struct Pointer: Sendable, Equatable {
    /// The relation, as the files spell it: `@` hypernym, `~` hyponym, `+` derivationally
    /// related form, `\` pertainym, `&` similar to, `!` antonym ... (wndb(5)).
    public var symbol: String
    /// Offset of the target synset.
    public var target: Int
    /// Its part of speech.
    public var partOfSpeech: PartOfSpeech
    /// For a link between two words (lexical), the 1-based number of the source word in
    /// this synset; 0 for a link between whole synsets (semantic).
    public var sourceWord: Int
    /// The 1-based number of the target word in the target synset, or 0.
    public var targetWord: Int
}

/// One line of a data file: a set of synonyms (one sense), its lexicographer file and its links.
public struct Synset: Sendable, Equatable {
    /// Byte offset of the line, its identity.
    public var offset: Int
    /// Its part of speech.
    public var partOfSpeech: PartOfSpeech
    /// The lexicographer file number (`03` is `noun.Tops`, the most general nouns).
    public var lexicographerFile: Int
    /// Its words, lowercase, `_` between the words of a phrase, adjective markers dropped.
    public var words: [String]
    /// Its links.
    public var pointers: [Pointer]

    /// Parses the line `bytes[start..<end]`; nil for anything not in the documented shape.
    static func parse(_ bytes: Bytes, from start: Int, to end: Int) -> Synset? {
        var cursor = FieldCursor(bytes: bytes, position: start, end: end)
        guard let offset = cursor.decimal(), let lexFile = cursor.decimal(),
            let type = cursor.field(), type.count == 1, let pos = PartOfSpeech(letter: bytes[type.lowerBound]),
            let wordCount = cursor.hexadecimal(), wordCount > 0
        else { return nil }
        var words: [String] = []
        words.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            guard let word = cursor.field(), cursor.field() != nil else { return nil }  // word, lex_id
            var bytesOfWord = Array(bytes.buffer[word])
            if let marker = bytesOfWord.firstIndex(of: UInt8(ascii: "(")) { bytesOfWord.removeSubrange(marker...) }
            words.append(String(decoding: bytesOfWord.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
        }
        guard let pointerCount = cursor.decimal() else { return nil }
        var pointers: [Pointer] = []
        pointers.reserveCapacity(pointerCount)
        for _ in 0..<pointerCount {
            guard let symbol = cursor.field(), let target = cursor.decimal(), let letter = cursor.field(), letter.count == 1,
                let targetPos = PartOfSpeech(letter: bytes[letter.lowerBound]),
                let words = cursor.field(), words.count == 4,
                let source = FieldCursor.hex(bytes, words.lowerBound..<(words.lowerBound + 2)),
                let targetWord = FieldCursor.hex(bytes, (words.lowerBound + 2)..<words.upperBound)
            else { return nil }
            pointers.append(
                Pointer(
                    symbol: String(decoding: bytes.buffer[symbol], as: UTF8.self), target: target,
                    partOfSpeech: targetPos, sourceWord: source, targetWord: targetWord))
        }
        return Synset(offset: offset, partOfSpeech: pos, lexicographerFile: lexFile, words: words, pointers: pointers)
    }
}

/// Reads space-separated fields of one line.
struct FieldCursor {
    let bytes: Bytes
    var position: Int
    let end: Int

    /// The next field's byte range, or nil at the end of the line.
    mutating func field() -> Range<Int>? {
        while position < end, bytes[position] == 32 { position += 1 }
        guard position < end else { return nil }
        let start = position
        while position < end, bytes[position] != 32 { position += 1 }
        return start..<position
    }

    mutating func decimal() -> Int? {
        guard let range = field(), range.count <= 12 else { return nil }
        var value = 0
        for offset in range {
            let digit = Int(bytes[offset]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func hexadecimal() -> Int? {
        guard let range = field() else { return nil }
        return Self.hex(bytes, range)
    }

    static func hex(_ bytes: Bytes, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 8 else { return nil }
        var value = 0
        for offset in range {
            let byte = bytes[offset] | 0x20
            let digit: Int
            switch byte {
            case 48...57: digit = Int(byte) - 48
            case 97...102: digit = Int(byte) - 87
            default: return nil
            }
            value = value * 16 + digit
        }
        return value
    }
}
