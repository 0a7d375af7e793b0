import Testing

@testable import SourceText

/// Pages written for these tests (not copied from any site): the shapes news pages take.
@Suite struct HTMLExtractorTests {
    static let body = [
        "The harbour authority said on Monday that 1,240 containers had been held at the north quay since March.",
        "Port workers told reporters the delays cost shippers about €2.5 million a week, according to the union.",
        "A spokesperson for the ministry said the backlog would be cleared “within weeks”, without giving a date.",
    ]

    func extract(_ html: String) -> Result<Article, ExtractionError> { HTMLExtractor.extract(Array(html.utf8)) }

    @Test func articleBodyWithoutScriptsNavigationOrAds() throws {
        let html = """
            <!doctype html><html><head>
            <title>Harbour backlog | The Test Gazette</title>
            <meta property="og:title" content="Harbour backlog grows to 1,240 containers">
            <meta name="author" content="Ada Quill">
            <meta property="article:published_time" content="2026-03-02T09:15:00+02:00">
            <style>p { color: red }</style><script>var tracking = "Harbour script text";</script>
            </head><body>
            <nav><ul><li>Home</li><li>World</li><li>Harbour news in the menu</li></ul></nav>
            <header class="site-header"><p>Subscribe to The Test Gazette for only 1 euro a month, today only.</p></header>
            <article>
              <h1>Harbour backlog grows</h1>
              <p>\(Self.body[0])</p>
              <div class="ad-slot"><p>Buy cheap flights now! Best prices on all routes, book today and save.</p></div>
              <p>\(Self.body[1])</p>
              <aside><p>Related: five other ports you should know about, in pictures and video.</p></aside>
              <p>\(Self.body[2])</p>
              <div class="share-buttons"><p>Share this story on every network you use today.</p></div>
            </article>
            <footer><p>© The Test Gazette. All rights reserved. Contact us at the address below.</p></footer>
            </body></html>
            """
        let article = try extract(html).get()
        #expect(article.paragraphs == Self.body)
        #expect(article.title == "Harbour backlog grows to 1,240 containers")
        #expect(article.author == "Ada Quill")
        #expect(article.published == "2026-03-02T09:15:00+02:00")
    }

    @Test func densestRunOfParagraphsWhenThereIsNoArticleElement() throws {
        let html = """
            <html><body><div id="top"><p>Short teaser.</p></div>
            <div class="layout"><div class="col">\(Self.body.map { "<p>\($0)</p>" }.joined())</div>
            <div class="col2"><p>Weather: sunny.</p></div></div></body></html>
            """
        #expect(try extract(html).get().paragraphs == Self.body)
    }

    @Test func entitiesAreDecodedAndWhitespaceNormalised() throws {
        let html =
            "<html><head><title>T</title></head><body><article><p>  The ministry&#8217;s   figure:\n\t1,240&nbsp;containers &amp; 3&nbsp;ships held since March, officials said in a statement.</p><p>\(Self.body[1])</p></article></body></html>"
        let article = try extract(html).get()
        #expect(article.paragraphs.first == "The ministry’s figure: 1,240 containers & 3 ships held since March, officials said in a statement.")
        #expect(article.title == "T")
    }

    @Test func exactAndRewordedDuplicatesAreDropped() throws {
        let reworded = "The harbour authority said Monday that 1,240 containers have been held at the north quay since March."
        let html =
            "<html><body><article>" + [Self.body[0], Self.body[0], Self.body[1], reworded, Self.body[2]].map { "<p>\($0)</p>" }.joined()
            + "</article></body></html>"
        #expect(try extract(html).get().paragraphs == Self.body)
    }

    @Test func malformedHTMLIsReadLikeABrowserWould() throws {
        let html = "<html><body><article><p>\(Self.body[0])<p>\(Self.body[1]) <b>bold <i>nested</b> text</i><p>\(Self.body[2])</div></span></article>"
        let paragraphs = try extract(html).get().paragraphs
        #expect(paragraphs.count == 3)
        #expect(paragraphs[1].hasSuffix("bold nested text"))
    }

    @Test func aPageWithoutAnArticleIsSaidToBeSo() {
        #expect(extract("<html><body><nav><a href='/'>Home</a></nav><p>Login</p><footer>©</footer></body></html>") == .failure(.noArticle))
        #expect(extract("") == .failure(.unreadable))
        #expect(extract("just some words, not a page at all") == .failure(.noArticle))
    }

    @Test func deepNestingAndJunkDoNotHang() {
        let deep = String(repeating: "<div>", count: 50_000) + "<p>" + Self.body.joined(separator: " ") + "</p>" + String(repeating: "</div>", count: 50_000)
        _ = extract(deep)  // must return; libxml2 bounds the depth, the walk does too
        var junk: [UInt8] = []
        var state: UInt64 = 7
        for _ in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1
            junk.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        _ = HTMLExtractor.extract(junk)
    }

    @Test func entityBombsAreNotExpanded() throws {
        var doctype = "<!DOCTYPE html [<!ENTITY a0 \"boom boom boom boom boom boom boom boom boom boom\">"
        for level in 1...12 { doctype += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        doctype += "]>"
        let html = doctype + "<html><body><article>\(Self.body.map { "<p>\($0) &a12;</p>" }.joined())</article></body></html>"
        let started = ContinuousClock.now
        let article = try extract(html).get()
        #expect(ContinuousClock.now - started < .seconds(2))
        // 10^12 "boom"s would be terabytes: the reference stays unexpanded or empty.
        #expect(article.paragraphs.joined().utf8.count < 10_000)
    }

    @Test func plainTextIsParagraphPerLine() {
        let article = Paragraphs.fromPlainText("Line one is here.\n\n\(Self.body[0])\r\n\(Self.body[0])\n")
        #expect(article.paragraphs == ["Line one is here.", Self.body[0]])
    }

    @Test func aHugeUnbrokenWordSplitsInLinearTime() {
        // Found in review: the look-back for titles was quadratic in the word's length.
        let paragraph = (0..<200).map { _ in String(repeating: "x", count: 5_000) + ". Y" }.joined()
        let started = ContinuousClock.now
        #expect(Sentences.split(paragraph).count == 201)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func sentencesSplitAtTheEndsOfSentencesOnly() {
        let paragraph = "Mr. Smith said 3.5 million people left. Officials disagreed! Did they? “Yes,” said Dr. J. Doe. The U.S. embassy declined to comment."
        #expect(
            Sentences.split(paragraph) == [
                "Mr. Smith said 3.5 million people left.", "Officials disagreed!", "Did they?",
                "“Yes,” said Dr. J. Doe.", "The U.S. embassy declined to comment.",
            ])
    }

    @Test func aSentenceEndsAfterTheQuoteOrBracketThatClosesIt() {
        // Found in a stored article: '... a "friendly attitude toward Russia." In turn, ...' was one sentence.
        let paragraph =
            "They praised a \"friendly attitude.\" In turn, others spread it. “We won.” She left (for good.) Then she came back, \"quietly,\" she said."
        #expect(
            Sentences.split(paragraph) == [
                "They praised a \"friendly attitude.\"", "In turn, others spread it.", "“We won.”", "She left (for good.)",
                "Then she came back, \"quietly,\" she said.",
            ])
    }
}
