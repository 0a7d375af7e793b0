import Foundation

/// Runs the built `factbot` executable the way a user or a script would.
struct FactbotProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// The package root (where knowledge/ and bot.conf live).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The factbot binary beside the test bundle (same build folder).
    static let binary: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("factbot")
    }()

    /// Runs factbot (or another `executable`) with `arguments` in `directory`, feeding
    /// `input` on standard input.
    static func run(_ arguments: [String], input: Data = Data(), in directory: URL = root, executable: URL = binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed input on another thread so a large input cannot deadlock against full output pipes.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], input: String, in directory: URL = root) throws -> Result {
        try run(arguments, input: Data(input.utf8), in: directory)
    }

    /// Starts the test HTTP server (Tests/Servers/http_server.py) on loopback, serving the
    /// files of `folder` under /files/; closing `input` stops it.
    static func httpServer(serving folder: URL) throws -> (process: Process, input: Pipe, port: Int) {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", root.appendingPathComponent("Tests/Servers/http_server.py").path, folder.path]
        let input = Pipe()
        let output = Pipe()
        server.standardInput = input
        server.standardOutput = output
        try server.run()
        let ready = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(ready.filter(\.isNumber)) else {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the HTTP server gave no port: \(ready)"])
        }
        return (server, input, port)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
