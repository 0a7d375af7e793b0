import Testing

@testable import FactbotCore

@Suite("Word sets and maps: the same answers as Set and Dictionary")
struct WordSetTests {
    /// Words of every shape the answerer meets: short and long (past the 15 bytes a small
    /// string holds), accented, digits, a lone letter, the empty word.
    static let words: [String] = [
        "", "a", "i", "us", "the", "which", "besides", "yuan", "300000", "2.5", "dev.ua", "zelenskyy", "café", "київ", "北京",
        "internationalisation", "counterrevolutionaries", "a-very-long-hyphenated-word-indeed", "don't", "Which", "WHICH",
    ]

    @Test func membershipAgreesWithSetForEveryWordAndItsNearMisses() {
        // every split of the list into members and others, in 64 seeded draws
        var generator = SplitMix(seed: 7)
        for _ in 0..<64 {
            let members = Self.words.filter { _ in generator.next() & 1 == 0 }
            let set = WordSet(members)
            let reference = Set(members)
            #expect(set.count == reference.count)
            for word in Self.words + Self.words.map({ $0 + "s" }) + Self.words.map({ String($0.dropLast()) }) {
                #expect(set.contains(word) == reference.contains(word), "\(word) in \(members)")
            }
        }
    }

    @Test func aLargeSetFindsAllItsWordsAndNoOthers() {
        // more words than slots in the smallest table, so probes run past collisions
        let members = (0..<5000).map { "w\($0)" }
        let set = WordSet(members)
        #expect(members.allSatisfy(set.contains))
        #expect(!(5000..<10000).contains { set.contains("w\($0)") })
        #expect(set.count == 5000)
    }

    @Test func repeatsAreKeptOnceAndOrderIsAsGiven() {
        let set: WordSet = ["job", "role", "job", "post"]
        #expect(set.words == ["job", "role", "post"])
        #expect(Array(set) == ["job", "role", "post"])
        #expect(set.union(["role", "title"]).words == ["job", "role", "post", "title"])
        #expect(WordSet([String]()).isEmpty)
        #expect(!WordSet([String]()).contains(""))
        #expect(set == ["post", "role", "job"])
    }

    @Test func canonicallyEquivalentSpellingsAreOneWordAsInSet() {
        // "café" with a precomposed é and with e + combining accent; the Kelvin sign and K
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        let set = WordSet([composed, "K"])
        #expect(Set([composed, "K"]).contains(decomposed) && Set([composed, "K"]).contains("\u{212A}"))
        #expect(set.contains(decomposed))
        #expect(set.contains("\u{212A}"))
        #expect(WordSet([decomposed]).contains(composed))
        #expect(WordSet([composed, decomposed]).count == 1)
        #expect(!set.contains("cafe"))
    }

    @Test func aSubstringIsLookedUpByItsText() {
        let set: WordSet = ["dev", "ua"]
        let text = "dev.ua"
        #expect(text.split(separator: ".").allSatisfy(set.contains))
        #expect(!set.contains(text.dropFirst()))
    }

    @Test func aTokenIsLookedUpByTheHashItKeeps() {
        let set = WordSet(Self.words)
        let map = WordMap(Dictionary(uniqueKeysWithValues: Self.words.map { ($0, $0.count) }))
        // the tokenizer's words, ASCII (hashed from its bytes) and not (hashed from the string)
        let text = "Who paid 18k yuan? Zelensky's café, Café, CAFÉ and Kyiv's ЧЕРНІГІВ recruits which whichs"
        var tokens = Tokenizer.tokens(text) + Tokenizer.tokens(text.filter(\.isASCII))
        #expect(tokens.count > 10)
        #expect(["which", "yuan"].allSatisfy { word in tokens.contains { $0.text == word && set.contains($0) } })
        // a token whose word changes keeps the hash of its new word
        tokens[0].text = "recruits"
        tokens[1].text.removeLast()
        for token in tokens {
            #expect(token.wordHash == WordSet.hash(token.text), "\(token.text)")
            #expect(set.contains(token) == set.contains(token.text), "\(token.text)")
            #expect(map[token] == map[token.text], "\(token.text)")
        }
    }

    @Test func mapAgreesWithDictionary() {
        let dictionary = Dictionary(uniqueKeysWithValues: Self.words.enumerated().map { ($1, $0) })
        let map = WordMap(dictionary)
        #expect(map.count == dictionary.count)
        for word in Self.words + ["absent", "whichs"] { #expect(map[word] == dictionary[word], "\(word)") }
        #expect(Dictionary(uniqueKeysWithValues: Array(map.pairs)) == dictionary)
    }
}

/// A small seeded generator, so the draws are the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
