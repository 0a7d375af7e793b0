@testable import IRCProtocol

/// Drives an ``IRCSession`` the way the socket loop does, with a clock the test moves.
struct SessionHarness {
    var session: IRCSession
    var now = 1000.0
    var asked: [IRCSession.Question] = []

    init(
        _ configure: (inout IRCSettings) -> Void = { _ in }, secrets: Secrets = Secrets(), crypto: (any SCRAMCrypto)? = nil,
        reply: @escaping (IRCSession.Question) -> String = { "Answer to \($0.text)" }
    ) {
        var settings = IRCSettings()
        settings.nick = "factbot"
        settings.channels = [Channel("#news")]
        configure(&settings)
        session = IRCSession(settings: settings, secrets: secrets, crypto: crypto, version: "0.1.0") { question in
            let text = reply(question)
            return IRCSession.Reply(text, isBrief: text.hasPrefix("Sorry"))
        }
        session.start(now: now)
    }

    /// Every line flood control lets out now.
    mutating func sent() -> [String] {
        var lines: [String] = []
        while let line = session.takeLine(now: now) { lines.append(line) }
        return lines
    }

    /// Feeds server lines, then returns what the bot sends at once.
    mutating func feed(_ lines: String...) -> [String] {
        for line in lines { session.receive(line, now: now) }
        session.tick(now: now)
        return sent()
    }

    /// Registers (no CAP, no SASL) and clears what was sent.
    mutating func register() {
        _ = sent()
        _ = feed(
            ":irc.test CAP * LS :multi-prefix",
            ":irc.test 001 factbot :Welcome to the network factbot!~factbot@bot.host",
            ":factbot!~factbot@bot.host JOIN #news")
        // Registration spent the burst (JOIN waits for a token): let the bucket refill.
        _ = advance(10)
        _ = session.takeEvents()
    }

    /// Lets time pass, ticking once a second, and collects what is sent.
    mutating func advance(_ seconds: Double, step: Double = 0.05) -> [(time: Double, line: String)] {
        var out: [(Double, String)] = []
        let end = now + seconds
        while now < end {
            now = min(end, now + step)
            session.tick(now: now)
            while let line = session.takeLine(now: now) { out.append((now, line)) }
        }
        return out
    }
}
