import Foundation
import Testing

/// Several outlets on one story, end to end: pages written for these tests
/// (Fixtures/multisource) served on loopback, fetched by `factbot refresh`, answered by
/// `factbot ask` from facts linked as confirming, disputing and updating each other; then
/// `check --coverage` and `draft` on a source with sentences no fact tells yet.
@Suite("Several sources, end to end", .serialized)
struct MultiSourceTests {
    static let facts = """
        - id: g-count
          type: number
          answer: Two sailors from the trawler Grey Heron were detained at Lowmere on Sunday.
          questions: [How many sailors were detained?, how many sailors r held at lowmere]
          source: gazette
        - id: g-job
          type: description
          answer: The older sailor had worked as a ferry cook, his family said.
          questions: [What job did the older sailor do?]
          source: gazette
        - id: g-port
          type: place
          answer: The sailors were detained at the port of Lowmere.
          questions: [Where were the sailors detained?]
          source: gazette
        - id: c-job
          type: description
          answer: The older sailor said he had always worked as a deckhand.
          questions: [What was the older sailor's job?]
          source: courier
          disputes: g-job
        - id: c-port
          type: place
          answer: The sailors are held in Lowmere's port.
          questions: [In which port are the sailors held?]
          source: courier
          confirms: g-port
        - id: w-count
          type: number
          answer: Four sailors are now held at Lowmere after two more crew members were taken off the Grey Heron, the harbour master said on Thursday.
          questions: [How many sailors are held now?]
          source: wire
          updates: g-count

        """

    struct Fixture {
        let folder: URL
        let port: Int
        let server: Process
        let input: Pipe
        var state: String { folder.appendingPathComponent("state").path }
        func url(_ page: String) -> String { "http://127.0.0.1:\(port)/files/\(page).html" }

        func run(_ arguments: [String], input: String = "") throws -> FactbotProcess.Result {
            try FactbotProcess.run(arguments + ["--knowledge", "knowledge", "--state-dir", state, "--config", "bot.conf"], input: input, in: folder)
        }

        func ask(_ question: String) throws -> [String: Any] {
            let result = try run(["ask", "--json", question])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }

        func stop() {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// A knowledge folder citing the three pages, the pages served on loopback and fetched.
    func fixture() throws -> Fixture {
        let folder = try FactbotProcess.temporaryFolder()
        // served from a copy: the server writes its request log into the folder it serves
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.copyItem(at: FactbotProcess.root.appendingPathComponent("Tests/FactbotCLITests/Fixtures/multisource"), to: pages)
        let (server, input, port) = try FactbotProcess.httpServer(serving: pages)
        let fixture = Fixture(folder: folder, port: port, server: server, input: input)

        let knowledge = folder.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: knowledge.appendingPathComponent("facts"), withIntermediateDirectories: true)
        let sources = [
            ("gazette", "Harbour Gazette", "2026-03-02", "Sailors detained at Lowmere"),
            ("courier", "Courier", "2026-03-04", "Detained sailors speak"),
            ("wire", "Coast Wire", "2026-03-06", "More sailors held at Lowmere"),
        ]
        .map { "- id: \($0.0)\n  url: \(fixture.url($0.0))\n  title: \($0.3)\n  publisher: \($0.1)\n  published: \($0.2)\n" }
        try sources.joined().write(to: knowledge.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        try Self.facts.write(to: knowledge.appendingPathComponent("facts/sailors.yaml"), atomically: true, encoding: .utf8)
        for list in ["stopwords.txt", "shorthand.txt"] {
            try FileManager.default.copyItem(
                at: FactbotProcess.root.appendingPathComponent("knowledge/\(list)"),
                to: knowledge.appendingPathComponent(list))
        }
        try "[answer]\nwordnet =\n".write(to: folder.appendingPathComponent("bot.conf"), atomically: true, encoding: .utf8)
        let refresh = try fixture.run(["refresh"])
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stdout.contains("3 fetched"), "\(refresh.stdout)")
        return fixture
    }

    @Test(.timeLimit(.minutes(2)))
    func whoSaysWhat() throws {
        let fixture = try fixture()
        defer { fixture.stop() }

        // a disagreement: both outlets, newest first, each with its page
        let job = try #require(try fixture.ask("what job did the older sailor have?")["answer"] as? String)
        #expect(job.hasPrefix("Sources differ. Courier: The older sailor said he had always worked as a deckhand."), "\(job)")
        #expect(job.contains("Harbour Gazette: The older sailor had worked as a ferry cook"), "\(job)")
        #expect(job.contains(fixture.url("courier")) && job.contains(fixture.url("gazette")), "\(job)")

        // an update: the newest figure first, with its date, the earlier one after it
        let count = try #require(try fixture.ask("how many sailors were detained")["answer"] as? String)
        #expect(
            count.hasPrefix(
                "Four sailors are now held at Lowmere after two more crew members were taken off the Grey Heron, the harbour master said on Thursday. (Coast Wire, 6 March 2026: \(fixture.url("wire")))"
            ), "\(count)")
        #expect(
            count.contains("Earlier: Two sailors from the trawler Grey Heron were detained at Lowmere on Sunday. (Harbour Gazette, 2 March 2026"), "\(count)")

        // agreement: one account, both outlets cited
        let port = try #require(try fixture.ask("where are the sailors held?")["answer"] as? String)
        #expect(port.contains("(Courier, 4 March 2026: \(fixture.url("courier")); also Harbour Gazette, 2 March 2026: \(fixture.url("gazette")))"), "\(port)")

        // a question about "the article" when there are three: each one's answer
        let dates = try #require(try fixture.ask("when was the article published?")["answer"] as? String)
        for date in ["6 March 2026", "4 March 2026", "2 March 2026"] { #expect(dates.contains(date), "\(dates)") }
    }

    @Test(.timeLimit(.minutes(2)))
    func coverageAndDraft() throws {
        let fixture = try fixture()
        defer { fixture.stop() }

        let coverage = try fixture.run(["check", "--coverage"])
        #expect(coverage.status == 0, "\(coverage.stderr)")
        #expect(coverage.stdout.contains("wire: 1 of 4 sentences told by its facts; not yet:"), "\(coverage.stdout)")
        #expect(coverage.stdout.contains("nine thousand crowns"), "\(coverage.stdout)")

        // never into the knowledge folder
        let refused = try fixture.run(["draft", "wire", "--output", "knowledge/facts/draft.yaml"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("never written into the knowledge folder"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("knowledge/facts/draft.yaml").path))
        let unknown = try fixture.run(["draft", "wires"])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean \"wire\""), "\(unknown.stderr)")

        let draft = try fixture.run(["draft", "wire", "--output", "draft.yaml"])
        #expect(draft.status == 0, "\(draft.stderr)")
        let text = try String(contentsOf: fixture.folder.appendingPathComponent("draft.yaml"), encoding: .utf8)
        #expect(text.contains("nine thousand crowns"))
        #expect(!text.contains("Four sailors are now held"))  // told by w-count already

        // accepted as it is, the draft passes check and answers its own example questions
        try FileManager.default.copyItem(
            at: fixture.folder.appendingPathComponent("draft.yaml"),
            to: fixture.folder.appendingPathComponent("knowledge/facts/draft.yaml"))
        let check = try fixture.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        // and says what is left to review: every drafted fact is marked as a draft
        #expect((check.stdout + check.stderr).contains("draft.yaml:"), "\(check.stdout)\(check.stderr)")
        #expect((check.stdout + check.stderr).contains("no one has reviewed yet (draft: true)"), "\(check.stdout)\(check.stderr)")
        #expect(text.components(separatedBy: "\n  draft: true\n").count - 1 == text.components(separatedBy: "\n- id: ").count - 1)
        var examples: [(id: String, question: String)] = []
        var id = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("- id: ") { id = String(line.dropFirst(6)) }
            if line.hasPrefix("    - '") { examples.append((id, String(line.dropFirst(7).dropLast()).replacingOccurrences(of: "''", with: "'"))) }
        }
        #expect(examples.count >= 3)
        let answers = try fixture.run(["ask", "--json"], input: examples.map(\.question).joined(separator: "\n") + "\n")
        let facts = answers.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["fact"] as? String
        }
        #expect(facts == examples.map(\.id), "\(answers.stdout)")
    }
}
