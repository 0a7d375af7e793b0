import Foundation
import Testing

/// CAP and SASL PLAIN end to end: ngircd has no SASL, so InspIRCd linked to Atheme
/// services stands in for the networks that do, with an account the script registers.
@Suite(.timeLimit(.minutes(3)))
struct SASLTests {
    @Test func logsInWithSASLBeforeJoiningAndCarriesOnWhenThePasswordIsWrong() throws {
        let server = try IRCServer("inspircd", ["--account", "newsbot", "--password", "correct-horse-42"])
        let ann = try TestClient(port: server.port, nick: "ann")
        try ann.join("#news")

        let bot = try BotProcess(
            [
                "--server", "127.0.0.1", "--port", "\(server.port)", "--nick", "newsbot", "--channel", "#news",
                "--sasl-account", "newsbot", "--verbose",
            ],
            environment: ["FACTBOT_SASL_PASSWORD": "correct-horse-42"])
        #expect(bot.log.wait(timeout: 15, containing: "logged in with SASL as newsbot") != nil, "\(bot.log.all.suffix(15))")
        #expect(ann.expect(timeout: 15) { $0.command == "JOIN" && $0.nick == "newsbot" } != nil)
        // The network sees the bot as logged in to its account.
        ann.send("WHOIS newsbot")
        let account = ann.expect(timeout: 5) { $0.command == "330" }
        #expect(account?.params.dropFirst(2).first == "newsbot")
        ann.send("PRIVMSG #news :newsbot: how much are the recruits paid?")
        #expect(ann.expect(timeout: 10) { $0.command == "PRIVMSG" && $0.nick == "newsbot" }?.text.contains("18,000") == true)
        // Even the verbose log never shows the password or its base64 payload.
        _ = bot.terminate()
        let log = bot.log.all.joined(separator: "\n")
        #expect(!log.contains("correct-horse-42"))
        #expect(log.contains("AUTHENTICATE ***"))
        #expect(!log.contains(Data("newsbot\0newsbot\0correct-horse-42".utf8).base64EncodedString()))

        let wrong = try BotProcess(
            [
                "--server", "127.0.0.1", "--port", "\(server.port)", "--nick", "wrongbot", "--channel", "#news",
                "--sasl-account", "newsbot",
            ],
            environment: ["FACTBOT_SASL_PASSWORD": "not-it"])
        #expect(wrong.log.wait(timeout: 15, containing: "SASL login failed") != nil)
        #expect(ann.expect(timeout: 15) { $0.command == "JOIN" && $0.nick == "wrongbot" } != nil, "registers anyway, unauthenticated")
        _ = wrong.terminate()

        // With sasl_required the same wrong password stops the bot: exit 1, no reconnect.
        let strict = try BotProcess(
            [
                "--server", "127.0.0.1", "--port", "\(server.port)", "--nick", "strictbot", "--channel", "#news",
                "--sasl-account", "newsbot", "--sasl-required",
            ],
            environment: ["FACTBOT_SASL_PASSWORD": "not-it"])
        let deadline = Date().addingTimeInterval(15)
        while strict.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!strict.process.isRunning && strict.process.terminationStatus == 1)
        #expect(strict.log.all.contains { $0.contains("SASL login failed and sasl_required is set") }, "\(strict.log.all.suffix(10))")
        #expect(strict.log.all.filter { $0.contains("connecting to") }.count == 1, "no second try")
        #expect(ann.collect(for: 0.5).allSatisfy { !($0.command == "JOIN" && $0.nick == "strictbot") })
    }
}
