import Foundation
import Testing

@Suite("factbot bench: accuracy and declines from a question file")
struct BenchCommandTests {
    @Test func scoresAQuestionFileWithExpectedFacts() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let questions = folder.appendingPathComponent("questions.tsv")
        try """
        # question<TAB>fact that should answer, or - for none
        how much r they paid??\tmonthly-salary
        How many Chinese serve in the Russian army?\tchinese-servicemen-count
        douyin?\tmonthly-salary
        what is the capital of france\t-
        asdf qwerty zxcv\t-

        """.write(to: questions, atomically: true, encoding: .utf8)
        let result = try FactbotProcess.run(["bench", "--questions", questions.path, "--rounds", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["questions"] as? Int == 5)
        #expect(object["matchable"] as? Int == 3)
        #expect(object["nomatch"] as? Int == 2)
        #expect(abs((object["top1"] as? Double ?? 0) - 2.0 / 3) < 1e-9)  // douyin? is not about pay
        #expect(object["nomatch_declined"] as? Double == 1)
        let p50 = try #require(object["p50_us"] as? Double)
        let p99 = try #require(object["p99_us"] as? Double)
        #expect(p50 > 0 && p50 <= p99)
        #expect((object["peak_rss_mb"] as? Double ?? 0) > 1)
    }

    @Test func aMalformedQuestionFileGivesItsLine() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let questions = folder.appendingPathComponent("questions.tsv")
        try "douyin?\tmonthly-salary\nthree\tcolumns\there\n".write(to: questions, atomically: true, encoding: .utf8)
        let result = try FactbotProcess.run(["bench", "--questions", questions.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("questions.tsv:2: expected a question, a tab and a fact id"), "\(result.stderr)")
    }
}

@Suite("The index cache of a large fact base")
struct IndexCacheTests {
    static let facts = 2000

    /// A made-up word for fact `n`, unlike any other's ("qzbaaa" ...).
    static func word(_ n: Int) -> String {
        var n = n
        var letters = ""
        for _ in 0..<4 {
            letters.append(Character(Unicode.Scalar(UInt8(97 + n % 26))))
            n /= 26
        }
        return "qz" + letters
    }

    /// A knowledge folder of `facts` facts (the shipped word lists and sources) under a new folder.
    func largeKnowledge() throws -> URL {
        let folder = try FactbotProcess.temporaryFolder()
        let knowledge = folder.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: knowledge.appendingPathComponent("facts"), withIntermediateDirectories: true)
        for name in ["sources.yaml", "synonyms.txt", "shorthand.txt", "stopwords.txt", "weakwords.txt", "names.txt"] {
            try FileManager.default.copyItem(
                at: FactbotProcess.root.appendingPathComponent("knowledge/\(name)"),
                to: knowledge.appendingPathComponent(name))
        }
        var yaml = ""
        for n in 0..<Self.facts {
            yaml += "- id: f\(n)\n  type: [number]\n  answer: The \(Self.word(n)) count is \(1000 + n).\n"
            yaml += "  questions: [How many \(Self.word(n)) are there?]\n  source: devua-2025-04-11\n"
        }
        try yaml.write(to: knowledge.appendingPathComponent("facts/many.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func cacheFiles(_ state: URL) -> [URL] {
        let index = state.appendingPathComponent("index")
        return ((try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? [])
            .filter { $0.hasSuffix(".fbindex") }.map { index.appendingPathComponent($0) }
    }

    func ask(_ question: String, in folder: URL) throws -> FactbotProcess.Result {
        try FactbotProcess.run(["ask", "--knowledge", "knowledge", "--state-dir", "state", question], in: folder)
    }

    @Test func builtOnceReadBackAndRebuiltWhenAFactChanges() throws {
        let folder = try largeKnowledge()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        let question = "how many \(Self.word(1234)) r there"

        let first = try ask(question, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("count is 2234"))
        let cache = try #require(cacheFiles(state).first)
        let written = try FileManager.default.attributesOfItem(atPath: cache.path)[.modificationDate] as? Date

        let second = try ask(question, in: folder)  // from the cache: same answer, cache untouched
        #expect(second.stdout == first.stdout)
        #expect(try FileManager.default.attributesOfItem(atPath: cache.path)[.modificationDate] as? Date == written)

        let facts = folder.appendingPathComponent("knowledge/facts/many.yaml")
        let edited = try String(contentsOf: facts, encoding: .utf8).replacingOccurrences(of: "count is 2234.", with: "count is 99999.")
        try edited.write(to: facts, atomically: true, encoding: .utf8)
        let third = try ask(question, in: folder)
        #expect(third.stdout.contains("count is 99999"), "\(third.stdout)")
        #expect(cacheFiles(state).count == 1)

        // a word list is part of the index too: a new synonym group rebuilds it
        let rebuiltAfterFact = try Data(contentsOf: cache)
        let synonyms = folder.appendingPathComponent("knowledge/synonyms.txt")
        try (String(contentsOf: synonyms, encoding: .utf8) + "\n\(Self.word(1234)), zzwidget\n").write(to: synonyms, atomically: true, encoding: .utf8)
        let fourth = try ask("how many zzwidget are there", in: folder)
        #expect(fourth.stdout.contains("count is 99999"), "\(fourth.stdout)")
        #expect(try Data(contentsOf: cache) != rebuiltAfterFact)
    }

    @Test func aCorruptCacheIsRebuiltNotTrusted() throws {
        let folder = try largeKnowledge()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        let question = "how many \(Self.word(77))?"
        let first = try ask(question, in: folder)
        let cache = try #require(cacheFiles(state).first)
        let good = try Data(contentsOf: cache)

        for corrupt in [good.prefix(good.count / 2), Data(good.map { $0 ^ 0x5A }), Data("junk".utf8)] {
            try corrupt.write(to: cache)
            let again = try ask(question, in: folder)
            #expect(again.status == 0)
            #expect(again.stdout == first.stdout)
            #expect(again.stderr.isEmpty, "\(again.stderr)")
            #expect(try Data(contentsOf: cache) == good)  // rewritten whole
        }
    }

    @Test func anUnwritableStateFolderIsOnlyAWarning() throws {
        let folder = try largeKnowledge()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a folder".write(to: folder.appendingPathComponent("state"), atomically: true, encoding: .utf8)
        let result = try ask("how many \(Self.word(5))?", in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("count is 1005"))
        #expect(result.stderr.contains("warning:") && result.stderr.contains("index cache"), "\(result.stderr)")
    }
}

@Suite("The benchmark generator")
struct GeneratorTests {
    func generate(seed: Int, into folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", FactbotProcess.root.appendingPathComponent("Benchmarks/generate.py").path,
            "--facts", "600", "--questions", "300", "--seed", "\(seed)", "--out", folder.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    func contents(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    @Test func theSameSeedGivesTheSameFilesAndFactbotAnswersThem() throws {
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (a, b, c) = (folder.appendingPathComponent("a"), folder.appendingPathComponent("b"), folder.appendingPathComponent("c"))
        try generate(seed: 7, into: a)
        try generate(seed: 7, into: b)
        try generate(seed: 8, into: c)
        #expect(contents(a) == contents(b))
        #expect(contents(a) != contents(c))

        let questions = try String(contentsOf: a.appendingPathComponent("questions.tsv"), encoding: .utf8)
        let lines = questions.split(separator: "\n")
        #expect(lines.count == 300 + 300 / 9)
        #expect(lines.filter { $0.hasSuffix("\t-") }.count == 300 / 9)

        // The generated base is valid knowledge, and factbot finds most facts and declines the rest.
        let result = try FactbotProcess.run([
            "bench", "--knowledge", a.appendingPathComponent("knowledge").path,
            "--questions", a.appendingPathComponent("questions.tsv").path,
            "--rounds", "1", "--json", "--state-dir", folder.appendingPathComponent("state").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["facts"] as? Int == 600)
        #expect((object["top1"] as? Double ?? 0) > 0.85, "\(result.stdout)")
        #expect((object["nomatch_declined"] as? Double ?? 0) > 0.85, "\(result.stdout)")
    }
}
