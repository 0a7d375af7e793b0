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
    /// Line of the `source:` key, when read from a file (messages about the source point there).
    public var sourceLine: Int?
    /// Line of each example question, parallel to ``questions`` (empty when made in code).
    public var questionLines: [Int]
    /// Words from around a quoted sentence that it refers to ("*he* said" after a sentence
    /// naming Zelensky), matched more weakly than its own words. Only the sentences of
    /// stored sources have them (``QuoteIndex``); curated facts never do.
    public var context: [String] = []
    /// How this fact stands to other sources' accounts of the same thing (`updates`,
    /// `disputes`, `confirms` in the fact file).
    public var relations: [Relation] = []
    /// True for a fact `factbot draft` wrote that no curator has reviewed yet (`draft: true`
    /// in the fact file). It counts ``Answerer/draftShare`` of its match, so a reviewed fact
    /// that answers about as well comes first (and a draft near the threshold may fall below
    /// it); while all of an article's facts are drafts, the article is still quoted beside
    /// other outlets' answers.
    public var isDraft = false

    /// True for the facts every source answers about itself (``SourceFacts``): made from
    /// sources.yaml, not curated.
    public var isAboutSource: Bool { id.utf8.contains(64) }  // "@"

    /// Makes a fact.
    public init(
        id: String, answer: String, questions: [String], keywords: [String] = [],
        types: [AnswerType], sourceID: String, file: String = "", line: Int = 0, questionLines: [Int] = []
    ) {
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

extension Fact {
    /// A curator's link from one fact to another telling of the same thing, usually from
    /// another source: the answer then shows both, saying who says what.
    public struct Relation: Sendable, Equatable, Hashable {
        /// How the two accounts relate.
        public enum Kind: String, Sendable, CaseIterable, Hashable {
            /// A newer figure for the same thing: answered first, with the other as the earlier one.
            case updates
            /// A different account of the same detail: both are shown, side by side.
            case disputes
            /// The same account from another source: both sources are cited.
            case confirms
        }

        /// How the two accounts relate.
        public var kind: Kind
        /// The id of the other fact.
        public var factID: String
        /// The line of the link in the fact file (0 when made in code).
        public var line: Int

        /// Makes a link.
        public init(_ kind: Kind, _ factID: String, line: Int = 0) {
            self.kind = kind
            self.factID = factID
            self.line = line
        }
    }
}

extension Fact.Relation.Kind {
    /// The verb as a curator reads it: "update", "dispute", "confirm".
    var verb: String { String(rawValue.dropLast()) }
}
