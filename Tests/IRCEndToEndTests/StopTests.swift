import Foundation
import Testing

/// SIGTERM at random moments in every state of the connection: each run must QUIT if it
/// can and exit 0 within 2 s. All traffic stays on 127.0.0.1; a hanging connect or TLS
/// handshake is a local listener that never accepts or never answers.
@Suite(.timeLimit(.minutes(2)))
struct StopTests {
    /// `Tests/Servers/silent_listener.py` in `mode`, stopped when this is released.
    final class SilentListener: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let port: Int

        init(_ mode: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", IRCServer.root.appendingPathComponent("Tests/Servers/silent_listener.py").path, mode]
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            let log = LineLog(reading: output.fileHandleForReading)
            let line = try #require(log.wait(timeout: 10) { $0.contains("port") }?.line)
            port = try #require(Int(line.filter(\.isNumber)))
        }

        deinit {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// A loopback port where nothing listens: bound, never listening, so connects are refused.
    final class ClosedPort: @unchecked Sendable {
        let descriptor: Int32
        let port: Int

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
                }
            }
            guard bound else {
                close(fd)
                throw ServerError("cannot bind a loopback port")
            }
            descriptor = fd
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(descriptor) }
    }

    /// Starts the bot `runs` times with `arguments`; once it logs "connecting to", waits a
    /// random moment in `moment`, sends SIGTERM and checks it exits 0 within 2 s. Returns the
    /// logs, for checks of which states were hit.
    func stopRepeatedly(_ arguments: [String], runs: Int, moment: ClosedRange<Double>) throws -> [[String]] {
        var logs: [[String]] = []
        for run in 1...runs {
            let bot = try BotProcess(arguments)
            guard bot.log.wait(timeout: 10, containing: "connecting to") != nil else {
                throw ServerError("run \(run): the bot never started connecting:\n\(bot.log.all.joined(separator: "\n"))")
            }
            Thread.sleep(forTimeInterval: Double.random(in: moment))
            let signalled = Date()
            bot.process.terminate()
            while bot.process.isRunning && Date().timeIntervalSince(signalled) < 5 { Thread.sleep(forTimeInterval: 0.01) }
            let took = Date().timeIntervalSince(signalled)
            let log = bot.log.all
            #expect(!bot.process.isRunning, "run \(run): still running 5 s after SIGTERM:\n\(log.joined(separator: "\n"))")
            if !bot.process.isRunning {
                #expect(bot.process.terminationReason == .exit && bot.process.terminationStatus == 0, "run \(run): \(log.joined(separator: "\n"))")
            }
            #expect(took < 2, "run \(run): took \(took) s to stop:\n\(log.joined(separator: "\n"))")
            logs.append(log)
        }
        return logs
    }

    @Test func whileConnectedOrRegistering() throws {
        let server = try IRCServer("ngircd")
        let watcher = try TestClient(port: server.port, nick: "ann")
        try watcher.join("#news")
        let logs = try stopRepeatedly(
            ["--server", "127.0.0.1", "--port", "\(server.port)", "--nick", "factbot", "--channel", "#news"], runs: 14, moment: 0...1.5)
        // Some runs got far enough to register, and those said goodbye.
        #expect(logs.contains { $0.contains { $0.contains("registered as") } })
        #expect(logs.filter { $0.contains { $0.contains("registered as") } }.allSatisfy { $0.contains { $0.contains("sending QUIT") } })
    }

    @Test func whileConnectingToAListenerThatNeverAccepts() throws {
        let listener = try SilentListener("never-accept")
        let logs = try stopRepeatedly(["--server", "127.0.0.1", "--port", "\(listener.port)"], runs: 12, moment: 0...0.5)
        #expect(logs.allSatisfy { !$0.contains { $0.contains("connected to") } })
    }

    @Test func inTheTLSHandshakeWithAServerThatNeverAnswers() throws {
        let listener = try SilentListener("silent")
        let logs = try stopRepeatedly(["--server", "127.0.0.1", "--port", "\(listener.port)", "--tls"], runs: 12, moment: 0...0.5)
        #expect(logs.allSatisfy { !$0.contains { $0.contains("TLS: certificate") } })
    }

    @Test func whileWaitingToReconnect() throws {
        let closed = try ClosedPort()
        let logs = try stopRepeatedly(["--server", "127.0.0.1", "--port", "\(closed.port)"], runs: 12, moment: 0...1.5)
        #expect(logs.contains { $0.contains { $0.contains("shutting down while waiting to reconnect") } })
    }
}
