import Testing

@testable import FactbotCore

@Suite("The banded edit distance used for spelling agrees with the full one")
struct SpellingDistanceTests {
    @Test func randomWords() {
        var generator = SystemRandomNumberGenerator()
        var distance = Suggestion.BoundedDistance(capacity: 4)
        let letters = Array("abcab".unicodeScalars)  // few letters: many near misses and transpositions
        for _ in 0..<5000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let padded = [Unicode.Scalar("x")] + b  // a slice that does not start at 0
            for limit in 1...2 {
                let expected = min(Suggestion.distance(a, b), limit + 1)
                #expect(
                    distance.between(a, padded[1...], limit: limit) == expected,
                    "\(String(String.UnicodeScalarView(a))) \(String(String.UnicodeScalarView(b))) \(limit)")
            }
        }
    }
}

@Suite("Spelling correction finds what a search of every word would")
struct SpellingCorrectionTests {
    /// The specification: the known word with the same start within the allowed edits,
    /// nearest first, then the most used, then the first added; a four-letter word only
    /// when a single known word is within reach.
    static func bruteForce(_ word: String, in words: [String], frequency: [String: Int]) -> String? {
        let scalars = Array(word.unicodeScalars)
        if scalars.count == 4, scalars[3] == scalars[2] {  // a last letter typed twice
            let shorter = String(word.dropLast())
            return words.contains(shorter) ? shorter : nil
        }
        guard scalars.count >= 4, scalars.count <= 30 else { return nil }
        let limit = scalars.count >= 8 ? 2 : 1
        var best: (word: String, distance: Int, frequency: Int)?
        var within = 0
        for candidate in words {
            let other = Array(candidate.unicodeScalars)
            guard Vocabulary.sameStart(scalars, other[...]) else { continue }
            let d = Suggestion.distance(scalars, other)
            guard d <= limit else { continue }
            within += 1
            let f = frequency[candidate]!
            if best == nil || d < best!.distance || (d == best!.distance && f > best!.frequency) { best = (candidate, d, f) }
        }
        return scalars.count == 4 && within > 1 ? nil : best?.word
    }

    @Test func typosOfRandomWords() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aeioulnrstk".unicodeScalars)
        var vocabulary = Vocabulary()
        var words: [String] = []
        var frequency: [String: Int] = [:]
        while words.count < 1500 {
            let length = Int.random(in: 3...11, using: &generator)
            let word = String(String.UnicodeScalarView((0..<length).map { _ in letters.randomElement(using: &generator)! }))
            if frequency[word] == nil { words.append(word) }
            let uses = Int.random(in: 1...3, using: &generator)
            frequency[word, default: 0] += uses
            for _ in 0..<uses { vocabulary.insert(word) }
        }
        for _ in 0..<3000 {
            var typo = Array(words.randomElement(using: &generator)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...2, using: &generator) where typo.count > 1 {
                let at = Int.random(in: 1..<typo.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: typo.remove(at: at)
                case 1: typo.insert(letters.randomElement(using: &generator)!, at: at)
                case 2: typo[at] = letters.randomElement(using: &generator)!
                default: typo.swapAt(at - 1, at)
                }
            }
            let text = String(String.UnicodeScalarView(typo))
            #expect(vocabulary.correction(for: text) == Self.bruteForce(text, in: words, frequency: frequency), "\(text)")
        }
    }
}
