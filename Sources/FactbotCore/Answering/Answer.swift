/// The answerer's reply to one question.
public struct Answer: Sendable, Equatable {
    /// What kind of reply this is.
    public enum Kind: Sendable, Equatable {
        /// A curated fact answers the question.
        case fact
        /// No curated fact does, but a sentence of a fetched source does: quoted, with
        /// its source, at a confidence below a curated answer's.
        case quoted
        /// Nothing in the fact base is close enough: an honest "I don't know".
        case declined
        /// A greeting, thanks or a request for help: not a question about the news.
        case smallTalk
        /// A bare topic ("russia?") that several facts answer equally: the questions the
        /// bot answers best about it (``Answer/suggestions``), for the user to pick.
        case topics
    }

    /// The question as asked.
    public var question: String
    /// Fact, decline or small talk.
    public var kind: Kind
    /// The reply text, one line, without the source.
    public var text: String
    /// How sure the answerer is, from 0 to 1.
    public var confidence: Double
    /// The fact that answers, for ``Kind/fact``; for a decline, the `gap` fact that
    /// explains it, if one did.
    public var fact: Fact?
    /// Its source.
    public var source: Source?
    /// For a decline: example questions of the nearest facts ("did you mean"); for a
    /// topic, the questions offered. A user may pick one by its number.
    public var suggestions: [String]
    /// Why this answer was chosen, for `/why`.
    public var explanation: Explanation
    /// When several sources tell of what was asked (facts the curator linked): each
    /// account with the sources that give it, current ones newest first, then earlier
    /// figures. Empty for an answer from one fact.
    public var accounts: [Account] = []

    /// Facts of other sources that answer the question about as well as the chosen one, but
    /// that no curator linked to it: shown after it ("Also, Babel: ..."), each with its source.
    public var nearby: [Account] = []

    /// A reply made of several sources' short answers, each with its citation ("who wrote
    /// the article?" when there are several articles); empty otherwise.
    public var listing: [String] = []

    /// True when the reply shows the fact `id`: it answers, or is one of the accounts shown.
    public func shows(_ id: String) -> Bool {
        fact?.id == id || (accounts + nearby).contains { $0.factIDs.contains(id) }
    }

    /// One source's (or several agreeing sources') account of what was asked.
    public struct Account: Sendable, Equatable {
        /// What they say.
        public var text: String
        /// Who says it, newest first.
        public var sources: [Source]
        /// The facts behind it.
        public var factIDs: [String]
        /// True when a newer fact updates it: shown after the current accounts, as the earlier figure.
        public var isEarlier: Bool
        /// True when it is the newer account of a figure the question named from an older
        /// one ("were 155 fighting?"): shown after it, as the later figure.
        public var isLater = false

        /// An account; `isLater` is set where the answerer puts one after the figure asked about.
        public init(text: String, sources: [Source], factIDs: [String], isEarlier: Bool) {
            self.text = text
            self.sources = sources
            self.factIDs = factIDs
            self.isEarlier = isEarlier
        }

        /// Every source cited in full: "dev.ua, 11 April 2025: URL; also Babel, ...".
        var citations: String { sources.map { "\($0.citation): \($0.url)" }.joined(separator: "; also ") }

        /// The account led by its outlets: "Babel: text (14 April 2025: URL; 10 April 2025: URL)".
        var byOutlet: String {
            let who = sources.map(\.publisher).uniqued().joined(separator: ", ")
            let cited = sources.map { "\(Source.readableDate($0.published)): \($0.url)" }.joined(separator: "; ")
            return "\(who): \(text) (\(cited))"
        }
    }

    /// True when the reply answers: from the fact base, or quoting a fetched source.
    public var answered: Bool { kind == .fact || kind == .quoted }

    /// The reply as shown to a user: the text, then the source's citation and URL
    /// (for a quote, marked as quoted from the source).
    public var reply: String { replyParts.joined(separator: " ") }

    /// The reply in parts that each carry their own source, so that a reply split over
    /// several lines can keep every line sourced: one part for one fact; for several
    /// accounts ("Sources differ."), one a source.
    public var replyParts: [String] {
        if !listing.isEmpty { return listing }
        guard !nearby.isEmpty else { return mainParts }
        return mainParts + nearby.map { "Also, \($0.byOutlet)" }
    }

    /// The parts of the reply from the chosen fact and the accounts linked to it.
    var mainParts: [String] {
        guard let source else { return [text] }
        if kind == .quoted { return ["\(text) (quoted from \(source.citation): \(source.url))"] }
        let current = accounts.filter { !$0.isEarlier && !$0.isLater }
        guard !accounts.isEmpty, !current.isEmpty else { return ["\(text) (\(source.citation): \(source.url))"] }
        var parts: [String] = []
        if current.count == 1 {
            parts.append("\(current[0].text) (\(current[0].citations))")
        } else {
            parts.append("Sources differ.")
            for account in current { parts.append(account.byOutlet) }
        }
        for (position, account) in accounts.filter(\.isEarlier).enumerated() {
            parts.append("\(position == 0 ? "Earlier" : "Before that"): \(account.text) (\(account.citations))")
        }
        for account in accounts.filter(\.isLater) { parts.append("Later: \(account.text) (\(account.citations))") }
        return parts
    }
}

/// Why the answerer chose what it chose.
public struct Explanation: Sendable, Equatable {
    /// One candidate fact and how it scored.
    public struct Candidate: Sendable, Equatable {
        /// Fact id.
        public var factID: String
        /// Confidence, 0 to 1.
        public var confidence: Double
        /// Question terms the fact matched.
        public var matched: [String]
    }

    /// The question type that was read.
    public var questionType: QuestionType
    /// The question's content terms.
    public var terms: [Term]
    /// Question words the fact base does not know at all.
    public var unknown: [String]
    /// The best candidates, best first (at most three).
    public var candidates: [Candidate]
    /// When the best fact does not state what the question asks for: what that is
    /// ("which prison", "their names").
    public var unstated: String?

    /// An empty explanation.
    public init(questionType: QuestionType = .any, terms: [Term] = [], unknown: [String] = [], candidates: [Candidate] = []) {
        self.questionType = questionType
        self.terms = terms
        self.unknown = unknown
        self.candidates = candidates
    }
}
