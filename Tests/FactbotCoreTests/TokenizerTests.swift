import Testing

@testable import FactbotCore

@Suite("The tokenizer's ASCII fast path agrees with the general one")
struct TokenizerTests {
    static let samples = [
        "How much r they paid??", "dev.ua said 60,000 or 1.5 or 18k (18K)!", "Zelensky's 'quote' `here`",
        "a.b.c ...x,y 1,2,3 1.2.3 $5 $ 5", "300 000 rubles, 1 500 000 and 2024 100 or 20 2024, 1 100th 300 000,50", "don't won't 'tis ''",
        "-- ( ) : ; \" \n\t end", "", "   ",
        "k 1k kk 0k",
        String(repeating: "word ", count: 100), String(repeating: "x", count: 5000),
    ]

    @Test(arguments: samples)
    func fixedSamples(text: String) {
        var copy = text
        let fast = copy.withUTF8 { Tokenizer.asciiTokens($0) }
        #expect(fast == Tokenizer.scalarTokens(text), "\(text)")
    }

    @Test func randomText() {
        let alphabet: [Unicode.Scalar] = Array("aZkK9 0.,'`?!$-;:()\"\n\tQx1".unicodeScalars) + [Unicode.Scalar(UInt8(1)), Unicode.Scalar(UInt8(127))]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet.randomElement(using: &generator)!) }
            var copy = text
            let fast = copy.withUTF8 { Tokenizer.asciiTokens($0) }
            #expect(fast == Tokenizer.scalarTokens(text), "\(text.debugDescription)")
        }
    }

    @Test func thousandsSetApartByASpaceAreOneNumber() {
        #expect(Tokenizer.tokens("paid 300 000 rubles").map(\.text) == ["paid", "300000", "rubles"])
        #expect(Tokenizer.tokens("1 500 000 views").map(\.text) == ["1500000", "views"])
        #expect(Tokenizer.tokens("300 000 рублів").map(\.text).first == "300000")
        // not a year, nor a group of more or fewer than three digits
        #expect(Tokenizer.tokens("in 2024 100 people").map(\.text) == ["in", "2024", "100", "people"])
        #expect(Tokenizer.tokens("December 20 2024, 20 12, 5 0001").map(\.text) == ["december", "20", "2024", "20", "12", "5", "0001"])
        // nor before a letter, and a comma after a group is no separator of thousands
        #expect(Tokenizer.tokens("Formula 1 100th race").map(\.text) == ["formula", "1", "100th", "race"])
        #expect(Tokenizer.tokens("300 000,50 hryvnias").map(\.text) == ["300000", "50", "hryvnias"])
        #expect(Tokenizer.tokens("300 000,50 гривень").map(\.text).prefix(2) == ["300000", "50"])
    }

    @Test func nonASCIITakesTheGeneralPath() {
        #expect(Tokenizer.tokens("Zelenskyy’s café £5").map(\.text) == ["zelenskyy's", "cafe", "pound", "5"])
    }
}
