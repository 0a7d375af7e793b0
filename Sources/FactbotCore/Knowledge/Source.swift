/// An article the fact base is drawn from, listed once in `knowledge/sources.yaml`
/// and cited by its id from every fact.
public struct Source: Sendable, Equatable, Hashable {
    /// Stable id, e.g. `devua-2025-04-11`.
    public var id: String
    /// Where the article lives.
    public var url: String
    /// Headline.
    public var title: String
    /// Byline, possibly empty.
    public var author: String
    /// Who published it, e.g. `dev.ua`.
    public var publisher: String
    /// Publication date as written by the curator, ISO 8601 (`2025-04-11`).
    public var published: String
    /// Line in the sources file where the entry starts.
    public var line: Int
    /// The outlet's section it ran in ("War"), possibly empty.
    public var section: String = ""

    /// Makes a source.
    public init(id: String, url: String, title: String, author: String, publisher: String, published: String, line: Int = 0) {
        self.id = id
        self.url = url
        self.title = title
        self.author = author
        self.publisher = publisher
        self.published = published
        self.line = line
    }

    /// Short citation for one-line replies: `dev.ua, 11 April 2025`.
    public var citation: String {
        "\(publisher), \(Self.readableDate(published))"
    }

    /// The publication date and, when ``published`` gives one, the time: `11 April 2025, 09:24 (Kyiv)`.
    public var readablePublished: String {
        let time = published.dropFirst(10).drop { $0 == " " || $0 == "T" }
        return Self.readableDate(published) + (time.isEmpty ? "" : ", \(time)")
    }

    /// `2025-04-11` → `11 April 2025`; anything else is returned as written.
    static func readableDate(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        let months = [
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December",
        ]
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return iso }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }
}
