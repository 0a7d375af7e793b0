@testable import FactbotCore
import Testing

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
                #expect(distance.between(a, padded[1...], limit: limit) == expected, "\(String(String.UnicodeScalarView(a))) \(String(String.UnicodeScalarView(b))) \(limit)")
            }
        }
    }
}
