import Foundation
import Testing

/// The project's own question sets, each written by someone who had seen only the article
/// (never the fact base or the code): other people's phrasings (chat shorthand,
/// misspellings, words the article does not use, newsroom terseness) and questions the bot
/// must decline. Scored the way ../shared/eval/score.py and wrong_rate.py score, through
/// `factbot ask --json`. `paraphrases.tsv`, `holdout.tsv` and `tuning-a.tsv` were used while
/// tuning; `untuned-b.tsv` and `untuned-c.tsv` never were: only their totals were looked at.
@Suite("Answer quality on held-out phrasings")
struct AnswerQualityTests {
    struct Case {
        var id: String
        var expect: String
        var question: String
    }

    struct Score {
        var total = 0, passed = 0, refusals = 0, refusedRight = 0, wrong = 0
        var failures: [String] = []
        var right: Double { Double(passed) / Double(max(total, 1)) }
        var wrongShare: Double { Double(wrong) / Double(max(total, 1)) }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func cases(_ name: String) throws -> [Case] {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { return nil }
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            return parts.count == 3 ? Case(id: parts[0], expect: parts[1], question: parts[2]) : nil
        }
    }

    /// Asks every question of `set` through `factbot ask --json` (with `arguments`) and scores the replies.
    static func score(_ set: String, _ arguments: [String] = [], in directory: URL = FactbotProcess.root) throws -> Score {
        let cases = try Self.cases(set)
        #expect(cases.count > 100)
        let result = try FactbotProcess.run(
            ["ask", "--json"] + arguments, input: Data(cases.map { $0.question + "\n" }.joined().utf8),
            in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        try #require(lines.count == cases.count)
        var score = Score(total: cases.count)
        for (item, line) in zip(cases, lines) {
            let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let answered = reply["answered"] as? Bool ?? false
            let text = reply["answer"] as? String ?? ""
            let matches =
                item.expect != "refuse"
                && item.expect.components(separatedBy: " && ").allSatisfy {
                    text.range(of: $0.trimmingCharacters(in: .whitespaces), options: [.regularExpression, .caseInsensitive]) != nil
                }
            let ok = item.expect == "refuse" ? !answered : answered && reply["source"] is String && matches
            if item.expect == "refuse" {
                score.refusals += 1
                if ok { score.refusedRight += 1 }
            }
            if answered && !matches { score.wrong += 1 }
            if ok { score.passed += 1 } else { score.failures.append("\(item.id) \(item.question) -> \(text.prefix(80))") }
        }
        return score
    }

    /// Each set with a floor a little under the score measured when this was last tuned,
    /// and a ceiling a little over its confidently wrong answers (see the README), so a
    /// change that makes matching worse fails here.
    @Test(arguments: [
        ("paraphrases.tsv", 0.78, 0.9, 0.11), ("holdout.tsv", 0.73, 0.8, 0.09), ("tuning-a.tsv", 0.75, 0.85, 0.08),
        ("untuned-b.tsv", 0.77, 0.85, 0.10), ("untuned-c.tsv", 0.69, 0.85, 0.12),
        ("followups-d.tsv", 0.77, 0.9, 0.05), ("followups-e.tsv", 0.73, 0.85, 0.08),
        ("followups-f.tsv", 0.68, 0.88, 0.05), ("followups-g.tsv", 0.70, 0.9, 0.07),
        ("followups-h.tsv", 0.73, 0.88, 0.06), ("tuning-i.tsv", 0.73, 0.92, 0.05), ("followups-j.tsv", 0.71, 0.85, 0.05),
        ("followups-k.tsv", 0.75, 0.9, 0.06), ("followups-l.tsv", 0.65, 0.88, 0.05),
        ("followups-m.tsv", 0.79, 0.9, 0.05),
    ])
    func scoreStaysHigh(set: String, floor: Double, refusalFloor: Double, wrongCeiling: Double) throws {
        let score = try Self.score(set)
        print("\(set): \(score.passed)/\(score.total), refusals \(score.refusedRight)/\(score.refusals), wrong \(score.wrong)")
        #expect(score.right >= floor, "failures:\n\(score.failures.joined(separator: "\n"))")
        #expect(Double(score.refusedRight) >= Double(score.refusals) * refusalFloor, "failures:\n\(score.failures.joined(separator: "\n"))")
        #expect(score.wrongShare <= wrongCeiling, "failures:\n\(score.failures.joined(separator: "\n"))")
    }

    /// Before any fact is curated: the knowledge folder lists the article and nothing else,
    /// the article (../shared/sources, as captured) is fetched from loopback, and the
    /// questions are answered by quoting it.
    @Test(.timeLimit(.minutes(2)))
    func beforeCurationQuotesAnswer() throws {
        let article = FactbotProcess.root.deletingLastPathComponent()
            .appendingPathComponent("shared/sources/dev.ua-2025-04-11-russia-recruits-chinese.txt")
        let folder = try FactbotProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        let knowledge = folder.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: article, to: pages.appendingPathComponent("article.txt"))
        try FileManager.default.copyItem(at: FactbotProcess.root.appendingPathComponent("knowledge"), to: knowledge)
        try FileManager.default.removeItem(at: knowledge.appendingPathComponent("facts"))

        let (server, input, port) = try FactbotProcess.httpServer(serving: pages)
        defer {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
        }

        let state = folder.appendingPathComponent("state").path
        let refresh = try FactbotProcess.run(
            [
                "refresh", "--knowledge", "knowledge", "--state-dir", state,
                "--source", "devua-2025-04-11=http://127.0.0.1:\(port)/files/article.txt",
            ], in: folder)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        for (set, floor, wrongCeiling) in [("untuned-b.tsv", 0.59, 0.04), ("untuned-c.tsv", 0.52, 0.04)] {
            let score = try Self.score(set, ["--knowledge", "knowledge", "--state-dir", state], in: folder)
            print("before curation, \(set): \(score.passed)/\(score.total), wrong \(score.wrong)")
            #expect(score.right >= floor, "failures:\n\(score.failures.joined(separator: "\n"))")
            #expect(score.wrongShare <= wrongCeiling, "failures:\n\(score.failures.joined(separator: "\n"))")
        }
    }
}
