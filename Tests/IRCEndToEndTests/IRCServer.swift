import Foundation

/// A real IRC server on loopback (ngircd, or InspIRCd with Atheme), run by
/// `Tests/Servers/ircd.py` and stopped with it.
final class IRCServer: @unchecked Sendable {
    struct Ready: Decodable {
        var ready: Bool
        var port: Int?
        var tls_port: Int?
        var ca_file: String?
        var oper: [String]?
        var error: String?
        var log: String?
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let process = Process()
    let input = Pipe()
    let output: LineLog
    let folder: URL
    private(set) var ready: Ready
    private var seen = 0

    var port: Int { ready.port ?? 0 }

    /// Starts `kind` ("ngircd" or "inspircd") with extra arguments and waits until it is ready.
    convenience init(_ kind: String, _ arguments: [String] = []) throws {
        try self.init(script: "ircd.py", [kind] + arguments)
    }

    /// Starts a script of Tests/Servers (ircd.py, sasl_ircd.py) and waits until it is ready.
    init(script: String, _ arguments: [String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-ircd-\(UUID().uuidString)")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("Tests/Servers/\(script)").path] + arguments + ["--dir", folder.path]
        let stdout = Pipe()
        process.standardInput = input
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        output = LineLog(reading: stdout.fileHandleForReading)
        try process.run()
        ready = Ready(ready: false)
        ready = try awaitReady()
    }

    private func awaitReady() throws -> Ready {
        guard let found = output.wait(from: seen, timeout: 30, { $0.contains("\"ready\"") }) else {
            throw ServerError("the IRC server did not start within 30 s")
        }
        seen = found.index + 1
        let ready = try JSONDecoder().decode(Ready.self, from: Data(found.line.utf8))
        guard ready.ready else { throw ServerError("the IRC server failed: \(ready.error ?? "?")\n\(ready.log ?? "")") }
        return ready
    }

    /// Stops the server (the script keeps its ports for ``start()``).
    func stop() throws {
        input.fileHandleForWriting.write(Data("stop\n".utf8))
        guard let found = output.wait(from: seen, timeout: 15, containing: "\"stopped\"") else { throw ServerError("stop did not finish") }
        seen = (output.all.firstIndex(of: found) ?? seen) + 1
    }

    /// Starts it again on the same ports.
    func start() throws {
        input.fileHandleForWriting.write(Data("start\n".utf8))
        ready = try awaitReady()
    }

    deinit {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
