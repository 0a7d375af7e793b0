/// The words the fact base uses, for correcting misspelt question words
/// ("zelenski" → "zelensky", "recruted" → "recruited").
///
/// Lookups use symmetric deletion (the SymSpell idea): every known word is indexed under
/// its first seven letters and each variant of them with one or two letters deleted, so a
/// question word finds its candidates through a few hash lookups instead of comparing
/// against the whole vocabulary; candidates are then confirmed with a real edit distance.
public struct Vocabulary: Sendable {
    var ids: [String: Int32] = [:]
    var words: [String] = []
    var frequency: [Int32] = []
    /// Every word's scalars end to end: word `i` is `letters[letterStart[i]..<letterStart[i + 1]]`,
    /// compared without making an array per candidate.
    var letters: [Unicode.Scalar] = []
    var letterStart: [Int32] = [0]
    /// Which letters each word has, as bits: a cheap test before the edit distance (one
    /// edit changes at most two bits, so words whose masks differ in more bits than twice
    /// the allowed edits cannot be close).
    var letterMasks: [UInt32] = []
    var stems: Set<String> = []
    /// The deletion variants: an open-addressing multimap from a variant's 32-bit hash to
    /// the words that have it, in two flat arrays (hash 0 marks an empty slot), at most
    /// three quarters full. One allocation for all of them, rather than an array per
    /// variant. A hash shared by chance only adds a candidate, which the edit distance
    /// then turns down.
    var slotHashes: [UInt32] = []
    var slotWords: [Int32] = []
    var slotsUsed = 0

    /// An empty vocabulary.
    public init() {}

    /// Adds one use of a word (already normalised). Numbers and words under three letters are ignored.
    public mutating func insert(_ word: String) {
        if let id = ids[word] {
            frequency[Int(id)] += 1
            return
        }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 30, scalars.allSatisfy(Tokenizer.isLetter) else { return }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        frequency.append(1)
        letters += scalars
        letterStart.append(Int32(letters.count))
        letterMasks.append(Self.mask(scalars[...]))
        Self.forEachVariant(of: scalars.prefix(Self.prefixLength), depth: 2) { addVariant($0, id) }  // any query's reach
    }

    /// The letter bits of a word: a–z by position, anything else in the top bits by value.
    static func mask(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt32 {
        var mask: UInt32 = 0
        for scalar in scalars {
            let value = scalar.value | 0x20
            mask |= value >= 97 && value <= 122 ? 1 << (value - 97) : 1 << (26 + scalar.value % 6)
        }
        return mask
    }

    /// Recomputes the spelling variants and letter masks of every word (after the words
    /// were restored).
    mutating func rebuildVariants() {
        letterMasks = words.indices.map { Self.mask(letters[Int(letterStart[$0])..<Int(letterStart[$0 + 1])]) }
        let needed = max(1024, (words.count * 40).nextPowerOfTwo)
        slotHashes = [UInt32](repeating: 0, count: needed)
        slotWords = [Int32](repeating: 0, count: needed)
        slotsUsed = 0
        for id in words.indices {
            let start = Int(letterStart[id])
            let end = Int(letterStart[id + 1])
            Self.forEachVariant(of: letters[start..<min(end, start + Self.prefixLength)], depth: 2) {
                addVariant($0, Int32(id))
            }
        }
    }

    /// Stores a variant: its hash with, in the low two bits, how many letters were deleted.
    private mutating func addVariant(_ hash: UInt32, _ id: Int32) {
        if (slotsUsed + 1) * 4 > slotHashes.count * 3 { grow() }
        let mask = slotHashes.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 2) & mask
        while slotHashes[slot] != 0 {
            if slotHashes[slot] == hash, slotWords[slot] == id { return }  // the same variant twice ("aab")
            slot = (slot + 1) & mask
        }
        slotHashes[slot] = hash
        slotWords[slot] = id
        slotsUsed += 1
    }

    private mutating func grow() {
        let (oldHashes, oldWords) = (slotHashes, slotWords)
        let capacity = max(1024, slotHashes.count * 2)
        slotHashes = [UInt32](repeating: 0, count: capacity)
        slotWords = [Int32](repeating: 0, count: capacity)
        slotsUsed = 0
        for slot in oldHashes.indices where oldHashes[slot] != 0 { addVariant(oldHashes[slot], oldWords[slot]) }
    }

    /// The words indexed under a variant's hash with at most `deletions` letters deleted:
    /// a word within `limit` edits shares a variant with at most `limit` deletions on each side.
    private func words(withVariant hash: UInt32, deletions: UInt32, _ body: (Int32) -> Void) {
        guard !slotHashes.isEmpty else { return }
        let mask = slotHashes.count - 1
        let key = hash & ~3
        var slot = Int(truncatingIfNeeded: hash >> 2) & mask
        while slotHashes[slot] != 0 {
            if slotHashes[slot] & ~3 == key, slotHashes[slot] & 3 <= deletions { body(slotWords[slot]) }
            slot = (slot + 1) & mask
        }
    }

    /// Records a stem the facts use: a question word with a known stem ("start" when the
    /// facts say "starting") is never "corrected" into another word ("star").
    public mutating func insert(stem: String) { stems.insert(stem) }

    /// True when the facts use the stem.
    public func knows(stem: String) -> Bool { stems.contains(stem) }

    /// True when the word is known.
    public func contains(_ word: String) -> Bool { ids[word] != nil }

    /// Number of distinct known words.
    public var count: Int { words.count }

    /// The closest known word to a word of four letters or more, within one edit (two
    /// from eight letters on); ties go to the more frequent word. Nil when none is that
    /// close. A four-letter word is corrected only when one known word alone is an edit
    /// away ("yeer" is "year"; "wime" could be "wife" or "wine"), or when it ends in a
    /// doubled letter ("jobb" is "job"); shorter words are left alone. Words `typed` says
    /// the rest of the question has are no candidates: no one misspells a word they also
    /// type right ("what did the dron drop" is "drone", not "drop").
    public func correction(for word: String, typed: (String) -> Bool = { _ in false }) -> String? {
        let scalars = Array(word.unicodeScalars)
        // a short word with its last letter typed twice ("jobb", "payy"): that word, if known
        if scalars.count == 4, scalars[3] == scalars[2], scalars.allSatisfy(Tokenizer.isLetter) {
            let shorter = String(word.dropLast())
            return contains(shorter) ? shorter : nil
        }
        // four letters: only when one word alone is a slip away ("yeer" is "year"; "rade" could be many)
        guard scalars.count >= 4, scalars.count <= 30, scalars.allSatisfy(Tokenizer.isLetter) else { return nil }
        let limit = scalars.count >= 8 ? 2 : 1
        // All hashes first, then the look-ups: independent loads the processor can overlap.
        var hashes: [UInt32] = []
        hashes.reserveCapacity(32)
        Self.forEachVariant(of: scalars.prefix(Self.prefixLength), depth: limit) { hashes.append($0) }
        // Candidates: a length within reach and the same start (cheap tests first: many
        // words share a prefix), each once.
        var candidates: [Int32] = []
        let wordMask = Self.mask(scalars[...])
        for hash in hashes {
            words(withVariant: hash, deletions: UInt32(limit)) { id in
                let start = Int(letterStart[Int(id)])
                let length = Int(letterStart[Int(id) + 1]) - start
                guard abs(length - scalars.count) <= limit, (letterMasks[Int(id)] ^ wordMask).nonzeroBitCount <= 2 * limit,
                    Self.sameStart(scalars, letters[start..<(start + length)])
                else { return }
                candidates.append(id)
            }
        }
        candidates.sort()
        var best: (id: Int32, distance: Int, frequency: Int32)?
        var within = 0
        var distance = Suggestion.BoundedDistance(capacity: scalars.count + limit + 1)
        for (position, id) in candidates.enumerated() where position == 0 || candidates[position - 1] != id {
            let start = Int(letterStart[Int(id)])
            let end = Int(letterStart[Int(id) + 1])
            let d = distance.between(scalars, letters[start..<end], limit: limit)
            guard d <= limit, !typed(words[Int(id)]) else { continue }
            within += 1
            if scalars.count == 4, within > 1 { return nil }
            let f = frequency[Int(id)]
            if best == nil || d < best!.distance || (d == best!.distance && f > best!.frequency) {
                best = (id, d, f)  // ties in both: the first in id order (insertion order)
            }
        }
        return best.map { words[Int($0.id)] }
    }

    /// True when the words begin alike: the same first letter, or the first two swapped.
    /// Typists rarely miss the first letter, and allowing it turns real words into others
    /// ("worth" → "north", "cook" → "look").
    static func sameStart(_ word: [Unicode.Scalar], _ other: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, let otherFirst = other.first else { return false }
        if first == otherFirst { return true }
        let o = other.startIndex
        return word.count > 1 && other.count > 1 && word[0] == other[o + 1] && word[1] == other[o]
    }

    /// Only this many leading letters are indexed (SymSpell's prefix): two typos within a
    /// word change its first seven letters by at most two edits, and indexing the prefix
    /// instead of the whole word cuts the variants of a long word from about 80 to 29.
    /// Candidates are then confirmed against the whole word.
    static let prefixLength = 7

    /// Calls `body` with the hash of the letters and of each of their deletions, up to
    /// `depth` of them, the number deleted in the hash's low two bits. Deletions are hashed in place, without copies; a hash may come
    /// twice (deleting either "a" of "aa").
    static func forEachVariant(of scalars: ArraySlice<Unicode.Scalar>, depth: Int, _ body: (UInt32) -> Void) {
        let scalars = Array(scalars)
        let n = scalars.count
        body(hash(scalars, skipping: -1, -1))
        guard n > 2 else { return }
        for i in 0..<n {
            body(hash(scalars, skipping: i, -1) | 1)
            if depth > 1, n > 3 {
                for j in (i + 1)..<n { body(hash(scalars, skipping: i, j) | 2) }
            }
        }
    }

    /// FNV-1a over the scalars left after skipping positions `a` and `b`, folded to 32 bits
    /// with the low two bits clear (``forEachVariant`` puts the deletions there), never 0.
    /// (A fixed hash, not Swift's seeded one: it is several times cheaper, and the
    /// table holds only words of the fact base, which a question cannot add to.)
    private static func hash(_ scalars: [Unicode.Scalar], skipping a: Int, _ b: Int) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in scalars.indices where index != a && index != b {
            hash = (hash ^ UInt64(scalars[index].value)) &* 0x100_0000_01b3
        }
        hash = (hash ^ UInt64(scalars.count - (a >= 0 ? 1 : 0) - (b >= 0 ? 1 : 0))) &* 0x100_0000_01b3
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) & ~3  // the low bits say how many were deleted
        return folded == 0 ? 4 : folded
    }
}

extension Int {
    /// The least power of two at or above this (1 for 0).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
