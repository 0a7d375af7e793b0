import FactbotCore
import Foundation

/// The `--json` form of a reply: one object per line with exactly the keys
/// `question`, `answered`, `answer`, `confidence`, `fact` and `source`.
public struct JSONReply: Encodable, Equatable {
    /// The question as asked.
    public var question: String
    /// True only when the reply answers from the fact base.
    public var answered: Bool
    /// The reply text, also when declining.
    public var answer: String
    /// Confidence from 0 to 1, rounded to three places.
    public var confidence: Double
    /// Id of the fact that answered (or the `gap` fact behind a decline), or nil.
    public var fact: String?
    /// URL of the source cited, or nil.
    public var source: String?

    enum CodingKeys: String, CodingKey { case question, answered, answer, confidence, fact, source }

    /// The JSON form of an answer.
    public init(_ answer: Answer) {
        question = answer.question
        answered = answer.answered
        self.answer = answer.reply
        confidence = (answer.confidence * 1000).rounded() / 1000
        fact = answer.fact?.id
        source = answer.source?.url
    }

    /// Writes every key, with `null` for a missing fact or source.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(answered, forKey: .answered)
        try container.encode(answer, forKey: .answer)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(fact, forKey: .fact)
        try container.encode(source, forKey: .source)
    }

    /// One line of JSON.
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
