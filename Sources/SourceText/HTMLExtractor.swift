internal import CXML2

/// HTML → ``Article`` with libxml2's HTML parser (forgiving, like a browser; no network,
/// no entity expansion beyond HTML's own): the article body without scripts, styles,
/// navigation, footers, asides, forms and ad or share blocks.
///
/// The body is the page's `<article>` (or `<main>`) when it holds real paragraphs, else
/// the element with the most paragraph text directly inside it: the densest run.
public enum HTMLExtractor {
    /// Elements that never hold article text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "footer", "header", "aside", "form",
        "iframe", "svg", "button", "select", "template", "object", "embed", "canvas", "menu",
    ]
    /// Class or id words that mark boilerplate.
    static let boilerplate = [
        "advert", "promo", "banner", "share", "social", "related", "comment", "cookie",
        "subscribe", "newsletter", "sidebar", "breadcrumb", "footer", "navbar", "menu", "sponsor", "popup",
    ]
    /// Elements whose text is one paragraph.
    static let blocks: Set<String> = ["p", "blockquote", "li", "h2", "h3", "pre"]

    /// Extracts the article from page bytes (any encoding libxml2 can detect; UTF-8 by default).
    public static func extract(_ bytes: [UInt8], url: String = "") -> Result<Article, ExtractionError> {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return .failure(.unreadable) }
        guard factbot_xml_available() != 0 else { return .failure(.parserMissing) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                factbot_html_read_memory($0, Int32(buffer.count), url, options)
            }
        }
        guard let document else { return .failure(.unreadable) }
        defer { factbot_xml_free_doc(document) }
        guard let root = factbot_xml_root(document) else { return .failure(.unreadable) }

        var meta = Metadata()
        meta.read(root)
        guard let body = bestContainer(root) else { return .failure(.noArticle) }
        var paragraphs: [String] = []
        collectParagraphs(body, into: &paragraphs)
        paragraphs = Paragraphs.deduplicate(paragraphs.map(Paragraphs.normalise))
        guard paragraphs.reduce(0, { $0 + $1.count }) >= 200 else { return .failure(.noArticle) }
        return .success(Article(title: meta.title, author: meta.author, published: meta.published, paragraphs: paragraphs))
    }

    // MARK: Tree helpers

    typealias Node = UnsafeMutablePointer<xmlNode>

    static func name(_ node: Node) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ node: Node, _ key: String) -> String? {
        guard let value = factbot_xml_get_prop(node, key) else { return nil }
        defer { factbot_xml_free(value) }
        return String(cString: value)
    }

    static func isElement(_ node: Node) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    static func children(_ node: Node) -> UnfoldSequence<Node, Node?> {
        sequence(state: node.pointee.children) { (current: inout Node?) -> Node? in
            defer { current = current?.pointee.next }
            return current
        }
    }

    /// True for elements that hold no article text: scripts, navigation, ad blocks...
    static func isSkipped(_ node: Node) -> Bool {
        let tag = name(node)
        if skipped.contains(tag) { return true }
        if attribute(node, "hidden") != nil || attribute(node, "aria-hidden") == "true" { return true }
        let marks = ((attribute(node, "class") ?? "") + " " + (attribute(node, "id") ?? "") + " " + (attribute(node, "role") ?? "")).lowercased()
        guard !marks.allSatisfy(\.isWhitespace) else { return false }
        if ["navigation", "banner", "contentinfo", "complementary"].contains(where: { marks.contains($0) }) { return true }
        let words = marks.split { !$0.isLetter }
        return words.contains { word in boilerplate.contains { word == $0 || word.hasPrefix($0) } } || words.contains("ad") || words.contains("ads")
    }

    /// All text under a node, skipping boilerplate, depth-bounded.
    static func text(_ node: Node, depth: Int = 0) -> String {
        guard depth < 200 else { return "" }
        var out = ""
        for child in children(node) {
            switch child.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = child.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                if isSkipped(child) { continue }
                let tag = name(child)
                if tag == "br" {
                    out += " "
                    continue
                }
                out += text(child, depth: depth + 1)
                if !["a", "span", "em", "strong", "b", "i", "u", "abbr", "cite", "q", "sup", "sub", "time", "mark", "small"].contains(tag) { out += " " }
            default:
                continue
            }
        }
        return out
    }

    /// Paragraph-sized blocks under the container, in order.
    static func collectParagraphs(_ node: Node, into paragraphs: inout [String], depth: Int = 0) {
        guard depth < 200 else { return }
        for child in children(node) where isElement(child) && !isSkipped(child) {
            if blocks.contains(name(child)) {
                paragraphs.append(text(child, depth: depth + 1))
            } else {
                collectParagraphs(child, into: &paragraphs, depth: depth + 1)
            }
        }
    }

    /// `<article>` or `<main>` with enough paragraph text, else the element with the most
    /// text in `<p>` children of its own.
    static func bestContainer(_ root: Node) -> Node? {
        var best: (node: Node, score: Int)?
        var preferred: (node: Node, score: Int)?
        func visit(_ node: Node, depth: Int) {
            guard depth < 200 else { return }
            var own = 0
            for child in children(node) where isElement(child) {
                if isSkipped(child) { continue }
                if name(child) == "p" { own += text(child).count }
                visit(child, depth: depth + 1)
            }
            if own > (best?.score ?? 0) { best = (node, own) }
            let tag = name(node)
            if tag == "article" || tag == "main" || attribute(node, "itemprop") == "articleBody" {
                var paragraphs: [String] = []
                collectParagraphs(node, into: &paragraphs)
                let length = paragraphs.reduce(0) { $0 + $1.count }
                if length > (preferred?.score ?? 199) { preferred = (node, length) }
            }
        }
        visit(root, depth: 0)
        return preferred?.node ?? best?.node
    }

    /// Title, author and date from the usual meta tags.
    struct Metadata {
        var title = "", author = "", published = ""
        var documentTitle = ""

        mutating func read(_ root: Node) {
            visit(root, depth: 0)
            if title.isEmpty { title = documentTitle }
        }

        mutating func visit(_ node: Node, depth: Int) {
            guard depth < 200 else { return }
            for child in children(node) where isElement(child) {
                switch name(child) {
                case "meta":
                    let key = (attribute(child, "property") ?? attribute(child, "name") ?? attribute(child, "itemprop") ?? "").lowercased()
                    let content = Paragraphs.normalise(attribute(child, "content") ?? "")
                    guard !content.isEmpty else { continue }
                    switch key {
                    case "og:title", "twitter:title": if title.isEmpty { title = content }
                    case "author", "article:author", "parsely-author", "dc.creator": if author.isEmpty { author = content }
                    case "article:published_time", "datepublished", "date", "pubdate", "dc.date", "parsely-pub-date":
                        if published.isEmpty { published = content }
                    default: break
                    }
                case "title":
                    if documentTitle.isEmpty { documentTitle = Paragraphs.normalise(HTMLExtractor.text(child)) }
                case "time":
                    if published.isEmpty, let stamp = attribute(child, "datetime") { published = stamp }
                default:
                    visit(child, depth: depth + 1)
                }
            }
        }
    }
}
