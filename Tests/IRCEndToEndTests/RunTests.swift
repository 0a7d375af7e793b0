import Foundation
import Testing

/// `factbot run`: the IRC bot refreshes its sources in the background and answers from
/// what it fetched, with a real ngircd and the refresh tests' HTTP server on loopback.
@Suite(.timeLimit(.minutes(2)))
struct RunTests {
    @Test func refreshesInTheBackgroundAndQuotesTheFetchedPageInTheChannel() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-run-\(UUID().uuidString)")
        let pages = scratch.appendingPathComponent("pages")
        let knowledge = scratch.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try """
        <html><head><title>Ferry strike</title></head><body><article>
        <p>Ferry crews on the island route walked out on Thursday, and 42 sailings were cancelled over the weekend.</p>
        <p>The operator said talks with the union would resume next week, with a mediator present at every session.</p>
        </article></body></html>
        """.write(to: pages.appendingPathComponent("ferry.html"), atomically: true, encoding: .utf8)

        // The HTTP server for the page.
        let http = Process()
        http.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        http.arguments = ["python3", IRCServer.root.appendingPathComponent("Tests/Servers/http_server.py").path, pages.path]
        let httpIn = Pipe()
        let httpOut = Pipe()
        http.standardInput = httpIn
        http.standardOutput = httpOut
        try http.run()
        defer { try? httpIn.fileHandleForWriting.close() }
        let ready = LineLog(reading: httpOut.fileHandleForReading)
        let portLine = try #require(ready.wait(timeout: 10) { $0.contains("port") }?.line)
        let port = try #require(Int(portLine.filter(\.isNumber)))

        // A copy of the shipped knowledge with one more source, served from loopback.
        try FileManager.default.copyItem(at: IRCServer.root.appendingPathComponent("knowledge"), to: knowledge)
        let sources = knowledge.appendingPathComponent("sources.yaml")
        let extra = """

            - id: ferry-test
              url: http://127.0.0.1:\(port)/files/ferry.html
              title: Ferry strike
              author: Test Desk
              publisher: Test Gazette
              published: 2026-11-20

            """
        // Tests reach 127.0.0.1 only: the shipped articles' URLs point at a loopback 404 here.
        let shipped = try String(contentsOf: sources, encoding: .utf8)
            .replacingOccurrences(of: "url: https://", with: "url: http://127.0.0.1:\(port)/status/404/")
        #expect(!shipped.split(separator: "\n").contains { $0.contains("url:") && !$0.contains("127.0.0.1") })
        try (shipped + extra).write(to: sources, atomically: true, encoding: .utf8)

        let server = try IRCServer("ngircd")
        let ann = try TestClient(port: server.port, nick: "ann")
        try ann.join("#news")
        let bot = try BotProcess(
            [
                "--server", "127.0.0.1", "--port", "\(server.port)", "--nick", "factbot", "--channel", "#news",
                "--knowledge", knowledge.path, "--state-dir", scratch.appendingPathComponent("state").path,
            ], command: "run")
        defer { _ = bot.terminate() }
        #expect(ann.expect(timeout: 15) { $0.command == "JOIN" && $0.nick == "factbot" } != nil)
        // The first refresh runs at start-up (the shipped source fails: its stand-in URL is a 404).
        #expect(bot.log.wait(timeout: 30, containing: "ferry-test: fetched") != nil, "\(bot.log.all.suffix(10))")
        #expect(bot.log.wait(timeout: 5, containing: "devua-2025-04-11: failed: HTTP 404") != nil)
        #expect(bot.log.wait(timeout: 30, containing: "refresh: answering from") != nil)
        ann.send("PRIVMSG #news :factbot: how many sailings were cancelled?")
        let reply = ann.expect(timeout: 10) { $0.command == "PRIVMSG" && $0.nick == "factbot" }
        #expect(reply?.text.contains("42 sailings were cancelled") == true, "\(String(describing: reply))")
        #expect(reply?.text.contains("quoted from Test Gazette, 20 November 2026: http://127.0.0.1:\(port)/files/ferry.html") == true)
    }
}
