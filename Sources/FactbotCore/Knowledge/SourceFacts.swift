/// Facts every source in `sources.yaml` answers without a curated fact: who wrote it,
/// when and where it was published, its headline, what it is about, and its link. Made
/// from the source's fields, with example questions from fixed patterns, and matched like
/// any other fact; each cites its own source.
///
/// Their ids are the source's id and a suffix (`devua-2025-04-11@author`), which no
/// curated fact id can take (`@` is not allowed there).
public enum SourceFacts {
    /// The facts describing every source, each source's examples naming it when there are
    /// several ("Who wrote the Babel article of 9 April 2025?"): a question that does not
    /// say which article then reaches them all alike, and the answerer asks which.
    public static func facts(for sources: [Source]) -> [Fact] {
        let sorted = sources.sorted { $0.id < $1.id }
        var perPublisher: [String: Int] = [:]
        for source in sorted { perPublisher[source.publisher.lowercased(), default: 0] += 1 }
        return sorted.flatMap { source in
            guard sorted.count > 1 else { return facts(for: source) }
            let dated = perPublisher[source.publisher.lowercased(), default: 0] > 1
            return facts(for: source, label: (source.publisher, dated ? Source.readableDate(source.published) : nil))
        }
    }

    /// The facts describing `source`; with a `label` (its publisher, and the date when the
    /// publisher has several), their examples name it.
    public static func facts(for source: Source, label: (publisher: String, date: String?)? = nil) -> [Fact] {
        let article = "the \(source.publisher.droppingThe) article"
        let title = source.title.isEmpty ? "" : " “\(source.title)”"
        let when = source.readablePublished
        var facts: [Fact] = []
        func add(_ suffix: String, _ types: [AnswerType], _ answer: String, _ questions: [String], keywords: [String] = []) {
            // named examples first (the "did you mean" one), then the plain ones, so that a
            // question not naming the article reaches every article's fact alike
            // ("what is the Babel article of 9 April about?" reads badly and matches the author: plain only)
            let named = questions.filter { !$0.hasSuffix("about?") }.map { Self.naming($0, label) }
            let examples = label == nil ? questions : named + questions
            facts.append(
                Fact(
                    id: "\(source.id)@\(suffix)", answer: answer, questions: examples,
                    keywords: keywords + [source.publisher], types: types, sourceID: source.id))
        }
        if source.author.isEmpty {
            add(
                "author", [.gap], "\(source.publisher) does not name the author of its article.",
                authorQuestions, keywords: ["author", "byline", "journalist", "reporter"])
        } else {
            add(
                "author", [.person], "\(source.author) wrote \(article)\(title) (\(when)).",
                authorQuestions, keywords: ["author", "byline", "journalist", "reporter"])
        }
        let section = source.section.isEmpty ? "" : ", in its \(source.section) section"
        add(
            "published", [.date, .organization, .place],
            "\(article.capitalizedFirst)\(title) was published by \(source.publisher) on \(when)\(section).",
            label == nil ? publishedQuestions : publishedQuestions.filter { !$0.contains("outlet") && !$0.contains("site") && !$0.hasPrefix("publisher") },
            keywords: ["published", "posted", "written", "publisher", "outlet", "site", "date", "section"])
        if !source.title.isEmpty {
            add(
                "headline", [.quote, .description], "The headline of \(article) is\(title).", headlineQuestions,
                keywords: ["headline", "title", "called"])
            add(
                "topic", [.description], "\(article.capitalizedFirst) (\(when)) is about this:\(title).",
                topicQuestions, keywords: ["about", "topic", "summary", "gist", "subject"])
        }
        add(
            "link", [.description, .place], "\(article.capitalizedFirst) is at \(source.url)", linkQuestions,
            keywords: ["link", "url", "address", "online", "read"])
        return facts
    }

    /// An example question naming the article by `label`: "the article" becomes "the Babel
    /// article" (of its date, when needed), a bare "author?" becomes "author of the Babel article?".
    static func naming(_ question: String, _ label: (publisher: String, date: String?)?) -> String {
        guard let label else { return question }
        let date = label.date.map { " of \($0)" } ?? ""
        for noun in ["article", "story", "piece"] {
            for lead in ["the ", "this "] where question.contains(lead + noun) {
                return question.replacingOccurrences(of: lead + noun, with: "the \(label.publisher.droppingThe) \(noun)\(date)")
            }
        }
        let bare = question.hasSuffix(" it") ? String(question.dropLast(3)) : String(question.dropLast(question.hasSuffix("?") ? 1 : 0))
        return "\(bare) \(question.hasSuffix(" it") ? "" : "of ")the \(label.publisher.droppingThe) article\(date)\(question.hasSuffix("?") ? "?" : "")"
    }

    /// The short answers of several `sources` to one kind of question about an article
    /// (`aspect`: author, published, headline, topic, link), one part a source with its
    /// citation, in the order given.
    static func briefly(_ aspect: String, sources: [Source]) -> [String] {
        switch aspect {
        case "author":
            let named = sources.filter { !$0.author.isEmpty }
            let unnamed = sources.filter { $0.author.isEmpty }
            var parts = named.enumerated().map { "\($0 == 0 ? "Authors: " : "")\($1.author) (\($1.citation): \($1.url));" }
            if !unnamed.isEmpty { parts.append("no author named by \(unnamed.map(\.citation).joined(separator: "; ")).") }
            return parts
        case "published":
            return sources.map { source in
                let section = source.section.isEmpty ? "" : ", \(source.section) section"
                return "\(source.publisher): \(source.readablePublished)\(section) (\(source.url));"
            }
        case "headline", "topic":
            return sources.filter { !$0.title.isEmpty }.map { "\($0.citation): “\($0.title)” (\($0.url));" }
        default:
            return sources.map { "\($0.citation): \($0.url);" }
        }
    }

    /// The kind of fact about a source an id names (`author`, `published`...), or nil for a curated fact.
    static func aspect(of id: String) -> Substring? {
        guard let at = id.lastIndex(of: "@") else { return nil }
        return id[id.index(after: at)...]
    }

    static let authorQuestions = [
        "Who wrote the article?", "Who is the author of the story?", "author?", "byline?",
        "Which journalist wrote this piece?", "who wrote it",
    ]
    static let publishedQuestions = [
        "When was the article published?", "Which outlet published the story?", "Where was this piece published?",
        "publication date?", "What site ran the article?", "publisher?", "In which section did the article appear?",
    ]
    static let headlineQuestions = [
        "What is the headline of the article?", "What is the story called?", "title?", "What was the title of the piece?",
    ]
    static let topicQuestions = [
        "What is the article about?", "What is the story about?", "summary?", "What is the gist of the piece?",
        "What does the article cover?",
    ]
    static let linkQuestions = [
        "Where can I read the article?", "link?", "What is the URL of the story?", "Give me the link to the piece",
    ]
}

extension String {
    /// "The Kyiv Independent" → "Kyiv Independent", to follow "the".
    var droppingThe: String { hasPrefix("The ") ? String(dropFirst(4)) : self }
}
