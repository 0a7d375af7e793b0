import Foundation
import Testing

/// CertFP, a pinned self-signed certificate and STS against a real network: InspIRCd with
/// `ssl_gnutls`, `sslinfo` and `ircv3_sts`, linked to Atheme with `saslserv/external` and
/// NickServ's `CERT ADD` (Tests/Servers/ircd.py `inspircd --tls`).
@Suite(.timeLimit(.minutes(3)))
struct CertFPAndSTSTests {
    /// Waits (at most 15 s) for the bot to exit on its own; its status.
    func exitStatus(_ bot: BotProcess) -> Int32? {
        let deadline = Date().addingTimeInterval(15)
        while bot.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return bot.process.isRunning ? nil : bot.process.terminationStatus
    }

    @Test func externalLogsInByTheCertificateOnTheAccountAndAStrangerIsStopped() throws {
        let folder = try TLSPinningTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, key) = try TLSPinningTests.clientCertificate(in: folder, name: "newsbot")
        let (strangerCert, strangerKey) = try TLSPinningTests.clientCertificate(in: folder, name: "stranger")
        let server = try IRCServer("inspircd", ["--tls", "--account", "newsbot", "--password", "correct-horse-42", "--account-cert", cert])
        let tlsPort = try #require(server.ready.tls_port)
        let pin = try TLSPinningTests.certificateFingerprint(try #require(server.ready.ca_file))
        let ann = try TestClient(port: server.port, nick: "ann")
        try ann.join("#news")
        let tls = ["--server", "127.0.0.1", "--port", "\(tlsPort)", "--tls", "--channel", "#news", "--state-dir", folder.path]

        // No account and no password: the certificate is the credential; the self-signed
        // server is trusted by its pinned fingerprint alone, with no CA file.
        let bot = try BotProcess(tls + ["--nick", "certbot", "--tls-fingerprint", pin, "--tls-client-cert", cert, "--tls-client-key", key, "--sasl-required"])
        #expect(bot.log.wait(timeout: 15, containing: "logged in with SASL as newsbot") != nil, "\(bot.log.all.suffix(15))")
        #expect(bot.log.all.contains { $0.contains("certificate pinned by sha256 fingerprint") })
        #expect(ann.expect(timeout: 15) { $0.command == "JOIN" && $0.nick == "certbot" } != nil)
        ann.send("WHOIS certbot")
        #expect(ann.expect(timeout: 5) { $0.command == "330" }?.params.dropFirst(2).first == "newsbot", "the network sees the account")
        #expect(bot.terminate() == 0)

        // A certificate no account holds, with sasl_required: a clear error, exit 1, never joined.
        let stranger = try BotProcess(
            tls + ["--nick", "strangerbot", "--tls-fingerprint", pin, "--tls-client-cert", strangerCert, "--tls-client-key", strangerKey, "--sasl-required"])
        #expect(exitStatus(stranger) == 1)
        #expect(stranger.log.all.contains { $0.contains("SASL login failed") && $0.contains("EXTERNAL") }, "\(stranger.log.all.suffix(10))")
        #expect(ann.collect(for: 0.5).allSatisfy { !($0.command == "JOIN" && $0.nick == "strangerbot") })

        // Another pin: the server's own certificate is refused, naming both fingerprints.
        let wrong = "sha256:" + (0..<32).map { _ in "AB" }.joined(separator: ":")
        let doubter = try BotProcess(tls + ["--nick", "doubter", "--tls-fingerprint", wrong])
        let refusal = doubter.log.wait(timeout: 10, containing: "certificate refused")
        #expect(refusal?.contains(pin) == true, "\(doubter.log.all.suffix(10))")
        #expect(doubter.terminate() == 0)
    }

    @Test func stsFromTheServerMovesAPlainConfigurationToTLSAndIsRemembered() throws {
        let server = try IRCServer("inspircd", ["--tls", "--sts-duration", "3600"])
        let tlsPort = try #require(server.ready.tls_port)
        let state = try TLSPinningTests.scratch()
        defer { try? FileManager.default.removeItem(at: state) }
        // "localhost", not 127.0.0.1: InspIRCd offers a policy's duration only to a TLS client
        // that names the host (SNI), as the spec advises.
        let plain = [
            "--server", "localhost", "--port", "\(server.port)", "--nick", "stsbot", "--channel", "#news",
            "--tls-ca-file", try #require(server.ready.ca_file), "--state-dir", state.path,
        ]
        let first = try BotProcess(plain)
        #expect(first.log.wait(timeout: 15, containing: "STS policy stored: TLS to localhost:\(tlsPort) for 3600 s") != nil, "\(first.log.all.suffix(15))")
        #expect(first.log.wait(timeout: 15, containing: "joined #news") != nil)
        #expect(first.log.all.contains { $0.contains("reconnecting with TLS to port \(tlsPort)") })
        #expect(first.terminate() == 0)
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: state.appendingPathComponent("irc/sts.json"))) as? [String: Any]
        let policy = (stored?["policies"] as? [[String: Any]])?.first
        #expect(policy?["host"] as? String == "localhost")
        #expect(policy?["port"] as? Int == tlsPort)

        // Started again with the same plain configuration: straight to TLS.
        let second = try BotProcess(plain)
        #expect(second.log.wait(timeout: 15, containing: "joined #news") != nil, "\(second.log.all.suffix(15))")
        let connects = second.log.all.filter { $0.contains("connecting to") }
        #expect(connects.first?.contains("localhost:\(tlsPort) (TLS)") == true, "\(connects)")
        #expect(!second.log.all.contains { $0.contains("localhost:\(server.port)") })
        #expect(second.terminate() == 0)
    }
}
