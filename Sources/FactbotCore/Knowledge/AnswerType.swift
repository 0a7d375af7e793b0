/// What kind of answer a fact gives, so a question's type can be checked against it:
/// "how many" wants a ``number``, "who" a ``person``, "when" a ``date``, "where" a ``place``.
public enum AnswerType: String, Sendable, CaseIterable, Hashable {
    /// A count: "at least 155".
    case number
    /// Money: "18,000 yuan a month".
    case amount
    /// Someone: "Volodymyr Zelensky".
    case person
    /// An organisation, newspaper, platform or government.
    case organization
    /// Somewhere: "Donetsk region".
    case place
    /// A point or span in time: "November 2023".
    case date
    /// Why something happened.
    case reason
    /// What someone said, in their words.
    case quote
    /// Anything else: a description, a list, a yes/no matter.
    case description
    /// Something the source does not say, recorded so the bot can decline with the reason:
    /// "the article does not name the two captured men". Never counted as an answer.
    case gap
}
