/// A word of a question or a fact as the tokenizer found it: lowercase, accents
/// folded, numbers written as plain digits.
public struct Token: Sendable, Equatable {
    /// The normalised word: `zelensky`, `60000`, `china's`.
    public var text: String { didSet { wordHash = WordSet.hash(text) } }
    /// The word's ``WordSet`` hash, worked out once: a question word is tested against
    /// dozens of word classes, and each test would hash it again.
    public private(set) var wordHash: UInt64
    /// True when the word was written with a capital letter and does not start a sentence:
    /// a hint that it names someone or something.
    public var capitalised: Bool

    /// True when the word starts a sentence or a clause (after `.`, `?`, `,`, `-`, `:` ...):
    /// a question word there asks; elsewhere it may only join a clause ("Chinese who sign up").
    public var startsClause: Bool

    /// Makes a token.
    public init(_ text: String, capitalised: Bool = false, startsClause: Bool = false) {
        self.init(text, hash: WordSet.hash(text), capitalised: capitalised, startsClause: startsClause)
    }

    /// Makes a token whose hash the caller has already worked out (``WordSet/hash(_:)`` of `text`).
    init(_ text: String, hash: UInt64, capitalised: Bool = false, startsClause: Bool = false) {
        self.text = text
        self.wordHash = hash
        self.capitalised = capitalised
        self.startsClause = startsClause
    }

    /// True for numbers: `155`, `60000`, `2023`.
    public var isNumber: Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
