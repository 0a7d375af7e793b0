import Testing

@testable import IRCProtocol

@Suite struct SessionRegistrationTests {
    @Test func registersThenJoinsAfterWelcome() {
        var bot = SessionHarness { $0.channels = [Channel("#news"), Channel("#desk", key: "k3y")] }
        #expect(bot.sent() == ["CAP LS 302", "NICK factbot", "USER factbot 0 * :factbot: answers questions about the news from a curated fact base"])
        #expect(bot.feed(":irc.test CAP * LS :multi-prefix") == ["CAP END"])
        // One JOIN for every channel, keyed ones first, at once (not behind flood control).
        #expect(bot.feed(":irc.test 001 factbot :Welcome") == ["JOIN #desk,#news k3y"])
        #expect(bot.session.phase == .registered)
        #expect(bot.feed(":factbot!~f@h JOIN #news", ":factbot!~f@h JOIN :#desk").isEmpty)
        #expect(bot.session.joinedChannels == ["#news", "#desk"])
    }

    @Test func manyChannelsJoinInLinesThatFit() {
        let channels = (1...60).map { Channel("#channel-number-\($0)") }
        var bot = SessionHarness { $0.channels = channels }
        _ = bot.sent()
        let joins = bot.feed(":irc.test CAP * LS :", ":irc.test 001 factbot :Welcome").filter { $0.hasPrefix("JOIN") }
        #expect(joins.count > 1)
        #expect(joins.allSatisfy { $0.utf8.count < 420 })
        #expect(joins.flatMap { $0.dropFirst(5).split(separator: ",") }.count == 60)
    }

    @Test func serverPasswordGoesFirst() {
        var bot = SessionHarness(secrets: Secrets(serverPassword: "pw"))
        #expect(bot.sent().first == "PASS pw")
    }

    @Test func saslPlainAfterCapabilityNegotiation() {
        var bot = SessionHarness({ $0.saslAccount = "factbot" }, secrets: Secrets(saslPassword: "s3cret"))
        _ = bot.sent()
        // A multi-line CAP LS: the request waits for the last line.
        #expect(bot.feed(":irc.test CAP * LS * :multi-prefix away-notify").isEmpty)
        #expect(bot.feed(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL") == ["CAP REQ sasl"])
        #expect(bot.feed(":irc.test CAP * ACK :sasl") == ["AUTHENTICATE PLAIN"])
        // base64("factbot\0factbot\0s3cret")
        #expect(bot.feed("AUTHENTICATE +") == ["AUTHENTICATE ZmFjdGJvdABmYWN0Ym90AHMzY3JldA=="])
        #expect(
            bot.feed(
                ":irc.test 900 factbot factbot!~f@h factbot :You are now logged in",
                ":irc.test 903 factbot :SASL authentication successful") == ["CAP END"])
        #expect(bot.session.takeEvents().contains(.saslSucceeded(account: "factbot")))
        #expect(bot.feed(":irc.test 001 factbot :Welcome") == ["JOIN #news"])
    }

    @Test func saslFailureIsReportedAndRegistrationGoesOn() {
        var bot = SessionHarness({ $0.saslAccount = "factbot" }, secrets: Secrets(saslPassword: "wrong"))
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :sasl", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        #expect(bot.feed(":irc.test 904 factbot :SASL authentication failed") == ["CAP END"])
        #expect(bot.session.takeEvents().contains { if case .saslFailed = $0 { true } else { false } })
        // A server without SASL: no request, just CAP END.
        var plain = SessionHarness({ $0.saslAccount = "factbot" }, secrets: Secrets(saslPassword: "pw"))
        _ = plain.sent()
        #expect(plain.feed(":ngircd CAP * LS :multi-prefix") == ["CAP END"])
    }

    @Test func longSaslPayloadsAreChunked() {
        let password = String(repeating: "p", count: 300 - 16 - 2)  // payload exactly 400 base64 bytes
        var bot = SessionHarness({ $0.saslAccount = "factbot" }, secrets: Secrets(saslPassword: password))
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :sasl", ":irc.test CAP * ACK :sasl")
        let lines = bot.feed("AUTHENTICATE +")
        #expect(lines.count == 2)
        #expect(lines.first?.utf8.count == "AUTHENTICATE ".utf8.count + 400)
        #expect(lines.last == "AUTHENTICATE +")
    }

    @Test func nickInUseTriesAlternatesThenNumbers() {
        var bot = SessionHarness { $0.alternateNicks = ["factbot_"] }
        _ = bot.sent()
        #expect(bot.feed(":irc.test 433 * factbot :Nickname already in use") == ["NICK factbot_"])
        #expect(bot.feed(":irc.test 433 * factbot_ :Nickname already in use") == ["NICK factbot1"])
        #expect(bot.feed(":irc.test 432 * factbot1 :Erroneous nickname") == ["NICK factbot2"])
        _ = bot.feed(":irc.test CAP * LS :", ":irc.test 001 factbot2 :Welcome")
        #expect(bot.session.nick == "factbot2")
        // The holder leaves: take the nick back.
        _ = bot.feed(":factbot!~x@y QUIT :bye")
        #expect(bot.advance(2).map(\.line) == ["NICK factbot"])  // paced like any other line
        _ = bot.feed(":factbot2!~f@h NICK :factbot")
        #expect(bot.session.nick == "factbot")
        #expect(bot.session.takeEvents().contains(.nickRegained("factbot")))
    }

    @Test func theHolderOfOurNickCannotMakeUsFlood() {
        var bot = SessionHarness()
        _ = bot.sent()
        _ = bot.feed(":irc.test 433 * factbot :in use", ":irc.test CAP * LS :", ":irc.test 001 factbot1 :Welcome")
        _ = bot.advance(5)
        // Changing only the case of our nick is no reason to ask for it.
        _ = bot.feed(":factbot!~x@y NICK FactBot")
        #expect(bot.advance(2).isEmpty)
        // Real renames, twenty at once: one NICK now, the next no sooner than 10 s later.
        for index in 0..<20 {
            bot.session.receive(":\(index % 2 == 0 ? "FactBot" : "other")!~x@y NICK \(index % 2 == 0 ? "other" : "FactBot")", now: bot.now)
        }
        #expect(bot.advance(12).filter { $0.line == "NICK factbot" }.count == 1)
        // Ten seconds on, a rename may bring another try.
        #expect(bot.feed(":FactBot!~x@y NICK other") == ["NICK factbot"])
    }

    @Test func retriesTheNickNowAndThenWhileItIsHeld() {
        var bot = SessionHarness()
        _ = bot.sent()
        _ = bot.feed(":irc.test 433 * factbot :in use", ":irc.test 001 factbot1 :Welcome")
        #expect(bot.advance(59).allSatisfy { $0.line != "NICK factbot" })
        #expect(bot.advance(2).map(\.line).contains("NICK factbot"))
        // A 433 for the retry after registration changes nothing.
        #expect(bot.feed(":irc.test 433 factbot1 factbot :in use").isEmpty)
        #expect(bot.session.nick == "factbot1")
    }

    @Test func pingIsAnsweredAtOnceEvenWhenTheQueueIsFull() {
        var bot = SessionHarness {
            $0.floodBurst = 1
            $0.floodInterval = 10
        }
        bot.register()
        for i in 0..<5 { bot.session.receive(":u!~u@h PRIVMSG factbot :q\(i)", now: bot.now) }
        _ = bot.sent()
        #expect(bot.feed("PING :irc.test") == ["PONG irc.test"])
    }

    @Test func silenceBringsOurPingThenAReconnect() {
        var bot = SessionHarness {
            $0.pingInterval = 30
            $0.pingTimeout = 10
        }
        bot.register()
        _ = bot.feed(":ann!~a@h PRIVMSG #news :chatter")  // any line counts as life
        #expect(bot.advance(29).isEmpty)
        #expect(bot.advance(2).map(\.line) == ["PING factbot"])
        _ = bot.feed(":irc.test PONG irc.test :factbot")
        #expect(bot.session.phase == .registered)
        #expect(bot.advance(31).map(\.line) == ["PING factbot"])
        _ = bot.advance(9)
        #expect(bot.session.phase == .registered)
        _ = bot.advance(2)
        guard case .closed = bot.session.phase else {
            Issue.record("still open after ping timeout")
            return
        }
    }

    @Test func registrationThatNeverFinishesIsAbandoned() {
        var bot = SessionHarness { $0.registrationTimeout = 20 }
        _ = bot.advance(21)
        #expect(bot.session.phase == .closed(reason: "registration did not finish within 20 s"))
    }

    @Test func errorFromTheServerClosesTheSession() {
        var bot = SessionHarness()
        bot.register()
        _ = bot.feed("ERROR :Closing connection")
        #expect(bot.session.phase == .closed(reason: "server closed the link: Closing connection"))
    }

    @Test func kickedThenRejoinedAfterTheDelay() {
        var bot = SessionHarness { $0.rejoinDelay = 5 }
        bot.register()
        #expect(bot.feed(":op!~o@h KICK #news factbot :go away").isEmpty)
        #expect(bot.session.joinedChannels.isEmpty)
        #expect(bot.advance(4.9).isEmpty)
        #expect(bot.advance(0.2).map(\.line) == ["JOIN #news"])
        // Someone else being kicked is not our business.
        #expect(bot.feed(":op!~o@h KICK #news someone :bye").isEmpty)
    }

    @Test func repliesStillQueuedAtADisconnectGoOutAfterTheNextJoin() {
        var bot = SessionHarness {
            $0.floodBurst = 1
            $0.floodInterval = 10
        }
        bot.register()
        for i in 0..<3 { bot.session.receive(":u!~u@h PRIVMSG factbot :q\(i)", now: bot.now) }
        _ = bot.sent()  // one goes out; two wait
        bot.session.receive("ERROR :Closing link", now: bot.now)
        let unsent = bot.session.unsentReplies
        #expect(unsent == ["PRIVMSG u :Answer to q1", "PRIVMSG u :Answer to q2"])

        // A connection that dies before registering keeps them too.
        var failed = SessionHarness()
        failed.session.resume(unsent)
        failed.session.receive("ERROR :Closing link", now: failed.now)
        #expect(failed.session.unsentReplies == unsent)

        var next = SessionHarness {
            $0.floodBurst = 1
            $0.floodInterval = 10
        }
        next.session.resume(unsent)
        _ = next.sent()
        _ = next.feed(":s CAP * LS :", ":s 001 factbot :Welcome")
        let later = next.advance(25).map(\.line)
        #expect(later == ["PRIVMSG u :Answer to q1", "PRIVMSG u :Answer to q2"])
    }

    @Test func quitGoesOutFirst() {
        var bot = SessionHarness { $0.quitMessage = "bye\r\nNICK evil" }
        bot.register()
        for i in 0..<8 { bot.session.receive(":u!~u@h PRIVMSG factbot :q\(i)", now: bot.now) }
        bot.session.quit(now: bot.now)
        #expect(bot.sent() == ["QUIT :byeNICK evil"])
    }
}
