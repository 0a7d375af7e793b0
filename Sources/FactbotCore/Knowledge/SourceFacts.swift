/// Facts every source in `sources.yaml` answers without a curated fact: who wrote it,
/// when and where it was published, its headline, what it is about, and its link. Made
/// from the source's fields, with example questions from fixed patterns, and matched like
/// any other fact; each cites its own source.
///
/// Their ids are the source's id and a suffix (`devua-2025-04-11@author`), which no
/// curated fact id can take (`@` is not allowed there).
public enum SourceFacts {
    /// The facts describing `source`.
    public static func facts(for source: Source) -> [Fact] {
        let article = "the \(source.publisher) article"
        let title = source.title.isEmpty ? "" : " “\(source.title)”"
        let when = source.readablePublished
        var facts: [Fact] = []
        func add(_ suffix: String, _ types: [AnswerType], _ answer: String, _ questions: [String], keywords: [String] = []) {
            facts.append(Fact(id: "\(source.id)@\(suffix)", answer: answer, questions: questions,
                              keywords: keywords + [source.publisher], types: types, sourceID: source.id))
        }
        if source.author.isEmpty {
            add("author", [.gap], "\(source.publisher) does not name the author of the article of \(when).",
                authorQuestions, keywords: ["author", "byline", "journalist", "reporter"])
        } else {
            add("author", [.person], "\(source.author) wrote \(article)\(title) (\(when)).",
                authorQuestions, keywords: ["author", "byline", "journalist", "reporter"])
        }
        let section = source.section.isEmpty ? "" : ", in its \(source.section) section"
        add("published", [.date, .organization, .place],
            "\(article.capitalizedFirst)\(title) was published by \(source.publisher) on \(when)\(section).",
            publishedQuestions, keywords: ["published", "posted", "written", "publisher", "outlet", "site", "date", "section"])
        if !source.title.isEmpty {
            add("headline", [.quote, .description], "The headline of \(article) is\(title).", headlineQuestions,
                keywords: ["headline", "title", "called"])
            add("topic", [.description], "\(article.capitalizedFirst) (\(when)) is about this:\(title).",
                topicQuestions, keywords: ["about", "topic", "summary", "gist", "subject"])
        }
        add("link", [.description, .place], "\(article.capitalizedFirst) is at \(source.url)", linkQuestions,
            keywords: ["link", "url", "address", "online", "read"])
        return facts
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
