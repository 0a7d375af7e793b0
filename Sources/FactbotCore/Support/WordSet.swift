import Foundation

/// A fixed set of words, made for one thing: telling quickly whether a word is in it.
///
/// The answerer asks this of every question word against dozens of word classes ("is it
/// a question word? a verb of saying? a place noun?"). `Set<String>` hashes the word with
/// SipHash on every such test, which made the tests a large share of answering a question.
/// A `WordSet` hashes with FNV-1a, which is a few instructions a byte on words this short,
/// and probes a small open-addressed table; a word that hashes alike is still compared in
/// full, and a word past ASCII is hashed in its composed form, so the answer is exactly
/// `Set<String>`'s, canonical equivalence included. Built once (the sets are constants or
/// built with the fact base; ``formUnion(_:)`` builds anew, for reading word lists).
public struct WordSet: Sendable, ExpressibleByArrayLiteral, Equatable, Sequence {
    /// The distinct words, in the order first given.
    public let words: [String]
    /// Each word's hash, by position in ``words``.
    private let hashes: [UInt64]
    /// Open-addressed slots holding a position in ``words``, or -1; a power of two long,
    /// at least twice the words, so a probe ends soon at an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// The set of `words` (repeats kept once).
    public init<S: Sequence>(_ words: S) where S.Element == String {
        var distinct: [String] = []
        var seen: Set<String> = []
        for word in words where seen.insert(word).inserted { distinct.append(word) }
        var capacity = 8
        while capacity < distinct.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        let hashes = distinct.map(Self.hash)
        for (position, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(position)
        }
        self.words = distinct
        self.hashes = hashes
        self.slots = slots
        self.mask = capacity - 1
    }

    public init(arrayLiteral words: String...) { self.init(words) }

    /// True when `word` is one of the set's words.
    public func contains(_ word: String) -> Bool { position(of: word) != nil }

    /// True when `word` is one of the set's words.
    public func contains(_ word: Substring) -> Bool { contains(String(word)) }

    /// True when `token`'s word is one of the set's words (with the hash the token keeps).
    public func contains(_ token: Token) -> Bool { position(of: token.text, hash: token.wordHash) != nil }

    /// The set of this set's words and `other`'s.
    public func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String { WordSet(words + Array(other)) }

    /// Adds `other`'s words (the table is built anew: for reading word lists, not for a loop).
    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == String { self = union(other) }

    public func makeIterator() -> IndexingIterator<[String]> { words.makeIterator() }

    /// How many words the set holds.
    public var count: Int { words.count }

    /// True when the set holds no word.
    public var isEmpty: Bool { words.isEmpty }

    /// The position of `word` in ``words``, if it is there.
    func position(of word: String) -> Int? { position(of: word, hash: Self.hash(word)) }

    /// The position of `word`, whose ``hash(_:)`` is `hash`, in ``words``, if it is there.
    func position(of word: String, hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if hashes[position] == hash, words[position] == word { return position }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over the word's UTF-8 bytes, its high bits folded into the low ones that pick
    /// a slot. A word with any byte past ASCII is hashed in its composed form (NFC), as
    /// Swift compares strings by canonical equivalence: "café" typed with a combining accent
    /// is the same word, and so hashes the same.
    static func hash(_ word: String) -> UInt64 {
        // ASCII, on the bytes in place (walking a string's UTF-8 view byte by byte costs more
        // than the hash); the rest (and any string not stored contiguously), composed first
        if case let (hash, bits)? = word.utf8.withContiguousStorageIfAvailable({ fnv($0) }), bits < 0x80 { return hash }
        return fnv(word.precomposedStringWithCanonicalMapping.utf8).hash
    }

    /// ``hash(_:)`` of a word given as its bytes, all ASCII (the tokenizer has them at hand).
    static func hash<Bytes: Sequence<UInt8>>(ascii bytes: Bytes) -> UInt64 { fnv(bytes).hash }

    /// FNV-1a of `bytes` with its high bits folded in, and every byte's bits or-ed together
    /// (past ASCII when the top one is set).
    @inline(__always) private static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> (hash: UInt64, bits: UInt8) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var bits: UInt8 = 0
        for byte in bytes {
            bits |= byte
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return (hash ^ (hash >> 29), bits)
    }

    public static func == (lhs: WordSet, rhs: WordSet) -> Bool { Set(lhs.words) == Set(rhs.words) }
}
