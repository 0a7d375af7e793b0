import Testing

@testable import IRCProtocol

@Suite struct IRCMessageTests {
    @Test func textFromElsewhereCannotStartASecondCommand() {
        let message = IRCMessage("PRIVMSG", ["#news", "hi\r\nQUIT :bye\0 there"])
        #expect(message.line == "PRIVMSG #news :hiQUIT :bye there")
        #expect(!message.line.contains("\r") && !message.line.contains("\n"))
    }

    @Test func middleParametersKeepTheirShape() {
        // A nick or channel with a space, or empty, must not shift the parameters.
        #expect(IRCMessage("PRIVMSG", ["a b", "text"]).line == "PRIVMSG a_b text")
        #expect(IRCMessage("PRIVMSG", ["", "x y"]).line == "PRIVMSG * :x y")
        #expect(IRCMessage("PRIVMSG", [":evil", "x"]).line == "PRIVMSG *evil x")
        #expect(IRCMessage("KICK", ["#c", "n", ""]).line == "KICK #c n :")
    }

    @Test func oddInputParsesWithoutFailing() {
        #expect(IRCMessage(parsing: "") == nil)
        #expect(IRCMessage(parsing: "    ") == nil)
        #expect(IRCMessage(parsing: "@only=tags") == nil)
        #expect(IRCMessage(parsing: ":source.only") == nil)
        #expect(IRCMessage(parsing: "@a= :s") == nil)
        #expect(IRCMessage(parsing: "@a=b\\ CMD x")?.tags == [IRCMessage.Tag("a", "b")])
        let numeric = IRCMessage(parsing: ":irc.test 433 * factbot :Nickname already in use")
        #expect(numeric?.numeric == 433)
        #expect(numeric?[parameter: 1] == "factbot")
        #expect(numeric?[parameter: 9] == "")
        #expect(IRCMessage("904")[parameter: -1] == "")  // once a crash: a numeric with no parameters
        #expect(IRCMessage(parsing: "privmsg #a :b")?.verb == "PRIVMSG")
        #expect(IRCMessage(parsing: "4333 x")?.numeric == nil)
    }

    @Test func tagValueEscapesRoundTrip() {
        let value = "semi;colon space\\back\r\nlines"
        let message = IRCMessage(tags: [.init("k", value)], "TAGMSG", ["#c"])
        #expect(!message.line.contains("\r") && !message.line.contains("\n"))
        #expect(IRCMessage(parsing: message.line)?.tags.first?.value == value)
        #expect(IRCMessage.unescapeTagValue("a\\xb\\") == "axb")
    }

    @Test func hostmasksAndIgnorePatterns() {
        let mask = Hostmask("Troll[1]!~t@spam.example")
        #expect(mask.nick == "Troll[1]" && mask.user == "~t" && mask.host == "spam.example")
        #expect(mask.matches("troll{1}"))  // RFC 1459 case folding
        #expect(mask.matches("*!*@SPAM.example"))
        #expect(!mask.matches("troll"))
        #expect(!mask.matches("*!*@ham.example"))
        #expect(Hostmask("irc.server.test").user == nil)
    }

    @Test func nicknamesAndChannels() {
        #expect(Nickname.isValid("factbot") && Nickname.isValid("[bot]-2") && Nickname.isValid("`x"))
        #expect(!Nickname.isValid("2bot") && !Nickname.isValid("-bot") && !Nickname.isValid("a b") && !Nickname.isValid(""))
        #expect(Channel(parsing: "#news") == Channel("#news"))
        #expect(Channel(parsing: "#news,s3cret") == Channel("#news", key: "s3cret"))
        #expect(Channel(parsing: "news") == nil)
        #expect(Channel(parsing: "#a b") == nil)
        #expect(Channel(parsing: "#a,") == nil)
        #expect(Channel(parsing: "#") == nil)
    }

    @Test func logsMaskSecretsAndKeysAndShowNoControlCharacters() {
        let secrets = Secrets(serverPassword: "hunter2", saslPassword: "pw")
        #expect(Redaction.mask("PASS hunter2", secrets: secrets) == "PASS ***")
        #expect(Redaction.mask("AUTHENTICATE Zm9vAGZvbwBwdw==", secrets: secrets) == "AUTHENTICATE ***")
        #expect(Redaction.mask("AUTHENTICATE PLAIN", secrets: secrets) == "AUTHENTICATE PLAIN")
        #expect(Redaction.mask("JOIN #desk,#news k3y", secrets: secrets) == "JOIN #desk,#news ***")
        #expect(Redaction.mask(":x!y@z PRIVMSG bot :my password is hunter2", secrets: secrets) == ":x!y@z PRIVMSG bot :my password is ***")
        #expect(Redaction.printable("hi\u{1B}[2J\u{7}there\r\n") == "hi?[2J?there??")
    }
}
