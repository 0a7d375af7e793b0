import Testing

@testable import IRCProtocol

/// Questions lose IRC's formatting codes before they are read.
@Suite struct FormattingTests {
    @Test(arguments: [
        ("\u{3}04douyin\u{3}?", "douyin?"),
        (
            "\u{2}bold\u{2} \u{1D}italic\u{1D} \u{1F}under\u{1F} \u{1E}struck\u{1E} \u{11}mono\u{11} \u{16}rev\u{16}\u{F}",
            "bold italic under struck mono rev"
        ),
        ("\u{3}4,12red on blue\u{3}", "red on blue"),
        ("\u{3}04,1two", "two"),
        ("\u{3}123", "3"),  // two digits at most: the third is text
        ("\u{3}04,x", ",x"),  // a comma without a digit after it is text
        ("\u{3},05x", ",05x"),  // no background without a text colour
        ("plain\u{3} reset", "plain reset"),
        ("\u{4}FF0000red\u{4}", "red"),
        ("\u{4}ff0000,00FF00hex on hex", "hex on hex"),
        ("\u{4}ABC fine", "ABC fine"),  // not six hex digits: just the code
        ("\u{4}FF0000,12x", ",12x"),  // nor after the comma
        ("no codes at all", "no codes at all"),
        ("\u{3}", ""),
        ("\u{3}1", ""),
        ("\u{3}1,", ","),
    ])
    func formattingCodesAreStripped(_ input: String, _ expected: String) {
        #expect(IRCFormatting.stripped(input) == expected)
    }

    @Test func aColouredQuestionIsTheQuestion() {
        var bot = SessionHarness()
        bot.register()
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :\u{3}04douyin\u{3}?") == ["PRIVMSG ann :Answer to douyin?"])
        // Also when the address itself is formatted, or the text is bold and coloured on a background.
        #expect(
            bot.feed(":ann!~a@h PRIVMSG #news :\u{2}factbot\u{2}: \u{3}4,1\u{1D}how much\u{F}?")
                == ["PRIVMSG #news :ann: Answer to how much?"])
        #expect(
            bot.feed(":ann!~a@h PRIVMSG #news :factbot: \u{4}FF8800,000000tiktok\u{4}\u{11}?\u{11}")
                == ["PRIVMSG #news :ann: Answer to tiktok?"])
        #expect(bot.session.takeEvents().contains(.question(.init(asker: "ann", text: "douyin?", channel: nil))))
    }
}
