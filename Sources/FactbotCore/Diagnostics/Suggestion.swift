/// Edit distance and "did you mean" suggestions, shared by the config parser, the
/// knowledge parser and the spelling corrector.
public enum Suggestion {
    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)
    /// between two strings, compared by Unicode scalar. Stops early and returns
    /// `limit + 1` once the distance is known to exceed `limit`.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// Edit distance over scalar arrays; see ``distance(_:_:limit:)``.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit == .max ? limit : limit + 1 }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// The closest candidate to `word` within a distance that grows with its length
    /// (1 for up to 5 letters, 2 beyond), or nil when none is that close.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let limit = word.count <= 5 ? 1 : 2
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate, limit: limit)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// ` (did you mean "x"?)` when a close candidate exists, else an empty string.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// The same edit distance with its rows allocated once, for comparing one word with
    /// many candidates (spelling correction), bounded by `limit` as above.
    struct BoundedDistance {
        private var before: [Int], previous: [Int], current: [Int]

        init(capacity: Int) {
            before = [Int](repeating: 0, count: capacity + 1)
            previous = before
            current = before
        }

        /// Only cells within `limit` of the diagonal are computed (Ukkonen's band): any
        /// path through another cell already costs more than `limit`.
        mutating func between(_ a: [Unicode.Scalar], _ b: ArraySlice<Unicode.Scalar>, limit: Int) -> Int {
            let o = b.startIndex - 1  // b[o + j] is the j-th scalar, from 1
            let over = limit + 1
            if abs(a.count - b.count) > limit { return over }
            if b.count + 2 > previous.count { self = BoundedDistance(capacity: b.count + 1) }
            if a.isEmpty { return min(b.count, over) }
            if b.isEmpty { return min(a.count, over) }
            for j in 0...b.count { previous[j] = j <= limit ? j : over }
            for i in 1...a.count {
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                current[0] = i <= limit ? i : over
                current[low - 1] = low == 1 ? current[0] : over
                var rowMinimum = low == 1 ? current[0] : over
                if low <= high {
                    for j in low...high {
                        let cost = a[i - 1] == b[o + j] ? 0 : 1
                        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                        if i > 1, j > 1, a[i - 1] == b[o + j - 1], a[i - 2] == b[o + j] {
                            value = min(value, before[j - 2] + 1)
                        }
                        current[j] = min(value, over)
                        rowMinimum = min(rowMinimum, current[j])
                    }
                }
                if high < b.count { current[high + 1] = over }
                if rowMinimum > limit { return over }
                swap(&before, &previous)
                swap(&previous, &current)
            }
            return min(previous[b.count], over)
        }
    }
}
