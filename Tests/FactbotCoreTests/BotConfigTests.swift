import FactbotCore
import FactbotConfig
import Testing

@Suite("bot.conf")
struct BotConfigTests {
    func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try BotConfig.parse(text, file: "bot.conf")
            return []
        } catch {
            return error.all
        }
    }

    @Test func emptyMeansDefaults() throws {
        #expect(try BotConfig.parse("", file: "bot.conf") == BotConfig())
        #expect(try BotConfig.parse("# only comments\n; too\n", file: "bot.conf") == BotConfig())
    }

    @Test func readsValues() throws {
        let config = try BotConfig.parse("[answer]\nmin_confidence = 0.7 # stricter\nsuggestions=1\n", file: "bot.conf")
        #expect(config.answer.minimumConfidence == 0.7)
        #expect(config.answer.suggestions == 1)
    }

    @Test func theShippedFileHoldsTheDefaults() throws {
        let text = try String(contentsOf: ShippedKnowledge.folder.deletingLastPathComponent().appendingPathComponent("bot.conf"), encoding: .utf8)
        #expect(try BotConfig.parse(text, file: "bot.conf") == BotConfig())
    }

    @Test func windowsLineEndingsAreLinesToo() {
        #expect(problems("# c\r\n[answer]\r\nmin_confidence = 5\r\n").map(\.description) == ["bot.conf:3: min_confidence: expected a number from 0 to 1, got \"5\""])
    }

    @Test func errorsHaveLinesAndSuggestions() {
        #expect(problems("[answr]\n").map(\.description) == ["bot.conf:1: unknown section [answr] (did you mean \"answer\"?); known: [answer]"])
        #expect(problems("[answer]\nmin_confidense = 0.5\n")[0].description.hasPrefix("bot.conf:2: unknown key \"min_confidense\" in [answer] (did you mean \"min_confidence\"?)"))
        #expect(problems("[answer]\nmin_confidence = high\n")[0].description == "bot.conf:2: min_confidence: expected a number from 0 to 1, got \"high\"")
        #expect(problems("[answer]\nmin_confidence = 1.5\n")[0].line == 2)
        #expect(problems("[answer]\nsuggestions = 9\n")[0].line == 2)
        #expect(problems("min_confidence = 0.5\n")[0].message.contains("before any [section]"))
        #expect(problems("[answer]\njust words\n")[0].description == "bot.conf:2: expected \"key = value\", got \"just words\"")
        #expect(problems("[answer\n")[0].line == 1)
        #expect(problems("[answer]\nsuggestions = 1\nsuggestions = 2\n")[0].message.contains("already set"))
    }
}
