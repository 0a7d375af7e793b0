import Foundation
import Testing

/// SIGHUP reloads the knowledge of a running `factbot irc` without leaving the channel,
/// and a broken file keeps the answers as they were; against a real ngircd on loopback.
@Suite(.timeLimit(.minutes(2)))
struct ReloadTests {
    @Test func sighupSwapsInAnEditedFactAndABrokenFileChangesNothing() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("factbot-reload-\(UUID().uuidString)")
        let knowledge = scratch.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: IRCServer.root.appendingPathComponent("knowledge"), to: knowledge)
        let facts = knowledge.appendingPathComponent("facts/chinese-recruits.yaml")
        let original = try String(contentsOf: facts, encoding: .utf8)
        try #require(original.contains("18,000 yuan"))

        let server = try IRCServer("ngircd")
        let ann = try TestClient(port: server.port, nick: "ann")
        try ann.join("#news")
        let bot = try BotProcess([
            "--server", "127.0.0.1", "--port", "\(server.port)", "--nick", "factbot", "--channel", "#news",
            "--knowledge", knowledge.path, "--state-dir", scratch.appendingPathComponent("state").path,
        ])
        defer { _ = bot.terminate() }
        #expect(ann.expect(timeout: 15) { $0.command == "JOIN" && $0.nick == "factbot" } != nil)
        func ask() -> String? {
            ann.send("PRIVMSG #news :factbot: \(NgircdTests.paid)")
            return ann.expect(timeout: 10) { $0.command == "PRIVMSG" && $0.nick == "factbot" }?.text
        }
        #expect(ask()?.contains("18,000 yuan") == true)

        // The curator edits the figure and sends SIGHUP (as `systemctl reload` does).
        try original.replacingOccurrences(of: "18,000 yuan", with: "21,000 yuan").write(to: facts, atomically: true, encoding: .utf8)
        kill(bot.process.processIdentifier, SIGHUP)
        #expect(bot.log.wait(timeout: 20, containing: "reload (SIGHUP): answering from") != nil, "\(bot.log.all.suffix(10))")
        #expect(ask()?.contains("21,000 yuan") == true)

        // A broken file: the problem is logged with its line, and the answers stay.
        try (original + "\n- id: broken\n  anwser: x\n").write(to: facts, atomically: true, encoding: .utf8)
        kill(bot.process.processIdentifier, SIGHUP)
        #expect(bot.log.wait(timeout: 20, containing: "nothing changed") != nil, "\(bot.log.all.suffix(10))")
        #expect(bot.log.wait(timeout: 5, containing: "chinese-recruits.yaml:") != nil)
        #expect(ask()?.contains("21,000 yuan") == true)

        // Never left: no PART, QUIT or second JOIN, and the process is still the same one.
        #expect(!ann.seen.contains { $0.nick == "factbot" && ["PART", "QUIT"].contains($0.command) })
        #expect(ann.seen.filter { $0.nick == "factbot" && $0.command == "JOIN" }.count == 1)
        #expect(bot.process.isRunning)
        #expect(bot.terminate() == 0)
    }
}
