import Foundation
import Testing

/// `factbot refresh` and friends as a user runs them, against the loopback server.
@Suite(.timeLimit(.minutes(2)))
struct RefreshCommandTests {
    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("factbot")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func factbot(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = HTTPTestServer.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("factbot-state-\(UUID().uuidString)")
    }

    @Test func refreshThenAskAnswersFromTheFetchedPageCitingIt() throws {
        let server = try HTTPTestServer()
        try server.put("harbour.html", Pages.harbour)
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let question = "how many containers were held at the north quay?"

        // Before: the curated facts know nothing of it.
        let before = try factbot(["ask", "--state-dir", state.path, question])
        #expect(before.stdout.hasPrefix("Sorry"))

        let refresh = try factbot([
            "refresh", "--state-dir", state.path, "--source", "harbour=\(server.url("/files/harbour.html"))", "--source", "broken=\(server.url("/status/500"))",
        ])
        #expect(refresh.status == 1, "one source failed")
        #expect(refresh.stdout.contains("harbour: fetched ("))
        #expect(refresh.stdout.contains("broken: failed: HTTP 500; no copy stored yet"))
        #expect(refresh.stdout.contains("2 source(s): 1 fetched, 0 unchanged, 1 failed"))

        let after = try factbot(["ask", "--state-dir", state.path, question])
        #expect(after.status == 0)
        #expect(after.stdout.contains("“The harbour authority said on Monday that 1,240 containers had been held at the north quay since March.”"))
        #expect(after.stdout.contains("quoted from 127.0.0.1, 2 March 2026: \(server.url("/files/harbour.html"))"))
        // Curated answers still come first, and off-topic questions are still declined.
        #expect(try factbot(["ask", "--state-dir", state.path, "how much r they paid??"]).stdout.contains("18,000 yuan"))
        #expect(try factbot(["ask", "--state-dir", state.path, "who won the 1966 world cup?"]).stdout.hasPrefix("Sorry"))
        let json = try factbot(["ask", "--json", "--state-dir", state.path, question])
        #expect(json.stdout.contains("\"answered\":true") && json.stdout.contains("\"fact\":\"harbour#s1\""))

        let again = try factbot(["refresh", "--state-dir", state.path, "--source", "harbour=\(server.url("/files/harbour.html"))"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("harbour: unchanged (304 Not Modified)"))
    }

    @Test func driftIsReportedWhenTheSourcesFiguresChange() throws {
        let server = try HTTPTestServer()
        // A page standing in for the registered article, first as curated...
        let paragraphs = [
            "Recruiters on Chinese social media promise about 18,000 yuan a month to men who sign a contract with the Russian army.",
            "Ukraine says it has identified 155 Chinese citizens fighting for Russia, and two were captured in the Donetsk region.",
        ]
        try server.put("devua.html", Pages.page(title: "Recruiting", paragraphs: paragraphs), modified: Date().addingTimeInterval(-60))
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let arguments = ["refresh", "--state-dir", state.path, "--source", "devua-2025-04-11=\(server.url("/files/devua.html"))"]
        let first = try factbot(arguments)
        #expect(first.status == 0)
        // Figures the curator added that the page never held are not drift.
        #expect(!first.stdout.contains("drift: "), "\(first.stdout)")

        // ...then with the pay figure changed.
        try server.put(
            "devua.html", Pages.page(title: "Recruiting", paragraphs: [paragraphs[0].replacingOccurrences(of: "18,000", with: "20,000"), paragraphs[1]]),
            modified: Date())
        let refresh = try factbot(arguments)
        #expect(refresh.status == 0)
        #expect(refresh.stdout.contains("drift: "))
        #expect(refresh.stdout.contains("fact monthly-salary: \"18,000\" no longer in the source"))
        #expect(!refresh.stdout.contains("\"155\""))  // still in the page: not reported
        let check = try factbot(["check", "--sources", "--state-dir", state.path])
        #expect(check.stderr.contains("fact monthly-salary: \"18,000\", \"1,900\" not in the stored copy"))
        #expect(!check.stderr.contains("\"155\""))
    }

    @Test func aConfiguredSourceIsNotReplacedByAnotherPage() throws {
        let server = try HTTPTestServer()
        try server.put("harbour.html", Pages.harbour)
        let scratch = temporaryFolder()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let config = scratch.appendingPathComponent("bot.conf")
        try "[refresh]\nstate_dir = \(scratch.path)/state\n".write(to: config, atomically: true, encoding: .utf8)
        // Into the configured state folder: refused, before anything is fetched.
        let refused = try factbot(["refresh", "--config", config.path, "--source", "devua-2025-04-11=\(server.url("/files/harbour.html"))"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("sources.yaml gives devua-2025-04-11 the URL https://dev.ua/"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/state/devua-2025-04-11.json"))
        // Into another state folder (missing parents and all): allowed, and private.
        let other = scratch.path + "/trial/a/b"
        let allowed = try factbot([
            "refresh", "--config", config.path, "--state-dir", other, "--source", "devua-2025-04-11=\(server.url("/files/harbour.html"))",
        ])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: other + "/devua-2025-04-11.json")[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
    }

    @Test func aRefreshKilledAtAnyMomentLeavesAReadableState() throws {
        let server = try HTTPTestServer()
        let state = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            // A new version each round, so every refresh writes.
            try server.put(
                "harbour.html", Pages.harbour.replacingOccurrences(of: "1,240", with: "\(1000 + round)"), modified: Date().addingTimeInterval(Double(round)))
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["refresh", "--state-dir", state.path, "--source", "harbour=\(server.url("/files/harbour.html"))"]
            process.currentDirectoryURL = HTTPTestServer.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.12, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Either no copy yet, or a whole one: ask reads it without a warning.
            let ask = try factbot(["ask", "--state-dir", state.path, "how many containers were held at the north quay?"])
            #expect(ask.status == 0)
            #expect(!ask.stderr.contains("corrupt"), "round \(round): \(ask.stderr)")
        }
        let final = try factbot(["refresh", "--state-dir", state.path, "--source", "harbour=\(server.url("/files/harbour.html"))"])
        #expect(final.status == 0)
    }

    @Test func badSourceOptionsAreRefusedBeforeFetching() throws {
        #expect(try factbot(["refresh", "--source", "nourl"]).stderr.contains("expected ID=URL"))
        let file = try factbot(["refresh", "--source", "x=file:///etc/passwd"])
        #expect(file.status == 64)
        #expect(file.stderr.contains("only http and https"))
        #expect(try factbot(["refresh", "--source", "../evil=http://127.0.0.1:1/"]).stderr.contains("expected ID=URL"))
        // A password in a URL would end up in citations and in the state folder.
        let secret = try factbot(["refresh", "--source", "x=https://ann:s3cret@127.0.0.1:1/"])
        #expect(secret.status == 64)
        #expect(secret.stderr.contains("may not hold a user name or password"))
        // Two fetches writing one state file at once could tear it.
        #expect(try factbot(["refresh", "--source", "a=http://127.0.0.1:1/x", "--source", "a=http://127.0.0.1:1/y"]).stderr.contains("\"a\" is given twice"))
    }

    @Test func aCorruptStateFileIsAWarningNotAFailure() throws {
        let state = temporaryFolder()
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        try Data([0x7B, 0x00, 0xFF]).write(to: state.appendingPathComponent("harbour.json"))
        let ask = try factbot(["ask", "--state-dir", state.path, "how much r they paid??"])
        #expect(ask.status == 0)
        #expect(ask.stdout.contains("18,000 yuan"))
        #expect(ask.stderr.contains("warning: ") && ask.stderr.contains("harbour.json: corrupt"))
    }
}
