import Testing

@testable import IRCProtocol

@Suite struct SessionConversationTests {
    @Test(arguments: ["factbot: how much?", "factbot, how much?", "factbot how much?", "FACTBOT:how much?", "  FactBot:   how much?", "!ask how much?"])
    func addressedChannelQuestionsAreAnsweredWithTheAskersNick(_ text: String) {
        var bot = SessionHarness()
        bot.register()
        #expect(bot.feed(":ann!~a@news.example PRIVMSG #news :\(text)") == ["PRIVMSG #news :ann: Answer to how much?"])
    }

    @Test(arguments: ["how much?", "factbotx: how much?", "I asked factbot: how much?", "!asking how much", "factbo: hi"])
    func unaddressedChannelChatIsLeftAlone(_ text: String) {
        var bot = SessionHarness()
        bot.register()
        #expect(bot.feed(":ann!~a@news.example PRIVMSG #news :\(text)").isEmpty)
    }

    @Test func onlyOurNickAndOurChannelsAreAnswered() {
        var bot = SessionHarness()
        bot.register()
        #expect(bot.feed(":ann!~a@h PRIVMSG @#news :factbot: hi").isEmpty)  // ops-only STATUSMSG
        #expect(bot.feed(":ann!~a@h PRIVMSG #elsewhere :factbot: hi").isEmpty)  // not joined
        #expect(bot.feed(":ann!~a@h PRIVMSG oldnick :hi").isEmpty)  // not our nick
    }

    @Test func theQueueStaysShortHoweverManyAsk() {
        var bot = SessionHarness {
            $0.floodBurst = 1
            $0.floodInterval = 1
        }
        bot.register()
        for index in 0..<500 { bot.session.receive(":u\(index)!~u@h\(index) PRIVMSG factbot :q", now: bot.now) }
        #expect(bot.session.queuedLineCount <= IRCSession.maximumQueuedLines)
        #expect(bot.session.takeEvents().contains(.overloaded(user: "u499")))
    }

    @Test func aNumberPicksAQuestionTheLastReplyOffered() {
        var settings = IRCSettings()
        settings.nick = "factbot"
        settings.channels = [Channel("#news")]
        var asked: [String] = []
        var bot = SessionHarness()
        bot.session = IRCSession(settings: settings, version: "0.1.0") { question in
            asked.append(question.text)
            return question.text == "russia?"
                ? IRCSession.Reply("Pick: 1) first? 2) second?", choices: ["first?", "second?"])
                : IRCSession.Reply("Answer to \(question.text)")
        }
        bot.session.start(now: bot.now)
        bot.register()
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :factbot: russia?") == ["PRIVMSG #news :ann: Pick: 1) first? 2) second?"])
        #expect(bot.feed(":bob!~b@h PRIVMSG #news :factbot: 2") == ["PRIVMSG #news :bob: Answer to 2"])  // not offered to bob
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :factbot: 2") == ["PRIVMSG #news :ann: Answer to second?"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :factbot: 1") == ["PRIVMSG #news :ann: Answer to 1"])  // once only
        #expect(asked == ["russia?", "2", "second?", "1"])
    }

    @Test func everyLineOfAReplyInPartsCarriesItsSource() {
        var settings = IRCSettings()
        settings.nick = "factbot"
        settings.channels = [Channel("#news")]
        let cite = { (who: String) in " (\(who), 4 March 2026: https://\(who).example/" + String(repeating: "x", count: 150) + ")" }
        var bot = SessionHarness()
        bot.session = IRCSession(settings: settings, version: "0.1.0") { _ in
            IRCSession.Reply(parts: [
                "Sources differ.", "Courier: the older sailor was a deckhand" + cite("courier"),
                "Gazette: the older sailor was a ferry cook" + cite("gazette"),
                "Earlier: two sailors" + cite("wire"),
            ])
        }
        bot.session.start(now: bot.now)
        bot.register()
        let lines = bot.feed(":ann!~a@h PRIVMSG #news :factbot: what job?")
        #expect(lines.count >= 2)
        #expect(lines.allSatisfy { $0.contains("https://") && $0.hasSuffix(")") })  // no line ends mid-citation
    }

    @Test func everyLineShownBeforeMoreEndsWithTheWholeCitation() {
        // The reported case: the first page ended "(dev.ua, 11 April 2025: [1 more…]".
        let citation = "(dev.ua, 11 April 2025: https://dev.ua/news/russia-recruits-chinese-citizens-via-social-media)"
        func answer(_ words: Int) -> String {
            "Russia recruits Chinese citizens through " + (1...words).map { "channel\($0)" }.joined(separator: " ") + " " + citation
        }
        var bot = SessionHarness()
        bot.register()
        // Find a length whose citation, split word by word, would straddle the third line.
        let budget = bot.session.textBudget(target: "#news") - "ann: ".utf8.count - bot.session.moreNoteReserve(isPrivate: false)
        let words = (1...300).first { count in
            let plain = ReplySplitter.split(answer(count), budget: budget)
            return plain.count > 3 && plain[2].contains("(dev.ua,") && !plain[2].contains("https://")
        }
        #expect(words != nil)
        let reply = answer(words ?? 100)
        bot.session = IRCSession(settings: bot.session.settings, version: "0.1.0") { _ in IRCSession.Reply(parts: [reply]) }
        bot.session.start(now: bot.now)
        bot.register()
        let lines = bot.feed(":ann!~a@h PRIVMSG #news :factbot: who does russia recruit?")
        #expect(lines.count == 3)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" " + citation) })
        #expect(lines.last?.hasSuffix(" " + citation + " [1 more: say \"factbot: more\"]") == true)
        #expect(lines.allSatisfy { ":factbot!~factbot@bot.host \($0)\r\n".utf8.count <= 512 })
        // And the page behind "more" is sourced too.
        _ = bot.advance(10)
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :factbot: more").allSatisfy { $0.hasSuffix(" " + citation) })
    }

    @Test func privateQuestionsAreAnsweredPrivately() {
        var bot = SessionHarness()
        bot.register()
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :douyin?") == ["PRIVMSG ann :Answer to douyin?"])
        #expect(bot.feed(":ann!~a@h PRIVMSG FactBot :  ") == ["PRIVMSG ann :Answer to help"])
    }

    @Test func neverAnswersNoticesItselfServersOrIgnoredUsers() {
        var bot = SessionHarness { $0.ignore = ["troll", "*!*@spam.example"] }
        bot.register()
        #expect(bot.feed(":ann!~a@h NOTICE factbot :how much?").isEmpty)
        #expect(bot.feed(":ann!~a@h NOTICE #news :factbot: how much?").isEmpty)
        #expect(bot.feed(":factbot!~f@h PRIVMSG #news :factbot: loop?").isEmpty)
        #expect(bot.feed(":irc.test PRIVMSG factbot :server says").isEmpty)
        #expect(bot.feed(":Troll!~t@h PRIVMSG factbot :hi").isEmpty)
        #expect(bot.feed(":bob!~b@spam.example PRIVMSG factbot :hi").isEmpty)
        #expect(bot.feed(":bob!~b@ham.example PRIVMSG factbot :hi") == ["PRIVMSG bob :Answer to hi"])
        // Before registration nothing is answered.
        var fresh = SessionHarness()
        _ = fresh.sent()
        #expect(fresh.feed(":ann!~a@h PRIVMSG factbot :hi").isEmpty)
    }

    @Test func followsItsOwnNickChange() {
        var bot = SessionHarness()
        bot.register()
        _ = bot.feed(":factbot!~factbot@bot.host NICK newbot")
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :newbot: hi") == ["PRIVMSG #news :ann: Answer to hi"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :factbot: hi").isEmpty)
    }

    @Test func aPendingMoreFollowsTheAskersNewNick() {
        let answer = String(repeating: "Douyin is the Chinese version of TikTok. ", count: 120)
        var bot = SessionHarness(reply: { _ in answer })
        bot.register()
        // What the bot says to a line, once flood control has let it all out.
        func say(_ line: String) -> [String] { bot.feed(line) + bot.advance(10).map(\.line) }
        func isMore(_ lines: [String], to prefix: String) -> Bool {
            lines.first?.contains("TikTok") == true && lines.allSatisfy { $0.hasPrefix(prefix) }
        }
        #expect(say(":ann!~a@h PRIVMSG #news :factbot: douyin?").count == 3)
        #expect(say(":ann!~a@h PRIVMSG factbot :douyin?").count == 3)
        // The server shows the old nick in any case; nicks are compared case-insensitively.
        _ = say(":ANN!~a@h NICK :Ann_")
        #expect(isMore(say(":Ann_!~a@h PRIVMSG #news :factbot: more"), to: "PRIVMSG #news :Ann_: "))
        #expect(isMore(say(":ann_!~a@h PRIVMSG factbot :more"), to: "PRIVMSG ann_ :"))
        // Nothing is left under the old nick, for whoever takes it next.
        #expect(say(":ann!~x@elsewhere PRIVMSG #news :factbot: more") == ["PRIVMSG #news :ann: Nothing more to show."])
        #expect(say(":ann!~x@elsewhere PRIVMSG factbot :more") == ["PRIVMSG ann :Nothing more to show."])
        // A change of case only keeps it too.
        _ = say(":Ann_!~a@h NICK :ANN_")
        #expect(isMore(say(":ANN_!~a@h PRIVMSG #news :factbot: more"), to: "PRIVMSG #news :ANN_: "))
    }

    @Test func offeredQuestionsFollowTheAskersNewNick() {
        var settings = IRCSettings()
        settings.nick = "factbot"
        settings.channels = [Channel("#news")]
        var bot = SessionHarness()
        bot.session = IRCSession(settings: settings, version: "0.1.0") { question in
            question.text == "russia?"
                ? IRCSession.Reply("Pick: 1) first? 2) second?", choices: ["first?", "second?"])
                : IRCSession.Reply("Answer to \(question.text)")
        }
        bot.session.start(now: bot.now)
        bot.register()
        _ = bot.feed(":ann!~a@h PRIVMSG #news :factbot: russia?")
        _ = bot.feed(":ann!~a@h NICK bea")
        #expect(bot.feed(":bea!~a@h PRIVMSG #news :factbot: 2") == ["PRIVMSG #news :bea: Answer to second?"])
    }

    @Test func ctcpIsAnsweredByNotice() {
        var bot = SessionHarness()
        bot.register()
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :\u{1}VERSION\u{1}") == ["NOTICE ann :\u{1}VERSION factbot 0.1.0\u{1}"])
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :\u{1}PING 12345\u{1}") == ["NOTICE ann :\u{1}PING 12345\u{1}"])
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :\u{1}SOURCE\u{1}").first?.hasPrefix("NOTICE ann :\u{1}SOURCE factbot") == true)
        #expect(bot.feed(":ann!~a@h PRIVMSG #news :\u{1}ACTION waves at factbot\u{1}").isEmpty)
        #expect(bot.feed(":ann!~a@h NOTICE factbot :\u{1}VERSION x\u{1}").isEmpty)
    }

    @Test func ctcpDoesNotUseUpQuestionsButIsStillLimited() {
        var bot = SessionHarness {
            $0.userQuestions = 2
            $0.userWindow = 60
        }
        bot.register()
        // A client's automatic VERSION and PING...
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :\u{1}VERSION\u{1}").count == 1)
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :\u{1}PING 1\u{1}").count == 1)
        _ = bot.advance(5)
        // ...leave both questions to ask.
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :q1") == ["PRIVMSG ann :Answer to q1"])
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :q2") == ["PRIVMSG ann :Answer to q2"])
        _ = bot.advance(5)
        // A CTCP flood is dropped quietly past its own allowance of the same size.
        #expect(bot.feed(":bob!~b@h PRIVMSG factbot :\u{1}VERSION\u{1}").count == 1)
        #expect(bot.feed(":bob!~b@h PRIVMSG factbot :\u{1}VERSION\u{1}").count == 1)
        #expect(bot.feed(":bob!~b@h PRIVMSG factbot :\u{1}VERSION\u{1}").isEmpty)
        #expect(bot.feed(":bob!~b@h PRIVMSG factbot :\u{1}PING 2\u{1}").isEmpty)
        #expect(bot.feed(":bob!~b@h PRIVMSG factbot :q") == ["PRIVMSG bob :Answer to q"])
    }

    @Test func injectedLineBreaksNeverMakeASecondCommand() {
        var bot = SessionHarness(reply: { _ in "fine\r\nQUIT :pwned\nJOIN #evil\0" })
        bot.register()
        let lines = bot.feed(":ann!~a@h PRIVMSG factbot :hi")
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") && !$0.contains("\0") })
        #expect(lines.first?.hasPrefix("PRIVMSG ann :fine") == true)
        // A CTCP PING argument is echoed, flattened.
        let ping = bot.feed(":ann!~a@h PRIVMSG factbot :\u{1}PING a\rQUIT\u{1}")
        #expect(ping == ["NOTICE ann :\u{1}PING a QUIT\u{1}"])
    }

    @Test func longRepliesFit512BytesAsRelayedAndKeepTheRestForMore() {
        // Multi-byte text, no spaces for a long stretch: the splitter must cut between characters.
        let answer = String(repeating: "Росія вербує громадян Китаю через соцмережі; ", count: 20)
        var bot = SessionHarness(reply: { _ in answer })
        bot.register()
        let asker = ":ann!~a@news.example"
        let lines = bot.feed("\(asker) PRIVMSG #news :factbot: tell me everything")
        #expect(lines.count == 3)
        for line in lines {
            let relayed = ":factbot!~factbot@bot.host \(line)\r\n"
            #expect(relayed.utf8.count <= 512)
            #expect(relayed.utf8.count > 400)  // and not wastefully short
            #expect(line.hasPrefix("PRIVMSG #news :ann: "))
        }
        #expect(lines.last?.hasSuffix("more: say \"factbot: more\"]") == true)
        var shown = lines.map { String($0.dropFirst("PRIVMSG #news :ann: ".count)) }
        // The host changes before "more": later pages are split for the new, longer mask.
        _ = bot.feed(":irc.test 396 factbot \(String(repeating: "h", count: 60)).example :is now your displayed host")
        let more = bot.feed("\(asker) PRIVMSG #news :factbot: more")
        let longMask = ":factbot!~factbot@\(String(repeating: "h", count: 60)).example"
        #expect(!more.isEmpty && more.allSatisfy { "\(longMask) \($0)\r\n".utf8.count <= 512 })
        shown += more.map { String($0.dropFirst("PRIVMSG #news :ann: ".count)) }
        var rest = bot.feed("\(asker) PRIVMSG #news :factbot: more")
        while rest.first?.hasSuffix("Nothing more to show.") == false {
            shown += rest.map { String($0.dropFirst("PRIVMSG #news :ann: ".count)) }
            rest = bot.feed("\(asker) PRIVMSG #news :factbot: more")
        }
        // Nothing was dropped: strip the notes and the pieces put together are the answer.
        let text = shown.map { $0.replacing(/\ \[\d+ more: say "factbot: more"\]$/, with: "") }.joined(separator: " ")
        #expect(text == answer.trimmingSpaces())
    }

    @Test func aDeclineIsNeverMoreThanOneLine() {
        let decline = "Sorry, I don't know that. Did you mean: " + String(repeating: "\"a very long example question\" or ", count: 30)
        var bot = SessionHarness(reply: { _ in decline })
        bot.register()
        let lines = bot.feed(":ann!~a@bot.host PRIVMSG #news :factbot: who won the cup?")
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix(" …") == true)
        #expect(":factbot!~factbot@bot.host \(lines[0])\r\n".utf8.count <= 512)
        #expect(bot.feed(":ann!~a@bot.host PRIVMSG #news :factbot: more") == ["PRIVMSG #news :ann: Nothing more to show."])
    }

    @Test func budgetAssumesALongHostUntilTheServerSaysOtherwise() {
        var bot = SessionHarness(reply: { _ in String(repeating: "x ", count: 400) })
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :", ":irc.test 001 factbot :Welcome")
        _ = bot.feed(":ann!~a@h PRIVMSG factbot :q")
        let line = bot.advance(3).first?.line ?? ""
        let worst = ":factbot!~factbot@\(String(repeating: "h", count: 63)) \(line)\r\n"
        #expect(worst.utf8.count <= 512)
        #expect(worst.utf8.count >= 505)  // and the budget is used, not wasted
    }

    @Test func askingTooFastGetsOneNoticeThenSilenceUntilTheWindowPasses() {
        var bot = SessionHarness {
            $0.userQuestions = 2
            $0.userWindow = 30
        }
        bot.register()
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :q1").count == 1)
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :q2").count == 1)
        #expect(
            bot.feed(":ann!~a@h PRIVMSG factbot :q3") == [
                "NOTICE ann :You are asking faster than I can answer (2 questions per 30 s); I'll answer again in 30 s."
            ])
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :q4").isEmpty)
        // Changing nick does not reset the limit: it is kept per user@host.
        #expect(bot.feed(":ann2!~a@h PRIVMSG factbot :q5").isEmpty)
        #expect(bot.feed(":bob!~b@h PRIVMSG factbot :q6").count == 1)
        _ = bot.advance(31)
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :q7") == ["PRIVMSG ann :Answer to q7"])
    }

    @Test func theRateLimitNoticeSaysTheLimitAndTheTimeUntilThereIsRoom() {
        var bot = SessionHarness()  // the defaults: 6 questions a minute
        bot.register()
        for index in 0..<6 {
            _ = bot.feed(":ann!~a@h PRIVMSG factbot :q\(index)")
            _ = bot.advance(5)
        }
        // The first question leaves the window 60 s after it was asked, 30 s from now.
        #expect(
            bot.feed(":ann!~a@h PRIVMSG factbot :q6")
                == ["NOTICE ann :You are asking faster than I can answer (6 questions a minute); I'll answer again in 30 s."])
    }

    @Test(arguments: [
        (6, 60.0, "6 questions a minute"), (1, 60, "1 question a minute"), (2, 30, "2 questions per 30 s"),
        (10, 120, "10 questions per 2 minutes"), (100, 3600, "100 questions an hour"),
        (5, 1, "5 questions a second"), (3, 90, "3 questions per 90 s"), (2, 2.5, "2 questions per 2.5 s"), (3, 7200, "3 questions per 2 hours"),
    ])
    func theLimitInWords(_ limit: Int, _ window: Double, _ words: String) {
        #expect(QuestionRateLimit(limit: limit, window: window).rate == words)
    }

    @Test func outgoingLinesArePacedByTheTokenBucket() {
        var bot = SessionHarness {
            $0.floodBurst = 3
            $0.floodInterval = 2
            $0.userQuestions = 100
        }
        bot.register()
        for i in 0..<8 { bot.session.receive(":ann!~a@h PRIVMSG factbot :q\(i)", now: bot.now) }
        let start = bot.now
        let first = bot.sent()
        #expect(first.count == 3)
        let later = bot.advance(11)
        #expect(later.count == 5)
        // One line every 2 s after the burst, never sooner.
        for (index, item) in later.enumerated() {
            #expect(abs(item.time - (start + Double(index + 1) * 2)) < 0.051)
        }
        #expect(bot.session.nextSendTime(now: bot.now) == nil)
    }
}
