import FactbotCore
import FactbotLoader
import Foundation
import Testing

/// A knowledge folder in a temporary folder, written file by file.
struct Scratch {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "factbot-loader-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root + "/knowledge/facts", withIntermediateDirectories: true)
    }

    var knowledge: String { root + "/knowledge" }

    func write(_ path: String, _ text: String) {
        let full = root + "/" + path
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
    }

    func paths(config: String? = nil) -> Bot.Paths {
        Bot.Paths(knowledge: knowledge, config: config ?? "/dev/null", stateDirectory: root + "/state")
    }

    static let sources = """
        - id: harbour
          url: https://example.org/harbour
          publisher: Example News
          published: 2025-04-11
        """

    static func fact(_ answer: String) -> String {
        """
        - id: held
          answer: \(answer)
          questions:
            - how many containers are held?
          type: number
          source: harbour
        """
    }
}

@Suite struct BotReloadTests {
    @Test func reloadSwapsInTheEditedKnowledge() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        scratch.write("knowledge/facts/port.yaml", Scratch.fact("About 1,240 containers are held at the quay."))
        let bot = try Bot(paths: Bot.Paths(knowledge: scratch.knowledge, stateDirectory: scratch.root + "/state"))
        #expect(bot.answerer.answer("how many containers are held?").reply.contains("1,240"))

        scratch.write("knowledge/facts/port.yaml", Scratch.fact("About 2,000 containers are held at the quay."))
        let result = bot.reload()
        #expect((try? result.get()) != nil)
        #expect(bot.answerer.answer("how many containers are held?").reply.contains("2,000"))
    }

    @Test func aBrokenFileKeepsTheOldAnswererAndNamesTheLine() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        scratch.write("knowledge/facts/port.yaml", Scratch.fact("About 1,240 containers are held at the quay."))
        let bot = try Bot(paths: Bot.Paths(knowledge: scratch.knowledge, stateDirectory: scratch.root + "/state"))

        scratch.write("knowledge/facts/port.yaml", Scratch.fact("About 2,000 containers are held.") + "\n  tpye: number\n")
        guard case .failure(let error) = bot.reload() else {
            Issue.record("a broken fact file was accepted")
            return
        }
        #expect(error.description.contains("port.yaml:7"))
        #expect(error.description.contains("unknown key \"tpye\""))
        #expect(bot.answerer.answer("how many containers are held?").reply.contains("1,240"))
    }

    @Test func settingsSwapInWithTheKnowledge() throws {
        let scratch = Scratch()
        scratch.write("knowledge/sources.yaml", Scratch.sources)
        scratch.write("knowledge/facts/port.yaml", Scratch.fact("About 1,240 containers are held at the quay."))
        scratch.write("bot.conf", "[answer]\nmin_confidence = 0.6\n")
        let bot = try Bot(paths: scratch.paths(config: scratch.root + "/bot.conf"))
        #expect(bot.loaded.config.answer.minimumConfidence == 0.6)
        #expect(bot.loaded.configFile == scratch.root + "/bot.conf")
        scratch.write("bot.conf", "[answer]\nmin_confidence = 0.8\n")
        _ = bot.reload()
        #expect(bot.loaded.config.answer.minimumConfidence == 0.8)
        #expect(bot.answerer.settings.minimumConfidence == 0.8)
    }
}
