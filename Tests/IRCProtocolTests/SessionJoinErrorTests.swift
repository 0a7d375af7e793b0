import Testing

@testable import IRCProtocol

/// The server refusing a JOIN: logged with its reason, retried with backoff when waiting can help.
@Suite struct SessionJoinErrorTests {
    /// A bot configured for `channels`, registered, its JOIN sent but not answered.
    static func joining(_ channels: [String] = ["#news"]) -> SessionHarness {
        var bot = SessionHarness {
            $0.channels = channels.map { Channel($0) }
            $0.rejoinDelay = 5
            $0.pingInterval = 100_000  // long silences here are not the point
        }
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :", ":irc.test 001 factbot :Welcome")
        _ = bot.advance(10)
        _ = bot.session.takeEvents()
        return bot
    }

    @Test(arguments: [
        (471, "Cannot join channel (+l)"), (473, "Cannot join channel (+i)"), (474, "Cannot join channel (+b)"),
        (475, "Cannot join channel (+k)"), (477, "Cannot join channel (+R) -- You need a registered nick"),
    ])
    func refusalsThatMayPassAreRetriedWithBackoff(_ code: Int, _ reason: String) {
        var bot = Self.joining()
        var expected = 5.0
        for _ in 0..<10 {
            _ = bot.feed(":irc.test \(code) factbot #news :\(reason)")
            #expect(bot.session.takeEvents() == [.joinFailed(channel: "#news", reason: reason, retryIn: expected)])
            #expect(bot.advance(expected - 0.1).isEmpty)
            #expect(bot.advance(0.2).map(\.line) == ["JOIN #news"])
            expected = min(expected * 2, 600)  // doubling from rejoin_delay, to 10 minutes
        }
        #expect(expected == 600)
        // Once in, the next refusal (after a kick) starts from rejoin_delay again.
        _ = bot.feed(":factbot!~f@h JOIN #news")
        _ = bot.feed(":op!~o@h KICK #news factbot :out")
        #expect(bot.advance(5.1).map(\.line) == ["JOIN #news"])
        _ = bot.session.takeEvents()
        _ = bot.feed(":irc.test \(code) factbot #news :\(reason)")
        #expect(bot.session.takeEvents() == [.joinFailed(channel: "#news", reason: reason, retryIn: 5)])
    }

    @Test(arguments: [(403, "No such channel"), (405, "You have joined too many channels")])
    func refusalsThatWillNotPassAreNotRetried(_ code: Int, _ reason: String) {
        var bot = Self.joining()
        _ = bot.feed(":irc.test \(code) factbot #news :\(reason)")
        #expect(bot.session.takeEvents() == [.joinFailed(channel: "#news", reason: reason, retryIn: nil)])
        #expect(bot.advance(700, step: 1).isEmpty)
        // Even when a retry was pending.
        var pending = Self.joining()
        _ = pending.feed(":irc.test 471 factbot #news :Cannot join channel (+l)")
        _ = pending.feed(":irc.test \(code) factbot #news :\(reason)")
        #expect(pending.advance(700, step: 1).isEmpty)
    }

    @Test func onlyChannelsTheBotWantsAreRetried() {
        var bot = Self.joining()
        _ = bot.feed(":irc.test 474 factbot #other :Cannot join channel (+b)")
        #expect(bot.session.takeEvents() == [.joinFailed(channel: "#other", reason: "Cannot join channel (+b)", retryIn: nil)])
        #expect(bot.advance(700, step: 1).isEmpty)
    }

    @Test func aForwardIsFollowed() {
        var bot = Self.joining()
        _ = bot.feed(":irc.test 470 factbot #news #news-overflow :Forwarding to another channel")
        #expect(bot.session.takeEvents() == [.joinForwarded(from: "#news", to: "#news-overflow", reason: "Forwarding to another channel")])
        // The bot answers in #news-overflow once the server has joined it there.
        #expect(bot.feed(":ann!~a@h PRIVMSG #news-overflow :factbot: hi").isEmpty)
        _ = bot.feed(":factbot!~f@bot.host JOIN #news-overflow")
        #expect(bot.session.joinedChannels == ["#news-overflow"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #news-overflow :factbot: hi") == ["PRIVMSG #news-overflow :ann: Answer to hi"])
        // #news is not tried again; #news-overflow is kept like a configured channel.
        _ = bot.feed(":op!~o@h KICK #news-overflow factbot :out")
        #expect(bot.advance(5.1).map(\.line) == ["JOIN #news-overflow"])
        _ = bot.session.takeEvents()
        _ = bot.feed(":irc.test 474 factbot #news-overflow :Cannot join channel (+b)")
        #expect(bot.session.takeEvents() == [.joinFailed(channel: "#news-overflow", reason: "Cannot join channel (+b)", retryIn: 5)])
        #expect(bot.advance(700, step: 1).map(\.line).allSatisfy { $0 == "JOIN #news-overflow" })
    }
}
