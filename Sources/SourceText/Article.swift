/// An article's text as extracted from a page: what the bot indexes and checks facts against.
public struct Article: Sendable, Equatable, Codable {
    /// Headline, from `og:title` or `<title>`; may be empty.
    public var title: String
    /// Byline from the usual meta tags; may be empty.
    public var author: String
    /// Publication date as the page gives it (`article:published_time` and kin); may be empty.
    public var published: String
    /// Body paragraphs in order, whitespace normalised, duplicates dropped.
    public var paragraphs: [String]

    /// An article.
    public init(title: String = "", author: String = "", published: String = "", paragraphs: [String]) {
        self.title = title
        self.author = author
        self.published = published
        self.paragraphs = paragraphs
    }

    /// The body split into sentences.
    public var sentences: [String] { paragraphs.flatMap(Sentences.split) }
}

/// Why a page gave no article.
public enum ExtractionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The parser could not read the page at all.
    case unreadable
    /// No run of paragraphs long enough to be an article.
    case noArticle
    /// libxml2 (Debian `libxml2`) could not be loaded.
    case parserMissing

    public var description: String {
        switch self {
        case .unreadable: "the page could not be parsed as HTML"
        case .noArticle: "no article text found on the page"
        case .parserMissing: "libxml2 could not be loaded to parse the page"
        }
    }
}
