import Foundation
import Testing

/// SASL SCRAM-SHA-256 and STS end to end, against Tests/Servers/sasl_ircd.py: a scripted
/// IRC server whose SCRAM side is PyPI `scramp` (`make test-scramp`), with TLS on a second
/// port for STS.
@Suite(.timeLimit(.minutes(2)))
struct SCRAMAndSTSTests {
    static let password = "correct-horse-42"

    func server(_ arguments: [String] = []) throws -> IRCServer {
        try IRCServer(script: "sasl_ircd.py", ["--account", "newsbot", "--password", Self.password] + arguments)
    }

    func bot(_ server: IRCServer, nick: String, password: String = Self.password, _ extra: [String] = []) throws -> BotProcess {
        try BotProcess(
            ["--server", "127.0.0.1", "--port", "\(server.port)", "--nick", nick, "--channel", "#news", "--sasl-account", "newsbot"] + extra,
            environment: ["FACTBOT_SASL_PASSWORD": password])
    }

    /// The server's JSON events with `"event": kind`, from line `from` on.
    func events(_ server: IRCServer, _ kind: String, from: Int = 0) -> [[String: Any]] {
        server.output.all.dropFirst(from).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], object["event"] as? String == kind
            else { return nil }
            return object
        }
    }

    @Test func scramLogsInAndAWrongPasswordDoesNot() throws {
        let server = try server(["--mechanisms", "SCRAM-SHA-256"])
        let good = try bot(server, nick: "newsbot", ["--verbose"])
        #expect(good.log.wait(timeout: 15, containing: "logged in with SASL as newsbot") != nil, "\(good.log.all.suffix(15))")
        #expect(server.output.wait(timeout: 10, containing: "\"welcome\"") != nil)
        #expect(events(server, "authenticate").first?["result"] as? String == "success")
        #expect(events(server, "welcome").first?["account"] as? String == "newsbot")
        _ = good.terminate()
        let log = good.log.all.joined(separator: "\n")
        #expect(!log.contains(Self.password))
        #expect(log.contains("AUTHENTICATE SCRAM-SHA-256"))
        #expect(log.contains("AUTHENTICATE ***"))

        // A wrong password: 904, and registration goes on unauthenticated.
        let seen = server.output.all.count
        let wrong = try bot(server, nick: "wrongbot", password: "not-it")
        #expect(wrong.log.wait(timeout: 15, containing: "SASL login failed") != nil)
        #expect(server.output.wait(from: seen, timeout: 10) { $0.contains("\"welcome\"") && $0.contains("wrongbot") } != nil)
        #expect(events(server, "authenticate", from: seen).first?["result"] as? String == "fail")
        _ = wrong.terminate()

        // The same with --sasl-required: exit 1 at once, no reconnect loop.
        let before = server.output.all.count
        let required = try bot(server, nick: "strictbot", password: "not-it", ["--sasl-required"])
        let deadline = Date().addingTimeInterval(15)
        while required.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!required.process.isRunning)
        #expect(required.process.terminationStatus == 1)
        #expect(required.log.all.contains { $0.contains("sasl_required") })
        #expect(events(server, "connected", from: before).count == 1)
        #expect(events(server, "welcome", from: before).isEmpty)
    }

    @Test func aNonASCIIPasswordIsSASLprepdOnBothSides() throws {
        // scramp prepares the server's copy; the bot's, typed decomposed and with a Roman
        // numeral, must come out of SASLprep (NFKC) the same.
        let server = try IRCServer(
            script: "sasl_ircd.py", ["--account", "newsbot", "--password", "\u{2168}-p\u{E4}ssw\u{F6}rd", "--mechanisms", "SCRAM-SHA-256"])
        let bot = try bot(server, nick: "newsbot", password: "IX-pa\u{308}sswo\u{308}rd")
        #expect(bot.log.wait(timeout: 15, containing: "logged in with SASL as newsbot") != nil, "\(bot.log.all.suffix(15))")
        #expect(events(server, "authenticate").first?["result"] as? String == "success")
        _ = bot.terminate()
    }

    @Test func autoPicksSCRAMSHA1OverPLAIN() throws {
        let server = try server(["--mechanisms", "PLAIN,SCRAM-SHA-1"])
        let bot = try bot(server, nick: "newsbot")
        #expect(bot.log.wait(timeout: 15, containing: "logged in with SASL as newsbot") != nil, "\(bot.log.all.suffix(15))")
        #expect(events(server, "authenticate").map { "\($0["mechanism"] ?? "?") \($0["result"] ?? "?")" } == ["SCRAM-SHA-1 success"])
        _ = bot.terminate()
    }

    @Test func aServerThatCannotProveItselfGetsNoPassword() throws {
        let server = try server(["--mechanisms", "SCRAM-SHA-256,PLAIN", "--bad-signature"])
        let bot = try bot(server, nick: "newsbot")
        #expect(bot.log.wait(timeout: 15, containing: "possibly an impostor") != nil, "\(bot.log.all.suffix(15))")
        #expect(server.output.wait(timeout: 10, containing: "\"welcome\"") != nil)
        // Aborted (AUTHENTICATE *), and PLAIN never tried: the password stayed with the bot.
        let results = events(server, "authenticate").map { "\($0["mechanism"] ?? "?") \($0["result"] ?? "?")" }
        #expect(results == ["SCRAM-SHA-256 abort"])
        #expect(events(server, "welcome").first?["account"] is NSNull)
        _ = bot.terminate()
    }

    @Test func stsMovesAPlainConfigurationToTLSAndRemembersIt() throws {
        let server = try server(["--sts-duration", "3600"])
        let tlsPort = try #require(server.ready.tls_port)
        let caFile = try #require(server.ready.ca_file)
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-sts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let options = ["--tls-ca-file", caFile, "--state-dir", state.path]

        let first = try bot(server, nick: "newsbot", options)
        #expect(first.log.wait(timeout: 15, containing: "STS policy stored") != nil, "\(first.log.all.suffix(15))")
        #expect(server.output.wait(timeout: 10, containing: "\"welcome\"") != nil)
        #expect(events(server, "connected").map { $0["tls"] as? Bool } == [false, true])
        #expect(events(server, "welcome").map { $0["tls"] as? Bool } == [true])
        _ = first.terminate()
        let file = state.appendingPathComponent("irc/sts.json").path
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        let policy = (stored?["policies"] as? [[String: Any]])?.first
        #expect(policy?["host"] as? String == "127.0.0.1")
        #expect(policy?["port"] as? Int == tlsPort)
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)

        // The next start goes straight to TLS, though still configured plain.
        let seen = server.output.all.count
        let second = try bot(server, nick: "newsbot", options)
        #expect(second.log.wait(timeout: 15, containing: "registered as") != nil, "\(second.log.all.suffix(15))")
        #expect(events(server, "connected", from: seen).map { $0["tls"] as? Bool } == [true])
        #expect(!second.log.all.contains { $0.contains("corrupt") }, "the policy file is not taken for a stored source")
        _ = second.terminate()
    }
}
