/// A word of a question or a fact as the tokenizer found it: lowercase, accents
/// folded, numbers written as plain digits.
public struct Token: Sendable, Equatable {
    /// The normalised word: `zelensky`, `60000`, `china's`.
    public var text: String
    /// True when the word was written with a capital letter and does not start a sentence:
    /// a hint that it names someone or something.
    public var capitalised: Bool

    /// True when the word starts a sentence or a clause (after `.`, `?`, `,`, `-`, `:` ...):
    /// a question word there asks; elsewhere it may only join a clause ("Chinese who sign up").
    public var startsClause: Bool

    /// Makes a token.
    public init(_ text: String, capitalised: Bool = false, startsClause: Bool = false) {
        self.text = text
        self.capitalised = capitalised
        self.startsClause = startsClause
    }

    /// True for numbers: `155`, `60000`, `2023`.
    public var isNumber: Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
