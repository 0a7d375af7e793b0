/// The words the fact base uses, for correcting misspelt question words
/// ("zelenski" → "zelensky", "recruted" → "recruited").
///
/// Lookups use symmetric deletion (the SymSpell idea): every known word is indexed under
/// itself and each variant with one letter deleted (two from eight letters on), so a
/// question word finds its candidates through a few hash lookups instead of comparing
/// against the whole vocabulary; candidates are then confirmed with a real edit distance.
public struct Vocabulary: Sendable {
    private var frequency: [String: Int] = [:]
    private var words: [String] = []
    private var variants: [Int: [Int32]] = [:]
    private var stems: Set<String> = []

    /// An empty vocabulary.
    public init() {}

    /// Adds one use of a word (already normalised). Numbers and words under three letters are ignored.
    public mutating func insert(_ word: String) {
        guard word.count >= 3, word.count <= 30, word.allSatisfy(\.isLetter) else { return }
        if let seen = frequency[word] {
            frequency[word] = seen + 1
            return
        }
        frequency[word] = 1
        let id = Int32(words.count)
        words.append(word)
        for variant in Self.variants(of: Array(word.unicodeScalars)) {
            variants[variant, default: []].append(id)
        }
    }

    /// Records a stem the facts use: a question word with a known stem ("start" when the
    /// facts say "starting") is never "corrected" into another word ("star").
    public mutating func insert(stem: String) { stems.insert(stem) }

    /// True when the facts use the stem.
    public func knows(stem: String) -> Bool { stems.contains(stem) }

    /// True when the word is known.
    public func contains(_ word: String) -> Bool { frequency[word] != nil }

    /// Number of distinct known words.
    public var count: Int { words.count }

    /// The closest known word to a word of five letters or more, within one edit (two
    /// from eight letters on); ties go to the more frequent word. Nil when none is that
    /// close. Shorter words are left alone: too many real words lie one edit apart
    /// ("cook", "look").
    public func correction(for word: String) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 5, scalars.count <= 30, word.allSatisfy(\.isLetter) else { return nil }
        let limit = scalars.count >= 8 ? 2 : 1
        var best: (word: String, distance: Int, frequency: Int)?
        var checked: Set<Int32> = []
        for variant in Self.variants(of: scalars, depth: limit) {
            for id in variants[variant] ?? [] where checked.insert(id).inserted {
                let candidate = words[Int(id)]
                guard Self.sameStart(scalars, candidate) else { continue }
                let d = Suggestion.distance(scalars, Array(candidate.unicodeScalars), limit: limit)
                guard d <= limit else { continue }
                let f = frequency[candidate] ?? 0
                if best == nil || d < best!.distance || (d == best!.distance && f > best!.frequency) {
                    best = (candidate, d, f)
                }
            }
        }
        return best?.word
    }

    /// True when the words begin alike: the same first letter, or the first two swapped.
    /// Typists rarely miss the first letter, and allowing it turns real words into others
    /// ("worth" → "north", "cook" → "look").
    static func sameStart(_ word: [Unicode.Scalar], _ candidate: String) -> Bool {
        let other = Array(candidate.unicodeScalars.prefix(2))
        guard let first = word.first, let otherFirst = other.first else { return false }
        if first == otherFirst { return true }
        return word.count > 1 && other.count > 1 && word[0] == other[1] && word[1] == other[0]
    }

    /// Hashes of the word and its deletions: one deletion, and two from eight letters on
    /// (or up to `depth` when given). Deletions are hashed in place, without copies.
    static func variants(of scalars: [Unicode.Scalar], depth: Int? = nil) -> Set<Int> {
        let depth = depth ?? (scalars.count >= 8 ? 2 : 1)
        let n = scalars.count
        var result: Set<Int> = [hash(scalars, skipping: -1, -1)]
        guard n > 2 else { return result }
        result.reserveCapacity(1 + n + (depth > 1 ? n * (n - 1) / 2 : 0))
        for i in 0..<n {
            result.insert(hash(scalars, skipping: i, -1))
            if depth > 1, n > 3 {
                for j in (i + 1)..<n { result.insert(hash(scalars, skipping: i, j)) }
            }
        }
        return result
    }

    private static func hash(_ scalars: [Unicode.Scalar], skipping a: Int, _ b: Int) -> Int {
        var hasher = Hasher()
        var count = 0
        for index in scalars.indices where index != a && index != b {
            hasher.combine(scalars[index].value)
            count += 1
        }
        hasher.combine(count)
        return hasher.finalize()
    }
}
