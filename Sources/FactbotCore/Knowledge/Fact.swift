/// One curated claim from an article: the answer in the project's own words,
/// the questions it answers, and the source it comes from.
public struct Fact: Sendable, Equatable {
    /// Stable id, e.g. `chinese-fighters-count`. Unique across the fact base.
    public var id: String
    /// The reply, one line, written by the curator.
    public var answer: String
    /// Example questions this fact must answer (also used for matching).
    public var questions: [String]
    /// Extra words and phrases that should lead here.
    public var keywords: [String]
    /// The kinds of answer this fact gives; the first is the main one.
    public var types: [AnswerType]
    /// Id of the cited ``Source``.
    public var sourceID: String
    /// File the fact was read from.
    public var file: String
    /// Line where the fact starts.
    public var line: Int
    /// Line of each example question, parallel to ``questions`` (empty when made in code).
    public var questionLines: [Int]

    /// True for the facts every source answers about itself (``SourceFacts``): made from
    /// sources.yaml, not curated.
    public var isAboutSource: Bool { id.utf8.contains(64) }  // "@"

    /// Makes a fact.
    public init(id: String, answer: String, questions: [String], keywords: [String] = [],
                types: [AnswerType], sourceID: String, file: String = "", line: Int = 0, questionLines: [Int] = []) {
        self.id = id
        self.answer = answer
        self.questions = questions
        self.keywords = keywords
        self.types = types
        self.sourceID = sourceID
        self.file = file
        self.line = line
        self.questionLines = questionLines
    }
}
