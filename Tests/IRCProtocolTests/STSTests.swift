import Testing

@testable import IRCProtocol

/// The `sts` capability and stored policies (IRCv3 strict transport security).
@Suite struct STSTests {
    @Test func readsTheCapabilityValue() {
        let both = STSAdvertisement("port=6697,duration=2592000,preload")
        #expect(both.port == 6697)
        #expect(both.duration == 2_592_000)
        #expect(STSAdvertisement("duration=0").duration == 0)
        #expect(STSAdvertisement("port=0,duration=-5").port == nil)
        #expect(STSAdvertisement("port=0,duration=-5").duration == nil)
        #expect(STSAdvertisement("port=70000,duration=abc") == STSAdvertisement(""))
    }

    @Test func policiesExpireAndDurationZeroRemovesThem() {
        var policies = STSPolicies()
        policies.record(host: "irc.example.org", port: 6697, duration: 3600, now: 1000)
        #expect(policies.policy(for: "IRC.example.org", now: 2000)?.port == 6697)
        #expect(policies.policy(for: "irc.example.org", now: 4599) != nil)
        #expect(policies.policy(for: "irc.example.org", now: 4600) == nil)
        #expect(policies.policy(for: "other.example.org", now: 2000) == nil)
        // Each TLS connection that advertises it starts the duration again.
        policies.record(host: "irc.example.org", port: 6697, duration: 3600, now: 4000)
        #expect(policies.policy(for: "irc.example.org", now: 7000) != nil)
        #expect(policies.policies.count == 1)
        policies.record(host: "irc.example.org", port: 6697, duration: 0, now: 5000)
        #expect(policies.policy(for: "irc.example.org", now: 5001) == nil)
        #expect(policies.policies.isEmpty)
    }

    @Test func plainConnectionMovesToTLS() {
        var bot = SessionHarness()
        _ = bot.sent()
        // No CAP END, nothing more: the plain connection is left at once.
        #expect(bot.feed(":irc.test CAP * LS :multi-prefix sts=port=6697,duration=300").isEmpty)
        #expect(bot.session.phase == .closed(reason: "the server requires TLS (STS): reconnecting with TLS to port 6697"))
        #expect(bot.session.takeEvents().contains(.stsUpgrade(port: 6697)))
        #expect(!bot.session.isFatal)
        // Without a port a plain connection has nothing to follow.
        var portless = SessionHarness()
        _ = portless.sent()
        #expect(portless.feed(":irc.test CAP * LS :sts=duration=300") == ["CAP END"])
    }

    @Test func capNewOnAPlainConnectionMovesToTLSToo() {
        var bot = SessionHarness()
        _ = bot.sent()
        _ = bot.feed(":irc.test CAP * LS :multi-prefix", ":irc.test 001 factbot :Welcome")
        _ = bot.feed(":irc.test CAP factbot NEW :sts=port=6697,duration=60")
        #expect(bot.session.takeEvents().contains(.stsUpgrade(port: 6697)))
        guard case .closed = bot.session.phase else {
            Issue.record("still on the plain connection")
            return
        }
    }

    @Test func tlsConnectionReportsThePolicy() {
        var bot = SessionHarness { $0.tls = true }
        _ = bot.sent()
        #expect(bot.feed(":irc.test CAP * LS :sts=port=6697,duration=300") == ["CAP END"])
        #expect(bot.session.takeEvents().contains(.stsPolicy(duration: 300)))
        // cap-notify: a new policy later on.
        _ = bot.feed(":irc.test 001 factbot :Welcome")
        _ = bot.feed(":irc.test CAP factbot NEW :sts=duration=0")
        #expect(bot.session.takeEvents().contains(.stsPolicy(duration: 0)))
    }
}
