import Testing

@testable import IRCProtocol

@Suite struct LineFramerTests {
    @Test func linesSurviveReadsCutAnywhere() {
        let text = Array(":a PRIVMSG #c :héllo wörld\r\nPING :x\r\n\r\nPONG y\n".utf8)
        // One byte at a time, as swift-nio's decoder verifier does.
        var framer = LineFramer()
        var lines: [String] = []
        for byte in text { lines += framer.feed([byte]) }
        #expect(lines == [":a PRIVMSG #c :héllo wörld", "PING :x", "PONG y"])
        #expect(framer.bufferedByteCount == 0)
    }

    @Test func halfLineWaitsForItsEnd() {
        var framer = LineFramer()
        #expect(framer.feed(Array("PING :ab".utf8)).isEmpty)
        #expect(framer.feed(Array("c\r".utf8)) == ["PING :abc"])
        #expect(framer.feed(Array("\nX\r\n".utf8)) == ["X"])
    }

    @Test func overlongLinesAreDroppedWholeAndNulAndBadUTF8DoNotHurt() {
        var framer = LineFramer(maximumLength: 16)
        let lines = framer.feed(Array("short\r\n".utf8) + Array(repeating: 65, count: 100) + Array("\r\nnext\0line\r\n".utf8) + [0xFF, 0xFE, 0x41, 0x0A])
        #expect(lines == ["short", "nextline", "\u{FFFD}\u{FFFD}A"])
        #expect(framer.discardedLines == 1)
    }
}

@Suite struct ReplySplitterTests {
    @Test func shortTextIsOnePiece() {
        #expect(ReplySplitter.split("Up to 3,000 dollars a month.", budget: 400) == ["Up to 3,000 dollars a month."])
        #expect(ReplySplitter.split("   ", budget: 400).isEmpty)
    }

    @Test func breaksAtSpacesWithinTheBudget() {
        let text = (1...60).map { "word\($0)" }.joined(separator: " ")
        let pieces = ReplySplitter.split(text, budget: 50)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= 50 && !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
        #expect(pieces.joined(separator: " ") == text)
    }

    @Test func neverCutsInsideAUTF8SequenceOrGrapheme() {
        let text = String(repeating: "Вербування👩🏽‍💻китайців", count: 30)  // one long "word"
        let pieces = ReplySplitter.split(text, budget: 37)
        #expect(pieces.allSatisfy { $0.utf8.count <= 37 })
        #expect(pieces.joined() == text)
        // Each piece is valid UTF-8 on its own (a cut sequence would not round-trip).
        #expect(pieces.allSatisfy { String(decoding: Array($0.utf8), as: UTF8.self) == $0 })
    }

    @Test func partsShareALineOnlyWhenTheyFitWhole() {
        let parts = ["Sources differ.", "Courier: a deckhand (4 March: https://c.example/a)", "Gazette: a cook (2 March: https://g.example/b)"]
        let lines = ReplySplitter.split(parts: parts, budget: 75)
        #expect(
            lines == [
                "Sources differ. Courier: a deckhand (4 March: https://c.example/a)",
                "Gazette: a cook (2 March: https://g.example/b)",
            ])
        // word by word, the second source would start at the end of the first line
        #expect(ReplySplitter.split(parts.joined(separator: " "), budget: 75)[0].hasSuffix("Gazette:"))
        // a part longer than a line starts on its own line and is split by words
        let long = ReplySplitter.split(parts: ["Short.", String(repeating: "word ", count: 30)], budget: 40)
        #expect(long[0] == "Short.")
        #expect(long.dropFirst().allSatisfy { $0.utf8.count <= 40 })
    }

    @Test func aLongPartRepeatsItsCitationOnEveryLine() {
        let citation = "(dev.ua, 11 April 2025: https://dev.ua/news/recruiting)"
        let text = (1...40).map { "word\($0)" }.joined(separator: " ")
        let lines = ReplySplitter.split(parts: ["Short (wire, 1 May: https://w.example/a).", text + "  " + citation], budget: 120)
        #expect(lines[0] == "Short (wire, 1 May: https://w.example/a).")
        #expect(lines.count > 3)
        #expect(lines.dropFirst().allSatisfy { $0.utf8.count <= 120 && $0.hasSuffix(" " + citation) })
        // Nothing of the text is lost or repeated.
        #expect(lines.dropFirst().map { $0.dropLast(citation.count + 1) }.joined(separator: " ") == text)
    }

    @Test func aCitationLongerThanHalfALineFollowsTheTextWhole() {
        let citation = "(dev.ua, 11 April 2025: https://dev.ua/" + String(repeating: "x", count: 60) + ")"
        let text = (1...40).map { "word\($0)" }.joined(separator: " ")
        let lines = ReplySplitter.split(part: text + " " + citation, budget: 120)
        #expect(lines.last == citation)
        #expect(lines.allSatisfy { $0.utf8.count <= 120 })
        #expect(lines.dropLast().joined(separator: " ") == text)
    }

    @Test(arguments: [
        ("text (a: https://x.example/a)", "text", "(a: https://x.example/a)"),
        ("Authors: Ann (a: https://x.example/a);", "Authors: Ann", "(a: https://x.example/a);"),
        ("the ferry (a cook) sank (b, 2 May: https://en.example/Ferry_(ship))", "the ferry (a cook) sank", "(b, 2 May: https://en.example/Ferry_(ship))"),
    ])
    func citationsAreFoundAtTheEnd(_ part: String, _ text: String, _ citation: String) {
        #expect(ReplySplitter.trailingCitation(part)?.text == text)
        #expect(ReplySplitter.trailingCitation(part)?.citation == citation)
    }

    @Test(arguments: ["no citation", "(all in parentheses)", "unbalanced a: b)", "ends (then) more", ""])
    func noCitationNoChange(_ part: String) {
        #expect(ReplySplitter.trailingCitation(part) == nil)
        #expect(
            ReplySplitter.split(part: part + String(repeating: " word", count: 50), budget: 60)
                == ReplySplitter.split(part + String(repeating: " word", count: 50), budget: 60))
    }

    @Test func lineBreaksAndCTCPMarkersBecomeHarmless() {
        #expect(ReplySplitter.flatten("a\r\nQUIT\0b\u{1}VERSION\u{1}\tc") == "a  QUIT bVERSION c")
        #expect(ReplySplitter.flatten("\u{2}bold\u{2} stays") == "\u{2}bold\u{2} stays")
    }
}
