/// Registration: CAP END, nick choice, 001, nick regain (CAP and SASL: IRCSession+SASL.swift).
extension IRCSession {
    mutating func endCapabilities() {
        guard !capabilitiesEnded else { return }
        capabilitiesEnded = true
        sendNow(IRCMessage("CAP", ["END"]))
    }

    /// The nick to try after `attempt` were refused: alternates, then numbered, each cut
    /// to the server's NICKLEN (the number kept whole: `factbo1` for `factbot` at 7), or to
    /// RFC 1459's 9 once a numbered nick was refused as erroneous.
    func candidateNick(_ attempt: Int) -> String {
        if attempt == 0 { return settings.nick }
        var support = serverSupport
        if support.nickLength == nil, shortNumberedNicks { support.nickLength = 9 }
        if attempt <= settings.alternateNicks.count { return support.nick(settings.alternateNicks[attempt - 1]) }
        return support.nick(settings.nick, suffix: String(attempt - settings.alternateNicks.count))
    }

    mutating func handleNumeric(_ code: Int, _ message: IRCMessage, now: Double) {
        switch code {
        case Numeric.welcome:
            guard phase == .registering else { return }
            if settings.saslRequired, !sasl.loggedIn { return giveUpSASL("the server registered us before any SASL login") }
            phase = .registered
            if Nickname.isValid(message[parameter: 0]) { nick = message[parameter: 0] }
            learnMask(from: message.parameters.last?.split(separator: " ").last.map(String.init))
            endCapabilities()
            events.append(.registered(nick: nick))
            joinConfiguredChannels()
            normal = carried + normal
            carried.removeAll()
            lastRegainAttempt = now - Self.regainSpacing
            nextPeriodicRegain = now + 60
        case Numeric.nicknameInUse, Numeric.erroneousNickname, Numeric.nickCollision, Numeric.unavailableResource:
            guard phase == .registering else { return }
            let refused = message[parameter: 1]
            if code == Numeric.erroneousNickname, nickAttempt > settings.alternateNicks.count { shortNumberedNicks = true }
            nickAttempt += 1
            guard nickAttempt <= settings.alternateNicks.count + 99 else {
                return close("every nick tried was refused")
            }
            nick = candidateNick(nickAttempt)
            events.append(.nickInUse(taken: refused, trying: nick))
            sendNow(IRCMessage("NICK", [nick]))
        case Numeric.loggedIn:
            // `900 nick nick!user@host account :You are now logged in as account`
            learnMask(from: message[parameter: 1])
            if message.parameters.count >= 4 { sasl.account = message[parameter: 2] }
        case Numeric.nickLocked, Numeric.saslSuccess...Numeric.saslMechanisms:
            handleSASLNumeric(code, message)
        case Numeric.unknownCommand where message[parameter: 1].uppercased() == "CAP":
            capabilitiesEnded = true  // an old server without CAP: registration goes on
            if settings.saslRequired { giveUpSASL("the server does not know CAP, so it has no SASL") }
        case Numeric.visibleHost:
            selfHost = message[parameter: 1]
        case Numeric.passwordMismatch, Numeric.bannedFromServer:
            close("the server refused us: \(message.parameters.last ?? message.command)")
        case Numeric.isupport:
            // `005 nick TOKEN TOKEN... :are supported by this server`
            let before = serverSupport.caseMapping
            serverSupport.apply(message.parameters.dropFirst().dropLast())
            if serverSupport.caseMapping != before { refoldNames() }
        case Numeric.namesReply:
            handleNames(message)
        case Numeric.channelIsFull, Numeric.inviteOnlyChannel, Numeric.bannedFromChannel, Numeric.badChannelKey,
            Numeric.needRegisteredNick:
            joinRefused(message[parameter: 1], reason: message.parameters.last ?? message.command, retry: true, now: now)
        case Numeric.noSuchChannel, Numeric.tooManyChannels:
            joinRefused(message[parameter: 1], reason: message.parameters.last ?? message.command, retry: false, now: now)
        case Numeric.linkChannel:
            // `470 nick #from #to :Forwarding to another channel`: the server joins us to #to.
            let from = message[parameter: 1]
            let to = message[parameter: 2]
            guard message.parameters.count >= 4, serverSupport.isChannel(to) else {
                return joinRefused(from, reason: message.parameters.last ?? message.command, retry: false, now: now)
            }
            rejoinAt[fold(from)] = nil
            joinRetries[fold(from)] = nil
            forwardedTo.insert(fold(to))
            events.append(.joinForwarded(from: from, to: to, reason: message.parameters.last ?? message.command))
        default:
            break
        }
    }

    /// A JOIN the server refused: logged with its reason, and, for a channel the bot wants
    /// (configured, or forwarded to), tried again when `retry` says waiting can help (full,
    /// invite only, banned, wrong key, registered nicks only): after `rejoin_delay`
    /// (at least 1 s), doubling each time to at most 10 minutes.
    mutating func joinRefused(_ channel: String, reason: String, retry: Bool, now: Double) {
        let folded = fold(channel)
        let wanted = settings.channels.contains { same($0.name, channel) } || forwardedTo.contains(folded)
        guard retry, wanted, serverSupport.isChannel(channel) else {
            rejoinAt[folded] = nil
            joinRetries[folded] = nil
            events.append(.joinFailed(channel: channel, reason: reason, retryIn: nil))
            return
        }
        var backoff = joinRetries[folded] ?? Backoff(initial: max(1, settings.rejoinDelay), maximum: Self.longestJoinRetry)
        let delay = backoff.nextDelay(random: 1)  // no jitter: one bot, one channel
        joinRetries[folded] = backoff
        rejoinAt[folded] = now + delay
        events.append(.joinFailed(channel: channel, reason: reason, retryIn: delay))
    }

    /// The longest wait between tries to join a channel that refused the bot.
    static let longestJoinRetry = 600.0

    /// RPL_NAMREPLY `353 nick = #chan :@op +voice nick`: the bot among the names (after its
    /// PREFIX symbols) is in the channel, whether or not its JOIN was seen.
    mutating func handleNames(_ message: IRCMessage) {
        guard message.parameters.count >= 3 else { return }
        let channel = message.parameters[message.parameters.count - 2]
        guard serverSupport.isChannel(channel), !joinedChannels.contains(fold(channel)) else { return }
        let names = message[parameter: message.parameters.count - 1].split(separator: " ")
        // With userhost-in-names an entry is a whole `nick!user@host`.
        guard names.contains(where: { same(Hostmask(serverSupport.nickWithoutPrefix(String($0))).nick, nick) }) else { return }
        joinedChannels.insert(fold(channel))
        rejoinAt[fold(channel)] = nil
        joinRetries[fold(channel)] = nil
        events.append(.joined(channel))
    }

    /// Folds every name the session keeps again, for a case mapping the server announced
    /// after they were stored (005 comes after 001; rarely anything is stored by then).
    mutating func refoldNames() {
        func refolded<Value>(_ table: [String: Value]) -> [String: Value] {
            Dictionary(table.map { (fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        joinedChannels = Set(joinedChannels.map(fold))
        forwardedTo = Set(forwardedTo.map(fold))
        rejoinAt = refolded(rejoinAt)
        joinRetries = refolded(joinRetries)
        moreText = refolded(moreText)
        offered = refolded(offered)
    }

    /// Every configured channel in as few JOIN lines as fit (keyed channels first, as
    /// `JOIN #a,#b key` pairs keys with the leading channels), sent with registration's
    /// priority: getting back into the channels is what a reconnect is for. A channel
    /// whose first character is not one of the server's CHANTYPES (as the last connection
    /// learnt them) is not a channel there: it is reported, not joined.
    mutating func joinConfiguredChannels() {
        var ordered = settings.channels.filter { $0.key != nil } + settings.channels.filter { $0.key == nil }
        for channel in ordered where !serverSupport.isChannel(channel.name) {
            let types = String(serverSupport.channelTypes)
            events.append(.joinFailed(channel: channel.name, reason: "not a channel on this server (CHANTYPES=\(types))", retryIn: nil))
        }
        ordered.removeAll { !serverSupport.isChannel($0.name) }
        var names: [String] = []
        var keys: [String] = []
        func flush() {
            guard !names.isEmpty else { return }
            sendNow(IRCMessage("JOIN", keys.isEmpty ? [names.joined(separator: ",")] : [names.joined(separator: ","), keys.joined(separator: ",")]))
            names.removeAll()
            keys.removeAll()
        }
        for channel in ordered {
            let length = names.reduce(0) { $0 + $1.utf8.count + 1 } + keys.reduce(0) { $0 + $1.utf8.count + 1 }
            if length + channel.name.utf8.count + (channel.key?.utf8.count ?? 0) > 400 { flush() }
            names.append(channel.name)
            if let key = channel.key { keys.append(key) }
        }
        flush()
    }

    mutating func learnMask(from text: String?) {
        guard let text, text.contains("!"), text.contains("@") else { return }
        let mask = Hostmask(text)
        guard same(mask.nick, nick) else { return }
        selfUser = mask.user
        selfHost = mask.host
    }

    mutating func handleNickChange(_ message: IRCMessage, now: Double) {
        let newNick = message[parameter: 0]
        guard let who = message.sourceNick, Nickname.isValid(newNick) else { return }
        if !same(who, nick) { followAsker(from: who, to: newNick) }
        if same(who, nick) {
            let regained = !same(nick, settings.nick) && same(newNick, settings.nick)
            nick = newNick
            if regained { events.append(.nickRegained(newNick)) }
        } else if same(who, settings.nick), !same(newNick, settings.nick), !same(nick, settings.nick) {
            regainNick(now: now)  // the holder took another nick (not just another case of ours)
        }
    }

    /// Asks for our nick back: paced, and at most once every ``regainSpacing`` seconds,
    /// so whoever holds it cannot make the bot flood by changing nicks.
    mutating func regainNick(now: Double) {
        guard phase == .registered, now - lastRegainAttempt >= Self.regainSpacing else { return }
        lastRegainAttempt = now
        send(IRCMessage("NICK", [settings.nick]))
    }

    static let regainSpacing = 10.0

    mutating func handleJoin(_ message: IRCMessage) {
        guard let source = message.source, same(Hostmask(source).nick, nick) else { return }
        let channel = message[parameter: 0]
        learnMask(from: source)
        guard serverSupport.isChannel(channel) else { return }
        joinedChannels.insert(fold(channel))
        rejoinAt[fold(channel)] = nil
        joinRetries[fold(channel)] = nil
        events.append(.joined(channel))
    }

    mutating func handleKick(_ message: IRCMessage, now: Double) {
        guard same(message[parameter: 1], nick) else { return }
        let channel = message[parameter: 0]
        joinedChannels.remove(fold(channel))
        moreText = moreText.filter { !$0.key.hasPrefix(fold(channel) + " ") }
        events.append(.kicked(channel: channel, by: message.sourceNick ?? "?", reason: message[parameter: 2]))
        rejoinAt[fold(channel)] = now + settings.rejoinDelay
    }
}

/// Standard base64 (RFC 4648), for SASL.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
