import FactbotConfig
import FactbotCore
import IRCProtocol
import Testing

@Suite("bot.conf")
struct BotConfigTests {
    func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try BotConfig.parse(text, file: "bot.conf")
            return []
        } catch {
            return error.all
        }
    }

    @Test func emptyMeansDefaults() throws {
        #expect(try BotConfig.parse("", file: "bot.conf") == BotConfig())
        #expect(try BotConfig.parse("# only comments\n; too\n", file: "bot.conf") == BotConfig())
    }

    @Test func readsValues() throws {
        let config = try BotConfig.parse("[answer]\nmin_confidence = 0.7 # stricter\nsuggestions=1\n", file: "bot.conf")
        #expect(config.answer.minimumConfidence == 0.7)
        #expect(config.answer.suggestions == 1)
    }

    @Test func theShippedFileHoldsTheDefaults() throws {
        let text = try String(contentsOf: ShippedKnowledge.folder.deletingLastPathComponent().appendingPathComponent("bot.conf"), encoding: .utf8)
        #expect(try BotConfig.parse(text, file: "bot.conf") == BotConfig())
    }

    @Test func windowsLineEndingsAreLinesToo() {
        #expect(
            problems("# c\r\n[answer]\r\nmin_confidence = 5\r\n").map(\.description) == ["bot.conf:3: min_confidence: expected a number from 0 to 1, got \"5\""]
        )
    }

    @Test func errorsHaveLinesAndSuggestions() {
        #expect(
            problems("[answr]\n").map(\.description) == ["bot.conf:1: unknown section [answr] (did you mean \"answer\"?); known: [answer], [irc], [refresh]"])
        #expect(
            problems("[answer]\nmin_confidense = 0.5\n")[0].description.hasPrefix(
                "bot.conf:2: unknown key \"min_confidense\" in [answer] (did you mean \"min_confidence\"?)"))
        #expect(problems("[answer]\nmin_confidence = high\n")[0].description == "bot.conf:2: min_confidence: expected a number from 0 to 1, got \"high\"")
        #expect(problems("[answer]\nmin_confidence = 1.5\n")[0].line == 2)
        #expect(problems("[answer]\nsuggestions = 9\n")[0].line == 2)
        #expect(problems("min_confidence = 0.5\n")[0].message.contains("before any [section]"))
        #expect(problems("[answer]\njust words\n")[0].description == "bot.conf:2: expected \"key = value\", got \"just words\"")
        #expect(problems("[answer\n")[0].line == 1)
        #expect(problems("[answer]\nsuggestions = 1\nsuggestions = 2\n")[0].message.contains("already set"))
    }

    @Test func readsTheIRCSection() throws {
        let config = try BotConfig.parse(
            """
            [irc]
            server = irc.libera.chat
            port = 6697
            tls = yes
            nick = newsbot
            alternate_nicks = newsbot_ newsbot__
            channels = #news #desk,s3cret   # a keyed channel
            ignore = troll *!*@spam.example
            flood_interval = 1.5s
            user_window = 2m
            sasl_account = newsbot
            """, file: "bot.conf")
        #expect(config.irc.server == "irc.libera.chat" && config.irc.port == 6697 && config.irc.tls)
        #expect(config.irc.nick == "newsbot" && config.irc.alternateNicks == ["newsbot_", "newsbot__"])
        #expect(config.irc.channels == [Channel("#news"), Channel("#desk", key: "s3cret")])
        #expect(config.irc.ignore == ["troll", "*!*@spam.example"])
        #expect(config.irc.floodInterval == 1.5 && config.irc.userWindow == 120)
        #expect(config.irc.saslAccount == "newsbot")
    }

    @Test func badIRCValuesSayWhatIsExpected() {
        let found = problems(
            """
            [irc]
            port = 99999
            nick = 9lives
            channels = news
            tls = maybe
            flood_interval = soon
            sasl_password_env = MY-PASSWORD
            password = hunter2
            """
        ).map(\.description)
        #expect(found.count == 7)
        #expect(found[0] == "bot.conf:2: port: expected a whole number from 1 to 65535, got \"99999\"")
        #expect(found[1].hasPrefix("bot.conf:3: nick: \"9lives\" is not a valid nick"))
        #expect(found[2].hasPrefix("bot.conf:4: channels: \"news\" is not a channel"))
        #expect(found[3] == "bot.conf:5: tls: expected true or false, got \"maybe\"")
        #expect(found[4].hasPrefix("bot.conf:6: flood_interval: expected a duration"))
        #expect(found[5].hasPrefix("bot.conf:7: sasl_password_env: expected an environment variable name"))
        // Passwords never live in bot.conf: there is no such key.
        #expect(found[6].hasPrefix("bot.conf:8: unknown key \"password\" in [irc]"))
    }

    @Test(arguments: ["*", "*!*@*", "*!*", "*@*", "?", "*?", "troll *!*@*", "!@"])
    func anIgnoreMaskOfOnlyWildcardsIsAnError(_ masks: String) {
        let found = problems("[irc]\nchannels = #news\nignore = \(masks)\n")
        #expect(found.count == 1)
        #expect(
            found.first?.description.hasPrefix(
                "bot.conf:3: ignore: \"\(masks.split(separator: " ").last!)\" is only wildcards and matches everyone, so the bot would answer no one") == true)
    }

    @Test func ignoreMasksWithAFixedPartAreFine() throws {
        let config = try BotConfig.parse("[irc]\nignore = troll *!*@spam.example *!~bot@* t?oll*\n", file: "bot.conf")
        #expect(config.irc.ignore == ["troll", "*!*@spam.example", "*!~bot@*", "t?oll*"])
    }

    @Test func floodIntervalMustPaceTheBot() throws {
        for zero in ["0", "0s", "0ms", "50ms", "0.05"] {
            #expect(
                problems("[irc]\nflood_interval = \(zero)\n").map(\.description)
                    == ["bot.conf:2: flood_interval: expected a duration from 100ms to 1m such as 30s, 2m or 1.5, got \"\(zero)\""])
        }
        #expect(try BotConfig.parse("[irc]\nflood_interval = 100ms\n", file: "bot.conf").irc.floodInterval == 0.1)
        #expect(try BotConfig.parse("[irc]\nflood_interval = 0.25s\n", file: "bot.conf").irc.floodInterval == 0.25)
    }

    @Test func floodBurstMustLetALineOut() {
        #expect(
            problems("[irc]\nflood_burst = 0\n").map(\.description)
                == ["bot.conf:2: flood_burst: expected a whole number from 1 to 20, got \"0\""])
    }

    @Test(
        arguments: ["quit_message", "realname", "username"],
        ["\u{3}04red", "a\rQUIT :x", "nul\u{0}here", "tab\there", "del\u{7F}", "\u{2}bold\u{2}", "\u{1}ACTION\u{1}"])
    func controlCharactersInWhatTheServerSeesAreErrors(_ key: String, _ value: String) {
        let found = problems("[irc]\n# what the server shows\n\(key) = x\(value)\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.description.hasPrefix("bot.conf:3: \(key): holds a control character (U+00") == true)
    }

    @Test func readsTheTLSPinAndClientCertificate() throws {
        let pin = "sha256:" + (0..<32).map { _ in "0F" }.joined(separator: ":")
        let config = try BotConfig.parse(
            "[irc]\ntls = yes\ntls_fingerprint = \(pin)\ntls_client_cert = /etc/factbot/bot.pem\ntls_client_key = /etc/factbot/bot.key\n", file: "bot.conf")
        #expect(config.irc.tlsFingerprint == pin)
        #expect(config.irc.tlsClientCert == "/etc/factbot/bot.pem" && config.irc.tlsClientKey == "/etc/factbot/bot.key")
        #expect(config.irc.hasClientCertificate)
    }

    @Test(arguments: ["AB:CD:EF", "sha1:AB:CD", "sha256:AB:CD", "sha256:" + String(repeating: "ZZ", count: 32)])
    func aMalformedFingerprintIsAnErrorWithItsLine(_ value: String) {
        let found = problems("[irc]\ntls = yes\ntls_fingerprint = \(value)\n")
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("bot.conf:3: tls_fingerprint: expected sha256:") == true)
    }
}
