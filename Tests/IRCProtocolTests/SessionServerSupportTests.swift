import Testing

@testable import IRCProtocol

/// ISUPPORT (005): the server's case mapping, nick length, channel types, PREFIX and STATUSMSG.
@Suite struct SessionServerSupportTests {
    /// A bot nicked `nick` in `channels`, registered on a server that sent `isupport` (the
    /// tokens of one 005 line; none for a server that says nothing) and joined every channel.
    static func registered(nick: String, channels: [String], isupport: String?, ignore: [String] = []) -> SessionHarness {
        var bot = SessionHarness {
            $0.nick = nick
            $0.channels = channels.map { Channel($0) }
            $0.ignore = ignore
        }
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :", ":irc.test 001 \(nick) :Welcome")
        if let isupport { _ = bot.feed(":irc.test 005 \(nick) \(isupport) :are supported by this server") }
        for channel in channels { _ = bot.feed(":\(nick)!~f@bot.host JOIN \(channel)") }
        _ = bot.advance(10)
        _ = bot.session.takeEvents()
        return bot
    }

    @Test func caseMappingsFoldAsTheirNamesSay() {
        #expect(CaseMapping.rfc1459.same("fact[bot]\\~", "FACT{BOT}|^"))
        #expect(CaseMapping.strictRFC1459.same("fact[bot]\\", "FACT{BOT}|"))
        #expect(!CaseMapping.strictRFC1459.same("a~", "a^"))
        #expect(CaseMapping.ascii.same("FactBot", "factbot"))
        #expect(!CaseMapping.ascii.same("fact[bot]", "fact{bot}"))
        var support = ServerSupport()
        #expect(support.caseMapping == .rfc1459)  // what a server that says nothing uses
        support.apply(["CASEMAPPING=ascii", "NICKLEN=30"])
        #expect(support.caseMapping == .ascii)
        support.apply(["CASEMAPPING=rfc7613"])  // one the session does not know: kept
        #expect(support.caseMapping == .ascii)
        support.apply(["-CASEMAPPING", "-NICKLEN"])
        #expect(support == ServerSupport())
    }

    @Test func withRFC1459BracketsAndBracesAreTheSameNick() {
        var bot = Self.registered(nick: "fact[bot]", channels: ["#news[1]"], isupport: "CASEMAPPING=rfc1459", ignore: ["troll[1]"])
        #expect(bot.session.serverSupport.caseMapping == .rfc1459)
        #expect(bot.feed(":ann!~a@h PRIVMSG #news[1] :FACT{BOT}: how much?") == ["PRIVMSG #news[1] :ann: Answer to how much?"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #NEWS{1} :fact[bot]: why?") == ["PRIVMSG #NEWS{1} :ann: Answer to why?"])
        #expect(bot.feed(":ann!~a@h PRIVMSG FACT{BOT} :hi") == ["PRIVMSG ann :Answer to hi"])
        #expect(bot.feed(":troll{1}!~t@h PRIVMSG fact[bot] :hi").isEmpty)  // the ignore list folds too
    }

    @Test func withASCIIBracketsAndBracesAreTwoNicks() {
        var bot = Self.registered(nick: "fact[bot]", channels: ["#news[1]"], isupport: "CASEMAPPING=ascii", ignore: ["troll[1]"])
        #expect(bot.session.serverSupport.caseMapping == .ascii)
        #expect(bot.feed(":ann!~a@h PRIVMSG #news[1] :FACT{BOT}: how much?").isEmpty)
        #expect(bot.feed(":ann!~a@h PRIVMSG #news[1] :FACT[BOT]: how much?") == ["PRIVMSG #news[1] :ann: Answer to how much?"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #news{1} :fact[bot]: why?").isEmpty)  // not a channel we are in
        #expect(bot.feed(":ann!~a@h PRIVMSG fact{bot} :hi").isEmpty)  // someone else
        #expect(bot.feed(":troll{1}!~t@h PRIVMSG fact[bot] :hi") == ["PRIVMSG troll{1} :Answer to hi"])
        // Our own line, echoed back under another case, is never a question.
        #expect(bot.feed(":FACT[BOT]!~f@bot.host PRIVMSG #news[1] :fact[bot]: loop?").isEmpty)
    }

    @Test func namesStoredBeforeTheCaseMappingAreFoldedAgain() {
        // The last server used ascii; this one says rfc1459 only after the bot is in #news[1].
        var ascii = ServerSupport()
        ascii.caseMapping = .ascii
        var bot = SessionHarness { $0.channels = [Channel("#news[1]")] }
        bot.session.assume(ascii)
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :", ":irc.test 001 factbot :Welcome", ":factbot!~f@h JOIN #News[1]")
        _ = bot.advance(10)
        #expect(bot.feed(":ann!~a@h PRIVMSG #NEWS{1} :factbot: hi").isEmpty)
        _ = bot.feed(":irc.test 005 factbot CASEMAPPING=rfc1459 :are supported by this server")
        #expect(bot.session.joinedChannels == ["#news{1}"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #NEWS{1} :factbot: hi") == ["PRIVMSG #NEWS{1} :ann: Answer to hi"])
    }

    @Test func alternateNicksAreCutToTheServersNickLength() {
        var first = Self.registered(nick: "factbot", channels: ["#news"], isupport: "NICKLEN=7 CHANTYPES=#")
        #expect(first.session.serverSupport.nickLength == 7)
        _ = first.feed("ERROR :Closing link")
        // The next connection registers before this server's 005: it goes by the last one's.
        var bot = SessionHarness { $0.alternateNicks = ["newsbot_"] }
        bot.session.assume(first.session.serverSupport)
        _ = bot.sent()
        #expect(bot.feed(":irc.test 433 * factbot :Nickname already in use") == ["NICK newsbot"])
        #expect(bot.feed(":irc.test 433 * newsbot :Nickname already in use") == ["NICK factbo1"])
        for _ in 2..<10 { _ = bot.feed(":irc.test 433 * x :Nickname already in use") }
        #expect(bot.session.nick == "factbo9")
        #expect(bot.feed(":irc.test 433 * factbo9 :Nickname already in use") == ["NICK factb10"])
        // Without a NICKLEN the nick is not cut.
        var free = SessionHarness()
        _ = free.sent()
        #expect(free.feed(":irc.test 433 * factbot :Nickname already in use") == ["NICK factbot1"])
    }

    @Test func onlyTheServersChannelTypesAreChannels() {
        // `&local` is a channel where CHANTYPES lists `&` (and where the server says nothing).
        var listed = Self.registered(nick: "factbot", channels: ["#news", "&local"], isupport: "CHANTYPES=#&")
        #expect(listed.session.joinedChannels == ["#news", "&local"])
        #expect(listed.feed(":ann!~a@h PRIVMSG &local :factbot: hi") == ["PRIVMSG &local :ann: Answer to hi"])
        // Not where CHANTYPES is `#` only.
        var hashOnly = Self.registered(nick: "factbot", channels: ["#news", "&local"], isupport: "CHANTYPES=#")
        #expect(hashOnly.session.joinedChannels == ["#news"])
        #expect(hashOnly.feed(":ann!~a@h PRIVMSG &local :factbot: hi").isEmpty)
        // A connection that knows the server's CHANTYPES does not try to join `&local`.
        var next = SessionHarness { $0.channels = [Channel("#news"), Channel("&local")] }
        next.session.assume(hashOnly.session.serverSupport)
        _ = next.sent()
        #expect(next.feed(":irc.test CAP * LS :", ":irc.test 001 factbot :Welcome") == ["CAP END", "JOIN #news"])
        #expect(
            next.session.takeEvents().contains(
                .joinFailed(channel: "&local", reason: "not a channel on this server (CHANTYPES=#)", retryIn: nil)))
    }

    @Test func statusMessagesAreNotQuestionsAndNamesLoseTheirPrefixes() {
        var bot = Self.registered(nick: "factbot", channels: ["#news"], isupport: "PREFIX=(qaohv)~&@%+ STATUSMSG=~&@%+ CHANTYPES=#&")
        #expect(bot.session.serverSupport.prefixSymbols == ["~", "&", "@", "%", "+"])
        #expect(bot.session.serverSupport.statusMessageChannel("@#news") == "#news")
        #expect(bot.session.serverSupport.statusMessageChannel("&news") == nil)  // a channel of its own
        for target in ["@#news", "%#news", "~&@#news", "+#news"] {
            #expect(bot.feed(":ann!~a@h PRIVMSG \(target) :factbot: hi").isEmpty, "\(target)")
        }
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :factbot: hi") == ["PRIVMSG #news :ann: Answer to hi"])
        // NAMES shows us in #desk behind the server's prefixes (multi-prefix: several).
        _ = bot.session.takeEvents()
        #expect(bot.feed(":irc.test 353 factbot = #desk :~ann %&factbot +bob").isEmpty)
        #expect(bot.session.joinedChannels == ["#news", "#desk"])
        #expect(bot.session.takeEvents() == [.joined("#desk")])
        #expect(bot.feed(":ann!~a@h PRIVMSG #desk :factbot: hi") == ["PRIVMSG #desk :ann: Answer to hi"])
        // With the default PREFIX (`@+`), `%` is not a prefix: `%factbot` is someone else.
        var plain = Self.registered(nick: "factbot", channels: ["#news"], isupport: nil)
        _ = plain.feed(":irc.test 353 factbot = #desk :%factbot @+ann")
        #expect(plain.session.joinedChannels == ["#news"])
        _ = plain.feed(":irc.test 353 factbot @ #desk :@+factbot")
        #expect(plain.session.joinedChannels == ["#news", "#desk"])
    }
}
