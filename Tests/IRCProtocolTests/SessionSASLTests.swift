import FactbotIRC
import Testing

@testable import IRCProtocol

/// OpenSSL, except that the "random" bytes are RFC 7677's client nonce.
struct RFCNonceCrypto: SCRAMCrypto {
    let real = OpenSSLCrypto()
    func hash(_ algorithm: SCRAMHash, _ data: [UInt8]) -> [UInt8] { real.hash(algorithm, data) }
    func hmac(_ algorithm: SCRAMHash, key: [UInt8], data: [UInt8]) -> [UInt8] { real.hmac(algorithm, key: key, data: data) }
    func pbkdf2(_ algorithm: SCRAMHash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        real.pbkdf2(algorithm, password: password, salt: salt, iterations: iterations)
    }
    func randomBytes(_ count: Int) -> [UInt8] { Base64.decode("rOprNGfwEbeRWgbNEkqO")! }  // 15 bytes
    func saslPrep(_ text: String) -> String? { real.saslPrep(text) }
}

/// CAP and SASL paths: which mechanism, what is sent, and what happens when nothing fits.
@Suite struct SessionSASLTests {
    static func b64(_ text: String) -> String { Base64.encode(Array(text.utf8)) }

    func harness(
        account: String = "factbot", password: String? = "pw", _ configure: @escaping (inout IRCSettings) -> Void = { _ in }
    ) -> SessionHarness {
        var bot = SessionHarness(
            {
                $0.saslAccount = account
                configure(&$0)
            }, secrets: Secrets(saslPassword: password), crypto: RFCNonceCrypto())
        _ = bot.sent()
        return bot
    }

    /// TLS with a client certificate configured.
    static func withCertificate(_ settings: inout IRCSettings) {
        settings.tls = true
        settings.tlsClientCert = "bot.pem"
    }

    func failures(_ bot: inout SessionHarness) -> [String] {
        bot.session.takeEvents().compactMap { if case .saslFailed(let why) = $0 { why } else { nil } }
    }

    @Test func saslIsRequestedWhenOnlyExternalIsListed() {
        // With a client certificate: EXTERNAL, answered with an empty response.
        var bot = harness(password: nil, Self.withCertificate)
        #expect(bot.feed(":irc.test CAP * LS :sasl=EXTERNAL") == ["CAP REQ sasl"])
        #expect(bot.feed(":irc.test CAP * ACK :sasl") == ["AUTHENTICATE EXTERNAL"])
        #expect(bot.feed("AUTHENTICATE +") == ["AUTHENTICATE +"])
        #expect(bot.feed(":irc.test 900 factbot factbot!f@h factbot :logged in", ":irc.test 903 factbot :SASL successful") == ["CAP END"])
        #expect(bot.session.takeEvents().contains(.saslSucceeded(account: "factbot")))
        // Without one: requested all the same, then ended cleanly (nothing was started, so no
        // AUTHENTICATE *), and registration goes on.
        var plain = harness()
        #expect(plain.feed(":irc.test CAP * LS :sasl=EXTERNAL") == ["CAP REQ sasl"])
        #expect(plain.feed(":irc.test CAP * ACK :sasl") == ["CAP END"])
        #expect(failures(&plain).first?.contains("offers SASL EXTERNAL") == true)
        #expect(plain.feed(":irc.test 001 factbot :Welcome") == ["JOIN #news"])
    }

    @Test func autoPicksTheStrongestListedMechanism() {
        var scram = harness()
        _ = scram.feed(":irc.test CAP * LS :sasl=PLAIN,SCRAM-SHA-1,SCRAM-SHA-256", ":irc.test CAP * ACK :sasl")
        #expect(scram.session.sasl.mechanism == .scramSHA256)
        var sha1 = harness()
        #expect(sha1.feed(":irc.test CAP * LS :sasl=PLAIN,SCRAM-SHA-1", ":irc.test CAP * ACK :sasl") == ["CAP REQ sasl", "AUTHENTICATE SCRAM-SHA-1"])
        var certificate = harness(Self.withCertificate)
        #expect(certificate.feed(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL", ":irc.test CAP * ACK :sasl").last == "AUTHENTICATE EXTERNAL")
        // A non-ASCII password is SASLprep'd for SCRAM; one SASLprep prohibits (a control
        // character) cannot be used with SCRAM: auto skips it for PLAIN.
        var accented = harness(password: "pässword")
        #expect(accented.feed(":irc.test CAP * LS :sasl=PLAIN,SCRAM-SHA-256", ":irc.test CAP * ACK :sasl").last == "AUTHENTICATE SCRAM-SHA-256")
        var prohibited = harness(password: "pass\u{7}word")
        #expect(prohibited.feed(":irc.test CAP * LS :sasl=PLAIN,SCRAM-SHA-256", ":irc.test CAP * ACK :sasl").last == "AUTHENTICATE PLAIN")
        // A configured mechanism is the only one tried.
        var configured = harness { $0.saslMechanism = .plain }
        #expect(configured.feed(":irc.test CAP * LS :sasl=PLAIN,SCRAM-SHA-256", ":irc.test CAP * ACK :sasl").last == "AUTHENTICATE PLAIN")
        // `sasl` without a list (CAP 301 style): the strongest, and the server says if not.
        var unlisted = harness()
        #expect(unlisted.feed(":irc.test CAP * LS :sasl", ":irc.test CAP * ACK :sasl").last == "AUTHENTICATE SCRAM-SHA-256")
    }

    @Test func aFailedMechanismGivesWayToTheNextWhenAuto() {
        var bot = harness(Self.withCertificate)
        _ = bot.feed(":irc.test CAP * LS :sasl=EXTERNAL,SCRAM-SHA-256,PLAIN", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        #expect(bot.feed(":irc.test 904 factbot :SASL authentication failed") == ["AUTHENTICATE SCRAM-SHA-256"])
        #expect(bot.feed(":irc.test 904 factbot :SASL authentication failed") == ["AUTHENTICATE PLAIN"])
        #expect(bot.feed(":irc.test 904 factbot :SASL authentication failed") == ["CAP END"])
        #expect(failures(&bot) == ["PLAIN: SASL authentication failed (904); continuing without logging in"])
        // 908 narrows what is left: the server knows only PLAIN after all.
        var listed = harness()
        _ = listed.feed(":irc.test CAP * LS :sasl", ":irc.test CAP * ACK :sasl")
        #expect(
            listed.feed(":irc.test 908 factbot PLAIN :are available SASL mechanisms", ":irc.test 904 factbot :SASL authentication failed")
                == ["AUTHENTICATE PLAIN"])
        // A configured mechanism that fails is the end.
        var configured = harness { $0.saslMechanism = .scramSHA256 }
        _ = configured.feed(":irc.test CAP * LS :sasl=SCRAM-SHA-256,PLAIN", ":irc.test CAP * ACK :sasl")
        #expect(configured.feed(":irc.test 904 factbot :SASL authentication failed") == ["CAP END"])
    }

    @Test func scramSHA256WithRFC7677Vector() {
        var bot = harness(account: "user", password: "pencil") { $0.saslMechanism = .scramSHA256 }
        _ = bot.feed(":irc.test CAP * LS :sasl=SCRAM-SHA-256", ":irc.test CAP * ACK :sasl")
        #expect(bot.feed("AUTHENTICATE +") == ["AUTHENTICATE " + Self.b64("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")])
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let clientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        #expect(bot.feed("AUTHENTICATE " + Self.b64(serverFirst)) == ["AUTHENTICATE " + Self.b64(clientFinal)])
        #expect(bot.feed("AUTHENTICATE " + Self.b64("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")) == ["AUTHENTICATE +"])
        #expect(bot.feed(":irc.test 900 user user!f@h user :logged in", ":irc.test 903 user :SASL successful") == ["CAP END"])
        #expect(bot.session.takeEvents().contains(.saslSucceeded(account: "user")))
    }

    @Test func aBadServerSignatureAbortsAndNoPasswordFollows() {
        var bot = harness(account: "user", password: "pencil")
        _ = bot.feed(":irc.test CAP * LS :sasl=SCRAM-SHA-256,PLAIN", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        _ = bot.feed("AUTHENTICATE " + Self.b64("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
        #expect(bot.feed("AUTHENTICATE " + Self.b64("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")) == ["AUTHENTICATE *"])
        // The server confirms the abort; PLAIN is not tried on a server that failed to prove itself.
        #expect(bot.feed(":irc.test 906 user :SASL authentication aborted") == ["CAP END"])
        let why = failures(&bot)
        #expect(why.count == 1)
        #expect(why.first?.contains("possibly an impostor") == true)
        // A 903 without the proof is no success either.
        var skipped = harness(account: "user", password: "pencil")
        _ = skipped.feed(":irc.test CAP * LS :sasl=SCRAM-SHA-256", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        #expect(skipped.feed(":irc.test 903 user :SASL successful") == ["CAP END"])
        #expect(failures(&skipped).first?.contains("without proving") == true)
    }

    @Test func saslRequiredStopsForGood() {
        var bot = harness { $0.saslRequired = true }
        _ = bot.feed(":irc.test CAP * LS :sasl=PLAIN", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        #expect(bot.feed(":irc.test 904 factbot :SASL authentication failed") == ["QUIT :SASL login failed"])
        #expect(bot.session.isFatal)
        guard case .closed(let reason) = bot.session.phase else {
            Issue.record("still open")
            return
        }
        #expect(reason.contains("sasl_required"))
        // A server without SASL at all: the same.
        var none = harness { $0.saslRequired = true }
        #expect(none.feed(":ngircd CAP * LS :multi-prefix") == ["QUIT :SASL login failed"])
        #expect(none.session.isFatal)
        // Without sasl_required nothing is fatal.
        var relaxed = harness()
        #expect(relaxed.feed(":ngircd CAP * LS :multi-prefix") == ["CAP END"])
        #expect(!relaxed.session.isFatal)
    }

    @Test func capNewAndDel() {
        // sasl withdrawn in the middle of a login: given up, registration goes on.
        var bot = harness()
        _ = bot.feed(":irc.test CAP * LS :sasl=PLAIN", ":irc.test CAP * ACK :sasl")
        #expect(bot.feed(":irc.test CAP * DEL :sasl") == ["CAP END"])
        #expect(failures(&bot).first?.contains("withdrew") == true)
        #expect(bot.session.offeredCapabilities["sasl"] == nil)
        // sasl offered later (services came back): requested and used after registration.
        var late = harness()
        _ = late.feed(":irc.test CAP * LS :multi-prefix", ":irc.test 001 factbot :Welcome")
        _ = late.session.takeEvents()
        #expect(late.feed(":irc.test CAP factbot NEW :sasl=PLAIN") == ["CAP REQ sasl"])
        #expect(late.feed(":irc.test CAP factbot ACK :sasl") == ["AUTHENTICATE PLAIN"])
        #expect(late.feed("AUTHENTICATE +") == ["AUTHENTICATE " + Self.b64("factbot\0factbot\0pw")])
        #expect(late.feed(":irc.test 903 factbot :SASL successful").isEmpty)  // CAP END was sent long ago
        #expect(late.session.takeEvents().contains(.saslSucceeded(account: "factbot")))
        // Nothing to log in with: CAP NEW sasl is not our business.
        var anonymous = SessionHarness()
        _ = anonymous.sent()
        _ = anonymous.feed(":irc.test CAP * LS :", ":irc.test 001 factbot :Welcome")
        #expect(anonymous.feed(":irc.test CAP factbot NEW :sasl").isEmpty)
    }

    @Test func longServerChallengesArriveInPieces() {
        var bot = harness(account: "user", password: "pencil")
        _ = bot.feed(":irc.test CAP * LS :sasl=SCRAM-SHA-256", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        // A server-first of exactly 300 bytes (400 in base64) comes as 400 bytes then "+".
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO" + String(repeating: "x", count: 300 - 22 - 35) + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let encoded = Self.b64(serverFirst)
        #expect(encoded.utf8.count == 400)
        #expect(bot.feed("AUTHENTICATE " + encoded).isEmpty)
        #expect(bot.feed("AUTHENTICATE +").first?.hasPrefix("AUTHENTICATE ") == true)
        #expect(bot.session.sasl.scram?.serverSignature != nil)
    }

    @Test func mechanismNamesAreNotMaskedButPayloadsAre() {
        #expect(Redaction.mask("AUTHENTICATE SCRAM-SHA-256", secrets: Secrets()) == "AUTHENTICATE SCRAM-SHA-256")
        #expect(Redaction.mask("AUTHENTICATE bixuPXVzZXI=", secrets: Secrets()) == "AUTHENTICATE ***")
    }

    @Test func aCertificateAloneLogsInWithExternalAndLearnsTheAccountFrom900() {
        // No account, no password: the certificate's fingerprint names the account.
        var bot = harness(account: "", password: nil, Self.withCertificate)
        #expect(bot.feed(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL") == ["CAP REQ sasl"])
        #expect(bot.feed(":irc.test CAP * ACK :sasl") == ["AUTHENTICATE EXTERNAL"])
        #expect(bot.feed("AUTHENTICATE +") == ["AUTHENTICATE +"])
        #expect(bot.feed(":irc.test 900 factbot factbot!f@h newsdesk :You are now logged in as newsdesk", ":irc.test 903 factbot :ok") == ["CAP END"])
        #expect(bot.session.takeEvents().contains(.saslSucceeded(account: "newsdesk")))

        // Refused (no account holds it): nothing else fits without an account, so CAP ends.
        var stranger = harness(account: "", password: "pw", Self.withCertificate)
        _ = stranger.feed(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +")
        #expect(stranger.feed(":irc.test 904 factbot :SASL authentication failed") == ["CAP END"])
        #expect(failures(&stranger).first?.contains("EXTERNAL") == true)

        // Without a certificate and an account there is nothing to log in with: no REQ.
        var none = harness(account: "", password: "pw")
        #expect(none.feed(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL") == ["CAP END"])
        // A certificate with another mechanism named but no account: no REQ either.
        var named = harness(account: "", password: "pw") {
            Self.withCertificate(&$0)
            $0.saslMechanism = .plain
        }
        #expect(named.feed(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL") == ["CAP END"])
    }
}

/// `sasl_required` holds however the server gets round SASL.
@Suite struct SASLRequiredTests {
    /// A bot with an account, a password and `sasl_required`, its first lines taken.
    func required() -> SessionHarness {
        var bot = SessionHarness(
            {
                $0.saslAccount = "factbot"
                $0.saslRequired = true
            }, secrets: Secrets(saslPassword: "pw"))
        _ = bot.sent()
        return bot
    }

    @Test func aServerWithoutCAPOrAnEarlyWelcomeStopsTheBot() {
        var old = required()
        #expect(old.feed(":old.server 421 * CAP :Unknown command") == ["QUIT :SASL login failed"])
        #expect(old.session.isFatal)
        var early = required()
        #expect(early.feed(":irc.test 001 factbot :Welcome") == ["QUIT :SASL login failed"])
        #expect(early.session.isFatal)
        #expect(early.session.joinedChannels.isEmpty)
    }

    @Test func externalConfiguredByHandNeedsNoPassword() {
        var bot = SessionHarness {
            $0.saslAccount = "factbot"
            $0.saslMechanism = .external
        }
        _ = bot.sent()
        #expect(bot.feed(":irc.test CAP * LS :sasl=EXTERNAL,PLAIN", ":irc.test CAP * ACK :sasl") == ["CAP REQ sasl", "AUTHENTICATE EXTERNAL"])
    }
}
