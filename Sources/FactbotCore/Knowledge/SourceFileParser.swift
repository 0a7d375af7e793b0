/// Parses the source list (`knowledge/sources.yaml`): each article once, with
/// `id`, `url`, `title`, `author`, `publisher`, `published` (ISO date) and `section`.
public enum SourceFileParser {
    static let keys = ["id", "url", "title", "author", "publisher", "published", "section"]
    static let required = ["id", "url", "publisher", "published"]

    /// Parses `text` read from `file`. Throws ``Diagnostics`` listing every problem found.
    public static func parse(_ text: String, file: String) throws(Diagnostics) -> [Source] {
        var reader = YAMLEntries(file: file)
        var sources: [Source] = []
        for entry in reader.entries(in: text, allowedKeys: keys, requiredKeys: required) {
            let id = reader.text(entry, "id")
            let url = reader.text(entry, "url")
            let publisher = reader.text(entry, "publisher")
            let published = reader.text(entry, "published")
            let title = reader.text(entry, "title", required: false) ?? ""
            let author = reader.text(entry, "author", required: false) ?? ""
            let section = reader.text(entry, "section", required: false) ?? ""
            if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
                reader.fail(line: entry.line(of: "url"), "url must start with http:// or https://, got \"\(url)\"")
            } else if let url, SourceURL.hasCredentials(url) {
                reader.fail(line: entry.line(of: "url"), "url: \(SourceURL.credentialsRefused)")
            }
            // The id names the source's file in the state folder: no "/" and no leading ".".
            if let id, !FactFileParser.isValidID(id) || id.hasPrefix(".") {
                reader.fail(line: entry.line(of: "id"), "id \"\(id)\" may hold only letters, digits, \"-\", \"_\" and \".\", and may not start with \".\"")
            }
            if let published, !isISODate(published) {
                reader.fail(line: entry.line(of: "published"), "published must be a date like 2025-04-11, got \"\(published)\"")
            }
            guard let id, let url, let publisher, let published else { continue }
            var source = Source(
                id: id, url: url, title: title, author: author,
                publisher: publisher, published: published, line: entry.line)
            source.section = section
            sources.append(source)
        }
        if !reader.diagnostics.isEmpty { throw Diagnostics(reader.diagnostics) }
        return sources
    }

    /// `YYYY-MM-DD`, optionally followed by a time.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
