import Foundation
import Testing

@Suite("The factbot command line")
struct CommandLineTests {
    @Test func askOneQuestion() throws {
        let result = try FactbotProcess.run(["ask", "how", "much", "r", "they", "paid??"])
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        #expect(result.stdout.contains("18,000 yuan"))
        #expect(result.stdout.contains("https://dev.ua/"))
    }

    @Test func askJSONAnswersEveryLineInOrder() throws {
        var input = Data()
        let questions = [
            "How many Chinese serve in the Russian army?", "", "what is the capital of france", "hi",
            String(repeating: "very long question ", count: 6_000), "\u{1}\u{7}control\u{1B}[0m chars",
        ]
        for question in questions { input += Data((question + "\n").utf8) }
        input += Data([0x64, 0x6F, 0x75, 0xFF, 0xFE, 0x79, 0x69, 0x6E, 0x3F, 0x0A])  // "dou\xFF\xFEyin?" invalid UTF-8
        let result = try FactbotProcess.run(["ask", "--json"], input: input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.lines
        #expect(lines.count == questions.count + 1)
        var objects: [[String: Any]] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["question", "answered", "answer", "confidence", "fact", "source"])
            objects.append(object)
        }
        #expect(objects[0]["question"] as? String == questions[0])
        #expect(objects[0]["answered"] as? Bool == true)
        #expect((objects[0]["answer"] as? String)?.contains("155") == true)
        #expect(objects[0]["source"] as? String != nil)
        for index in [1, 2, 3] {
            #expect(objects[index]["answered"] as? Bool == false)
            #expect(objects[index]["fact"] is NSNull)
            #expect(objects[index]["source"] is NSNull)
        }
    }

    @Test func pipedReplSession() throws {
        let result = try FactbotProcess.run([], input: "how much r they paid\n\n/why\n/sources\n/quit\nwho is chai jing\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("18,000 yuan"))
        #expect(result.stdout.contains("answer: monthly-salary"))
        #expect(result.stdout.contains("devua-2025-04-11: "))
        #expect(!result.stdout.contains("Chai Jing"))  // nothing after /quit
        #expect(!result.stdout.contains("factbot>"))  // no prompt when piped
    }

    @Test func replEndsCleanlyAtEndOfInput() throws {
        let result = try FactbotProcess.run(["repl"], input: "douyin?")
        #expect(result.status == 0)
        #expect(result.stdout.contains("TikTok"))
    }

    @Test func checkPassesOnTheShippedKnowledge() throws {
        let result = try FactbotProcess.run(["check", "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("all examples reach their facts"))
        #expect(result.stdout.contains("knowledge with settings from bot.conf:"))
        let defaults = try FactbotProcess.run(["check", "--config", "/dev/null"])
        #expect(defaults.stdout.contains("settings from /dev/null"))
    }

    @Test func longHelpIsInParagraphsNotLinesBrokenMidSentence() throws {
        for command in ["irc", "run", "refresh", "check", "repl"] {
            let help = try FactbotProcess.run([command, "--help"]).stdout
            let discussion = help.components(separatedBy: "USAGE:")[0].split(separator: "\n", omittingEmptySubsequences: false)
            // Wrapped by the parser to the terminal, a paragraph's lines are long but for
            // its last; a short line that does not end a sentence was broken in the source.
            for (line, next) in zip(discussion, discussion.dropFirst()) where !line.isEmpty && !next.isEmpty && line.count < 50 && !line.hasSuffix(".") {
                Issue.record("\(command) --help breaks a sentence after \"\(line)\"")
            }
        }
    }

    @Test func helpOnEveryCommand() throws {
        let root = try FactbotProcess.run(["--help"])
        #expect(root.status == 0)
        for command in ["ask", "repl", "irc", "check", "bench"] {
            #expect(root.stdout.contains(command))
            let result = try FactbotProcess.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("--knowledge"))
            #expect(result.stdout.contains("--config"))
        }
    }

    @Test func aMisspeltCommandIsNamedNotHandedToTheREPL() throws {
        let result = try FactbotProcess.run(["aks", "douyin?"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no command \"aks\" (did you mean \"ask\"?)"))
        #expect(result.stdout.isEmpty)
    }

    @Test func wordNetLinksAreCompiledOnceAndReadBackAndACorruptFileIsRebuilt() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = FactbotProcess.root.appendingPathComponent("knowledge").path
        let state = folder.appendingPathComponent("state")
        let ask = ["ask", "--json", "--knowledge", knowledge, "--state-dir", state.path, "what is the monthly remuneration"]
        let first = try FactbotProcess.run(ask)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("18,000"), "\(first.stdout)")
        let index = state.appendingPathComponent("index")
        let files = try FileManager.default.contentsOfDirectory(atPath: index.path).filter { $0.hasSuffix(".links") }
        try #require(files.count == 1)
        let file = index.appendingPathComponent(files[0])
        let compiled = try Data(contentsOf: file)
        #expect(try FactbotProcess.run(ask).stdout == first.stdout)
        #expect(try Data(contentsOf: file) == compiled)  // read back, not written again

        var corrupt = compiled
        corrupt[corrupt.count / 2] ^= 0xff
        try corrupt.write(to: file)
        let again = try FactbotProcess.run(ask)
        #expect(again.status == 0 && again.stdout == first.stdout, "\(again.stderr)")
        #expect(try Data(contentsOf: file) == compiled)  // refused and rebuilt

        let check = try FactbotProcess.run(["check", "--knowledge", knowledge, "--state-dir", state.path])
        #expect(check.stdout.contains("words linked through WordNet"), "\(check.stdout)")
    }

    @Test func withoutWordNetItMatchesWithTheWordListsAndCheckSaysSo() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[answer]\nwordnet = /nonexistent/wordnet\n".write(to: folder.appendingPathComponent("bot.conf"), atomically: true, encoding: .utf8)
        let knowledge = FactbotProcess.root.appendingPathComponent("knowledge").path
        let ask = try FactbotProcess.run(["ask", "--knowledge", knowledge, "--config", "bot.conf", "how much r they paid"], in: folder)
        #expect(ask.status == 0 && ask.stdout.contains("18,000"))
        let check = try FactbotProcess.run(["check", "--knowledge", knowledge, "--config", "bot.conf"], in: folder)
        #expect(check.stderr.contains("WordNet is not at /nonexistent/wordnet"), "\(check.stderr)")
        #expect(check.stderr.contains("wordnet-base"))
    }

    @Test func sourcesWithoutFactsAnswerAboutTheSourcesAndRefresh() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = folder.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
        try """
        - id: ferry
          url: http://127.0.0.1:9/ferry.html
          title: Ferry strike ends
          author: Dana Reed
          publisher: Harbour Gazette
          published: 2026-03-02
        """.write(to: knowledge.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        let ask = try FactbotProcess.run(["ask", "--knowledge", "knowledge", "who wrote the article?"], in: folder)
        #expect(ask.status == 0, "\(ask.stderr)")
        #expect(ask.stdout.contains("Dana Reed wrote the Harbour Gazette article"))
        let check = try FactbotProcess.run(["check", "--knowledge", "knowledge"], in: folder)
        #expect(check.status == 0 && check.stdout.contains("0 facts (and 5 about the sources)"), "\(check.stdout)\(check.stderr)")
        try FileManager.default.removeItem(at: knowledge.appendingPathComponent("sources.yaml"))
        try "[]".write(to: knowledge.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        let empty = try FactbotProcess.run(["ask", "--knowledge", "knowledge", "hello"], in: folder)
        #expect(empty.status == 2 && empty.stderr.contains("nothing to answer from"))
    }

    @Test func missingConfigMeansDefaults() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = FactbotProcess.root.appendingPathComponent("knowledge").path
        let result = try FactbotProcess.run(["ask", "--knowledge", knowledge, "douyin?"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("TikTok"))
    }
}

@Suite("Bad knowledge and configuration: file:line, exit status 2, nothing written")
struct BadInputTests {
    /// A copy of the shipped knowledge in a temporary folder, with `change` applied.
    func knowledgeCopy(_ change: (URL) throws -> Void) throws -> URL {
        let folder = try FactbotProcess.temporaryFolder()
        try FileManager.default.copyItem(at: FactbotProcess.root.appendingPathComponent("knowledge"), to: folder.appendingPathComponent("knowledge"))
        try change(folder.appendingPathComponent("knowledge"))
        return folder
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    @Test(
        "each malformed file gives file:line and status 2",
        arguments: [
            (
                "facts/extra.yaml", "- id: x\n  type: number\n  anwser: 3\n  questions: [q]\n  source: devua-2025-04-11\n",
                "facts/extra.yaml:3: unknown key \"anwser\""
            ),
            (
                "facts/extra.yaml", "- id: captured-in-donetsk\n  type: number\n  answer: 3\n  questions: [q]\n  source: devua-2025-04-11\n",
                "facts/extra.yaml:1: fact id \"captured-in-donetsk\" is already used"
            ),
            ("facts/extra.yaml", "- id: x\n  type: numbr\n  answer: 3\n  questions: [q]\n  source: devua-2025-04-11\n", "did you mean \"number\""),
            (
                "facts/extra.yaml", "- id: x\n  type: number\n  answer: 3\n  questions: [q]\n  source: nowhere\n",
                "facts/extra.yaml:5: fact \"x\" cites unknown source"
            ),  // the source: line
            ("facts/extra.yaml", "- id: x\n\ttype: number\n", "facts/extra.yaml:2: YAML syntax"),
            ("synonyms.txt", "pay, wage\nlonely\n", "synonyms.txt:2: a synonym group needs"),
            ("shorthand.txt", "r are\n", "shorthand.txt:1: expected"),
            ("sources.yaml", "- id: s\n  url: file:///etc/passwd\n  publisher: p\n  published: 2025-01-01\n", "sources.yaml:2: url must start with http"),
            ("facts/extra.yaml", "- id: x\n  answer: \"unterminated\n", "facts/extra.yaml:2: YAML syntax: a quote opened on this line is never closed"),
            (
                "sources.yaml", "- id: ../../etc/x\n  url: https://example.org/\n  publisher: p\n  published: 2025-01-01\n",
                "sources.yaml:1: id \"../../etc/x\" may hold only"
            ),
            ("facts/extra.yaml", "just a scalar\n", "facts/extra.yaml:1: expected a list of entries"),
            ("facts/extra.yaml", String(repeating: "a", count: 9_000_000), "facts/extra.yaml: file is 9000000 bytes; the limit is 8388608"),
            ("names.txt", "dover\n[peple]\ncalais\n", "names.txt:2: unknown section [peple] (did you mean \"people\"?)"),
            ("names.txt", "[sides]\nnorth, south\nsouth\n", "names.txt:3: \"south\" is already on another side"),
        ])
    func malformedKnowledge(file: String, content: String, expected: String) throws {
        let folder = try knowledgeCopy { knowledge in
            try content.write(to: knowledge.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try snapshot(folder)
        let result = try FactbotProcess.run(["ask", "--knowledge", "knowledge", "douyin?"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(try snapshot(folder) == before)
    }

    @Test func binaryFileIsRefusedWithItsLine() throws {
        let folder = try knowledgeCopy { knowledge in
            try Data("- id: x\n".utf8 + [0xC3, 0x28, 0x00, 0xFF]).write(to: knowledge.appendingPathComponent("facts/junk.yaml"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try FactbotProcess.run(["check", "--knowledge", "knowledge"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("knowledge/facts/junk.yaml:2: not UTF-8 text"))
    }

    @Test func missingKnowledgeFolder() throws {
        let result = try FactbotProcess.run(["ask", "--knowledge", "/nonexistent/knowledge", "hi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/knowledge: no such knowledge folder"))
    }

    @Test func configAndKnowledgeProblemsAreReportedTogether() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[answr]\n".write(to: folder.appendingPathComponent("bot.conf"), atomically: true, encoding: .utf8)
        let result = try FactbotProcess.run(["check", "--knowledge", "missing"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bot.conf:1: unknown section [answr]"))
        #expect(result.stderr.contains("missing: no such knowledge folder"))
    }

    @Test func aNamedConfigMustExist() throws {
        let result = try FactbotProcess.run(["ask", "--config", "/nonexistent/bot.conf", "hi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/bot.conf: no such configuration file"))
    }

    @Test func benchRefusesBadArguments() throws {
        #expect(try FactbotProcess.run(["bench", "--rounds", "0"]).status != 0)
        let result = try FactbotProcess.run(["bench", "--questions", "/nonexistent/questions.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read the file"))
    }

    @Test func malformedConfig() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[answer]\nmin_confidense = 0.4\n".write(to: folder.appendingPathComponent("bot.conf"), atomically: true, encoding: .utf8)
        let knowledge = FactbotProcess.root.appendingPathComponent("knowledge").path
        let result = try FactbotProcess.run(["check", "--knowledge", knowledge], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bot.conf:2: unknown key \"min_confidense\" in [answer] (did you mean \"min_confidence\"?)"))
    }

    @Test func ircHelpDocumentsEveryOption() throws {
        let help = try FactbotProcess.run(["irc", "--help"])
        #expect(help.status == 0)
        for option in [
            "--server", "--port", "--nick", "--channel", "--tls", "--tls-ca-file", "--tls-no-verify", "--sasl-account", "--verbose", "FACTBOT_SASL_PASSWORD",
        ] {
            #expect(help.stdout.contains(option), "\(option) missing from irc --help")
        }
    }

    @Test func ircRefusesBadOptionsBeforeConnecting() throws {
        let channel = try FactbotProcess.run(["irc", "--channel", "news"])
        #expect(channel.status == 64)
        #expect(channel.stderr.contains("\"news\" is not a channel"))
        let nick = try FactbotProcess.run(["irc", "--nick", "9lives"])
        #expect(nick.status == 64)
        #expect(nick.stderr.contains("not a valid nick"))
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[irc]\nchannels = #ok nope\n".write(to: folder.appendingPathComponent("bot.conf"), atomically: true, encoding: .utf8)
        let knowledge = FactbotProcess.root.appendingPathComponent("knowledge").path
        let config = try FactbotProcess.run(["irc", "--knowledge", knowledge], in: folder)
        #expect(config.status == 2)
        #expect(config.stderr.contains("bot.conf:2: channels: \"nope\" is not a channel"))
        let ca = try FactbotProcess.run(["irc", "--tls", "--tls-ca-file", "/nonexistent/ca.pem"])
        #expect(ca.status == 2)
        #expect(ca.stderr.contains("tls_ca_file: cannot read /nonexistent/ca.pem"))
    }
}
