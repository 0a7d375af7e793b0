import Foundation
import Testing

/// A pinned server certificate and a client certificate, against ngircd's TLS port.
@Suite(.timeLimit(.minutes(2)))
struct TLSPinningTests {
    /// Runs `openssl` with `arguments` (and `input` piped in); its standard output.
    static func openssl(_ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let output = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(input)
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError("openssl \(arguments.joined(separator: " ")) failed") }
        return data
    }

    /// `sha256:AB:CD:…` of the DER certificate in `pem`, as `openssl x509 -fingerprint` prints it.
    static func certificateFingerprint(_ pem: String) throws -> String {
        let text = String(decoding: try openssl(["x509", "-noout", "-fingerprint", "-sha256", "-in", pem]), as: UTF8.self)
        let hex = try #require(text.split(separator: "=").last).trimmingCharacters(in: .whitespacesAndNewlines)
        return "sha256:" + hex
    }

    /// `sha256:AB:CD:…` of the DER SubjectPublicKeyInfo of the certificate in `pem`.
    static func publicKeyFingerprint(_ pem: String) throws -> String {
        let publicKey = try openssl(["x509", "-noout", "-pubkey", "-in", pem])
        let der = try openssl(["pkey", "-pubin", "-outform", "DER"], input: publicKey)
        let digest = try openssl(["dgst", "-sha256", "-binary"], input: der)
        return "sha256:" + digest.map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    /// A fresh folder, removed by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A self-signed client certificate and its key in `folder`: (cert, key).
    static func clientCertificate(in folder: URL, name: String = "client") throws -> (String, String) {
        let cert = folder.appendingPathComponent("\(name).pem").path
        let key = folder.appendingPathComponent("\(name).key").path
        _ = try openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
            "-subj", "/CN=\(name)",
        ])
        return (cert, key)
    }

    func startBot(_ server: IRCServer, watchedBy client: TestClient, extra: [String]) throws -> BotProcess {
        let tlsPort = try #require(server.ready.tls_port)
        try client.join("#news")
        let bot = try BotProcess(["--server", "127.0.0.1", "--port", "\(tlsPort)", "--nick", "factbot", "--channel", "#news", "--tls"] + extra)
        guard client.expect(timeout: 15, { $0.command == "JOIN" && $0.nick == "factbot" }) != nil else {
            throw ServerError("the bot never joined #news; its log:\n\(bot.log.all.joined(separator: "\n"))")
        }
        return bot
    }

    @Test func aPinnedCertificateIsAcceptedWithoutTheCAAndAnyOtherIsRefused() throws {
        let server = try IRCServer("ngircd", ["--tls"])
        let tlsPort = try #require(server.ready.tls_port)
        let serverCert = try #require(server.ready.ca_file)
        let pin = try Self.certificateFingerprint(serverCert)
        let ann = try TestClient(port: server.port, nick: "ann")

        // No --tls-ca-file: the chain is not trusted, but the pin is all that counts.
        let bot = try startBot(server, watchedBy: ann, extra: ["--tls-fingerprint", pin])
        ann.send("PRIVMSG #news :factbot: \(NgircdTests.paid)")
        #expect(ann.expect(timeout: 10) { $0.command == "PRIVMSG" && $0.nick == "factbot" }?.text.contains("18,000") == true)
        #expect(bot.log.all.contains { $0.contains("certificate pinned by sha256 fingerprint") })
        #expect(bot.terminate() == 0)

        // Any other fingerprint: refused, naming both.
        let wrong = "sha256:" + (0..<32).map { _ in "00" }.joined(separator: ":")
        let doubter = try BotProcess(["--server", "127.0.0.1", "--port", "\(tlsPort)", "--nick", "doubter", "--tls", "--tls-fingerprint", wrong])
        let refusal = doubter.log.wait(timeout: 10, containing: "certificate refused")
        #expect(refusal?.contains(wrong) == true, "\(doubter.log.all.joined(separator: "\n"))")
        #expect(refusal?.contains(pin) == true)
        #expect(doubter.terminate() == 0)
    }

    @Test func aPinnedPublicKeyIsAcceptedToo() throws {
        let server = try IRCServer("ngircd", ["--tls"])
        let pin = try Self.publicKeyFingerprint(try #require(server.ready.ca_file))
        let ann = try TestClient(port: server.port, nick: "ann")
        let bot = try startBot(server, watchedBy: ann, extra: ["--tls-fingerprint", pin.lowercased()])
        #expect(bot.log.all.contains { $0.contains("certificate pinned by sha256 fingerprint") })
        #expect(bot.terminate() == 0)
    }

    @Test func theCAStoreCheckIsLoggedWithTheHostName() throws {
        let server = try IRCServer("ngircd", ["--tls"])
        let ann = try TestClient(port: server.port, nick: "ann")
        let bot = try startBot(server, watchedBy: ann, extra: ["--tls-ca-file", try #require(server.ready.ca_file)])
        #expect(bot.log.all.contains { $0.contains("certificate verified against the CA store, host name 127.0.0.1") })
        #expect(bot.terminate() == 0)
    }

    @Test func aClientCertificateIsLoadedAndPresented() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, key) = try Self.clientCertificate(in: folder)
        let server = try IRCServer("ngircd", ["--tls"])
        let ann = try TestClient(port: server.port, nick: "ann")
        let bot = try startBot(
            server, watchedBy: ann,
            extra: ["--tls-ca-file", try #require(server.ready.ca_file), "--tls-client-cert", cert, "--tls-client-key", key])
        #expect(!bot.log.all.contains { $0.contains("PRIVATE KEY") })
        #expect(bot.terminate() == 0)
    }

    @Test func aMismatchedOrUnreadableClientKeyIsRefusedAtStart() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (cert, _) = try Self.clientCertificate(in: folder, name: "one")
        let (_, otherKey) = try Self.clientCertificate(in: folder, name: "two")
        // Port 9 on loopback: nothing is ever tried there, the check comes first.
        let cases: [([String], String)] = [
            (["--tls-client-cert", cert, "--tls-client-key", otherKey], "does not match"),
            (["--tls-client-cert", cert, "--tls-client-key", folder.appendingPathComponent("missing.key").path], "cannot load a PEM private key"),
            (["--tls-client-cert", folder.appendingPathComponent("missing.pem").path], "cannot load a PEM certificate"),
        ]
        for (options, problem) in cases {
            let bot = try BotProcess(["--server", "127.0.0.1", "--port", "9", "--tls"] + options)
            bot.process.waitUntilExit()
            #expect(bot.process.terminationStatus == 2)
            #expect(bot.log.wait(timeout: 5, containing: problem) != nil, "\(bot.log.all.joined(separator: "\n"))")
            let log = bot.log.all.joined(separator: "\n")
            #expect(!log.contains("connecting to"))
            #expect(!log.contains("PRIVATE KEY"))
        }
    }
}
