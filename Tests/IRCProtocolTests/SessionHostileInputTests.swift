import Testing

@testable import IRCProtocol

/// Whatever the server or other users send, the session neither crashes nor sends
/// anything that is not one well-formed line.
@Suite struct SessionHostileInputTests {
    static let malformed = [
        "", " ", ":", "::", "@", "@;", ": PRIVMSG", "PRIVMSG", ":a PRIVMSG", ":a PRIVMSG #news",
        ":a!b@c PRIVMSG :", ":a!b@c PRIVMSG factbot", ":a!b@c PRIVMSG factbot :", ":a!b@c PRIVMSG factbot :\u{1}",
        ":a!b@c PRIVMSG factbot :\u{1}\u{1}", ":a!b@c PRIVMSG factbot :\u{1}PING", "001", ":s 001", ":s 433", ":s 433 *",
        "CAP", ":s CAP", ":s CAP * LS", ":s CAP * LS *", ":s CAP * ACK", "AUTHENTICATE", "AUTHENTICATE +",
        ":s 903", ":s 904", "NICK", ":factbot!f@h NICK", ":factbot!f@h NICK :", ":factbot!f@h NICK :two words",
        "KICK", ":o!o@h KICK #news", ":o!o@h KICK #news factbot", "JOIN", ":factbot!f@h JOIN", "PART", "QUIT",
        "PING", "PONG", "ERRORS :x", ":s 396", ":s 900", ":s 474", ":s 999 a b c", ":s 12345 x", "FOO BAR :baz",
        String(repeating: "x", count: 20_000), ":a!b@c PRIVMSG #news :factbot: " + String(repeating: "é", count: 5000),
        ":\u{0}!\u{0}@\u{0} PRIVMSG factbot :\u{0}", ":a!b@c PRIVMSG factbot :\u{FFFD}\u{FFFD}",
    ]

    @Test func malformedServerLinesAreSurvived() {
        var bot = SessionHarness()
        bot.register()
        for line in Self.malformed {
            for sent in bot.feed(line) {
                #expect(!sent.contains("\r") && !sent.contains("\n") && !sent.contains("\0"))
                #expect(sent.utf8.count <= 510, "\(sent.prefix(80))")
            }
        }
        // Still itself, still answering.
        #expect(bot.session.nick == "factbot")
        _ = bot.advance(10)
        #expect(bot.feed(":ann!~a@h PRIVMSG factbot :still there?") == ["PRIVMSG ann :Answer to still there?"])
    }

    @Test func aNickNoServerWouldRelayGetsNoReply() {
        // Found by fuzzing: a 200-byte "nick" of control bytes and U+FFFD made a reply
        // whose "nick: " prefix alone overflowed 512 bytes.
        var bot = SessionHarness()
        bot.register()
        let nick = "an" + String(repeating: "\u{B}", count: 40) + String(repeating: "\u{FFFD}", count: 80)
        #expect(bot.feed(":\(nick)!~a@h PRIVMSG #news :factbot: hi").isEmpty)
        #expect(bot.feed(":\(nick)!~a@h PRIVMSG factbot :hi").isEmpty)
        // And whatever is queued, no line leaves longer than 510 bytes.
        #expect(IRCSession.fitted(String(repeating: "é", count: 400)).utf8.count == 510)
        #expect(IRCSession.fitted("PRIVMSG a :" + String(repeating: "€", count: 300)).utf8.count <= 510)
    }

    @Test func randomBytesThroughTheFramerAreSurvived() {
        var generator = SplitMix64(seed: 42)
        var framer = LineFramer()
        var bot = SessionHarness()
        bot.register()
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 300)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            // Mix in protocol-looking pieces so the parser gets past the first atom.
            if generator.next() % 2 == 0 { bytes = Array(":a!b@c PRIVMSG factbot :".utf8) + bytes }
            for line in framer.feed(bytes + [0x0A]) { bot.session.receive(line, now: bot.now) }
        }
        while let sent = bot.session.takeLine(now: bot.now + 1e6) {
            #expect(!sent.contains("\r") && !sent.contains("\n") && !sent.contains("\0"))
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
