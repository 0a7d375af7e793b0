import Foundation

/// `factbot irc` running as a user would run it, its log captured.
final class BotProcess: @unchecked Sendable {
    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("factbot")

    let process = Process()
    let log: LineLog

    /// Starts `factbot irc` (or `command`) with `arguments` from the package root, with `environment` added.
    init(_ arguments: [String], environment: [String: String] = [:], command: String = "irc") throws {
        process.executableURL = Self.binary
        process.arguments = [command] + arguments
        process.currentDirectoryURL = IRCServer.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        log = LineLog(reading: stderr.fileHandleForReading)
        try process.run()
    }

    /// Sends SIGTERM and waits (at most 10 s) for the exit status.
    func terminate() -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
