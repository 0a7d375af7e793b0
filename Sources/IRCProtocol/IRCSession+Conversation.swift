/// Conversation: who is talking to the bot, CTCP, replies split to fit, `more`, rate limits.
extension IRCSession {
    mutating func handlePrivateMessage(_ message: IRCMessage, now: Double) {
        guard phase == .registered, message.parameters.count >= 2, let source = message.source else { return }
        let sender = Hostmask(source)
        guard !sender.nick.isEmpty, sender.user != nil || sender.host != nil else { return }  // not from a server
        guard Nickname.isValid(sender.nick) else { return }  // no server relays such a nick; never echo one
        guard !same(sender.nick, nick), !settings.ignore.contains(where: { sender.matches($0, caseMapping: serverSupport.caseMapping) })
        else { return }

        let target = message[parameter: 0]
        let text = message[parameter: 1]
        let isPrivate = same(target, nick)
        // Only our nick or a channel we are in: not "@#chan" (STATUSMSG: to the channel's
        // operators, not a question for the bot) nor a nick we no longer use.
        if !isPrivate, serverSupport.statusMessageChannel(target) != nil { return }
        guard isPrivate || (serverSupport.isChannel(target) && joinedChannels.contains(fold(target))) else { return }
        let userKey = "\(sender.user ?? "")@\(sender.host ?? fold(sender.nick))"

        if text.hasPrefix("\u{1}") {
            return handleCTCP(text, from: sender.nick, userKey: userKey, now: now)
        }
        // Colours, bold and the like are how a client shows a word, not part of it.
        let plain = IRCFormatting.stripped(text)
        guard let question = isPrivate ? plain : addressedText(plain) else { return }

        // However many users ask, the queue stays short: answers that would go out
        // minutes late are not worth sending.
        guard normal.count < Self.maximumQueuedLines else {
            events.append(.overloaded(user: sender.nick))
            return
        }
        switch rateLimit.check(userKey, now: now) {
        case .answer:
            break
        case .warn(let retryAfter):
            events.append(.rateLimited(user: sender.nick))
            send(IRCMessage("NOTICE", [sender.nick, rateLimitNotice(retryAfter: retryAfter)]))
            return
        case .drop:
            events.append(.rateLimitedQuietly(user: sender.nick))
            return
        }

        let replyTarget = isPrivate ? sender.nick : target
        let prefix = isPrivate ? "" : "\(sender.nick): "
        let moreKey = fold(replyTarget) + " " + fold(sender.nick)
        let trimmed = question.trimmingSpaces()

        if trimmed.lowercased() == "more" {
            guard let pending = moreText[moreKey] else {
                return send(IRCMessage("PRIVMSG", [replyTarget, prefix + "Nothing more to show."]))
            }
            moreText[moreKey] = nil
            return sendPaged(pending, to: replyTarget, prefix: prefix, moreKey: moreKey)
        }
        var asking = trimmed.isEmpty ? "help" : trimmed
        if let number = Int(asking), let choices = offered[moreKey], number >= 1, number <= choices.count {
            asking = choices[number - 1]  // "2": the second question the last reply offered
        }
        let asked = Question(asker: sender.nick, text: asking, channel: isPrivate ? nil : target)
        events.append(.question(asked))
        let reply = respond(asked)
        moreText[moreKey] = nil
        if offered.count >= 1000 { offered.removeAll() }  // bounded, as moreText
        offered[moreKey] = reply.choices.isEmpty ? nil : reply.choices
        if reply.isBrief {
            // A decline is one line: cut it short rather than start a "more".
            let budget = textBudget(target: replyTarget) - prefix.utf8.count
            var pieces = ReplySplitter.split(reply.text, budget: budget)
            if pieces.count > 1 { pieces = [ReplySplitter.split(reply.text, budget: budget - 4)[0] + " …"] }
            for piece in pieces { send(IRCMessage("PRIVMSG", [replyTarget, prefix + piece])) }
            return
        }
        sendPaged(reply.parts, to: replyTarget, prefix: prefix, moreKey: moreKey)
    }

    /// The one notice to a user over the limit: the limit itself, and when the window has
    /// room again (whole seconds, at least 1).
    func rateLimitNotice(retryAfter: Double) -> String {
        let seconds = max(1, Int(retryAfter.rounded(.up)))
        return "You are asking faster than I can answer (\(rateLimit.rate)); I'll answer again in \(seconds) s."
    }

    /// Lines queued behind flood control at most; questions beyond are not answered.
    static let maximumQueuedLines = 60

    /// Sends up to ``IRCSettings/maxLinesPerAnswer`` lines of the reply's `parts`, split
    /// for the budget as it is now; the rest is kept for `more`, and split again then
    /// (the nick or host may have changed in between).
    mutating func sendPaged(_ parts: [String], to target: String, prefix: String, moreKey: String) {
        let limit = max(1, settings.maxLinesPerAnswer)
        let isPrivate = prefix.isEmpty
        let budget = textBudget(target: target) - prefix.utf8.count
        var pieces = ReplySplitter.split(parts: parts, budget: budget)
        if pieces.count > limit {
            // Leave room for the "[N more]" note on the last line shown.
            pieces = ReplySplitter.split(parts: parts, budget: budget - moreNoteReserve(isPrivate: isPrivate))
        }
        let shown = pieces.prefix(limit)
        let rest = Array(pieces.dropFirst(limit))
        for (index, piece) in shown.enumerated() {
            var line = prefix + piece
            if index == shown.count - 1, !rest.isEmpty { line += moreNote(count: rest.count, isPrivate: isPrivate) }
            send(IRCMessage("PRIVMSG", [target, line]))
        }
        if !rest.isEmpty {
            if moreText.count >= 1000 { moreText.removeAll() }  // bounded: a flood of askers cannot grow it
            moreText[moreKey] = rest  // each line stays a part: split again for the budget then
        }
    }

    /// An asker changed nick: what was kept for their `more` and the questions offered to
    /// them move to the new nick, in channels and in private (where the nick is the target too).
    mutating func followAsker(from oldNick: String, to newNick: String) {
        let old = fold(oldNick)
        let new = fold(newNick)
        guard old != new else { return }  // only the case changed: the keys are the same
        func moved(_ key: String) -> String? {
            guard let space = key.firstIndex(of: " "), key[key.index(after: space)...] == old else { return nil }
            let target = key[..<space]
            return (target == old ? new : String(target)) + " " + new
        }
        func move<Value>(_ table: inout [String: Value]) {
            for (key, value) in table {  // a copy: the table may change meanwhile
                guard let renamed = moved(key) else { continue }
                table[key] = nil
                table[renamed] = value
            }
        }
        move(&moreText)
        move(&offered)
    }

    func moreNote(count: Int, isPrivate: Bool) -> String {
        isPrivate ? " [\(count) more: say \"more\"]" : " [\(count) more: say \"\(nick): more\"]"
    }

    func moreNoteReserve(isPrivate: Bool) -> Int { moreNote(count: 9999, isPrivate: isPrivate).utf8.count }

    /// Bytes of text a PRIVMSG to `target` may carry so that the line the server relays,
    /// `:nick!user@host PRIVMSG target :text` plus CRLF, stays within 512 bytes. Before
    /// the server has told us our user and host, the longest usual ones are assumed.
    func textBudget(target: String) -> Int {
        let user = selfUser ?? "~" + String(settings.username.prefix(10))
        let host = selfHost ?? String(repeating: "h", count: 63)
        let overhead = ":\(nick)!\(user)@\(host) PRIVMSG \(target) :\r\n".utf8.count
        return 512 - overhead
    }

    /// The question in a channel line addressed to the bot, or nil when it is not:
    /// `nick: q`, `nick, q`, `nick q` (any case) or `<prefix> q`.
    func addressedText(_ text: String) -> String? {
        let line = text.trimmingSpaces()
        let prefix = settings.commandPrefix
        if !prefix.isEmpty, line.lowercased().hasPrefix(prefix.lowercased()) {
            let rest = line.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
            if rest.isEmpty || rest.first == " " { return String(String.UnicodeScalarView(rest)).trimmingSpaces() }
        }
        let scalars = line.unicodeScalars
        let nickScalars = nick.unicodeScalars
        guard scalars.count >= nickScalars.count,
            same(String(String.UnicodeScalarView(scalars.prefix(nickScalars.count))), nick)
        else { return nil }
        var rest = scalars.dropFirst(nickScalars.count)
        guard let next = rest.first else { return "" }
        guard next == ":" || next == "," || next == " " else { return nil }
        rest = rest.dropFirst()
        return String(String.UnicodeScalarView(rest)).trimmingSpaces()
    }

    /// CTCP VERSION, PING, SOURCE and CLIENTINFO are answered by NOTICE; others ignored.
    /// Clients send these on their own (a VERSION on join, a PING to measure lag), so they
    /// do not count as questions: they have an allowance of their own, as large, past which
    /// they are dropped without a word, and wait behind flood control like any reply.
    mutating func handleCTCP(_ text: String, from sender: String, userKey: String, now: Double) {
        let body = text.unicodeScalars.filter { $0 != "\u{1}" }
        let words = String(String.UnicodeScalarView(body)).split(separator: " ", maxSplits: 1)
        guard let command = words.first?.uppercased() else { return }
        let argument = words.count > 1 ? String(words[1]) : ""
        let reply: String
        switch command {
        case "VERSION": reply = "VERSION factbot \(version)"
        case "PING": reply = "PING " + (ReplySplitter.split(argument, budget: 64).first ?? "")
        case "SOURCE": reply = "SOURCE factbot \(version): a rule-based news fact bot (Swift); ask its operator for the code"
        case "CLIENTINFO": reply = "CLIENTINFO CLIENTINFO PING SOURCE VERSION"
        default: return
        }
        guard normal.count < Self.maximumQueuedLines, ctcpLimit.check(userKey, now: now) == .answer else { return }
        send(IRCMessage("NOTICE", [sender, "\u{1}\(reply)\u{1}"]))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
