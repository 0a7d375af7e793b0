import FactbotConfig
import FactbotCore
import IRCProtocol
import Testing

@Suite("bot.conf: SASL keys")
struct SASLConfigTests {
    @Test func mechanismAndRequired() throws {
        #expect(BotConfig().irc.saslMechanism == nil)
        #expect(!BotConfig().irc.saslRequired)
        let config = try BotConfig.parse("[irc]\nsasl_mechanism = scram-sha-256\nsasl_required = true\n", file: "bot.conf")
        #expect(config.irc.saslMechanism == .scramSHA256)
        #expect(config.irc.saslRequired)
        #expect(try BotConfig.parse("[irc]\nsasl_mechanism = auto\n", file: "bot.conf").irc.saslMechanism == nil)
        for name in ["EXTERNAL", "SCRAM-SHA-1", "PLAIN"] {
            #expect(try BotConfig.parse("[irc]\nsasl_mechanism = \(name)\n", file: "bot.conf").irc.saslMechanism?.name == name)
        }
    }

    @Test func anUnknownMechanismSaysWhatIsExpected() {
        do {
            _ = try BotConfig.parse("[irc]\nsasl_mechanism = DIGEST-MD5\n", file: "bot.conf")
            Issue.record("accepted")
        } catch {
            #expect(
                error.all.map(\.description) == [
                    "bot.conf:2: sasl_mechanism: expected one of auto, EXTERNAL, SCRAM-SHA-256, SCRAM-SHA-1, PLAIN, got \"DIGEST-MD5\""
                ])
        }
    }
}
