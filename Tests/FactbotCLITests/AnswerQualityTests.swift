import Foundation
import Testing

/// The project's own question sets, each written by someone who had not seen the fact
/// base: other people's phrasings (chat shorthand, misspellings, synonyms, newsroom
/// terseness) and questions the bot must decline. Scored the way
/// ../shared/eval/score.py scores, through `factbot ask --json`. `paraphrases.tsv` was
/// used while tuning; `holdout.tsv` was written later and is the fairer measure.
@Suite("Answer quality on held-out phrasings")
struct AnswerQualityTests {
    struct Case {
        var id: String
        var expect: String
        var question: String
    }

    static func cases(_ name: String) throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { return nil }
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            return parts.count == 3 ? Case(id: parts[0], expect: parts[1], question: parts[2]) : nil
        }
    }

    /// Each set with a floor a little under the score measured when this test was last
    /// tuned (see the README), so a change that makes matching worse fails here.
    @Test(arguments: [("paraphrases.tsv", 0.85, 0.85), ("holdout.tsv", 0.75, 0.65)])
    func scoreStaysHigh(set: String, floor: Double, refusalFloor: Double) throws {
        let cases = try Self.cases(set)
        #expect(cases.count > 100)
        let input = cases.map { $0.question + "\n" }.joined()
        let result = try FactbotProcess.run(["ask", "--json"], input: input)
        #expect(result.status == 0)
        let lines = result.lines
        try #require(lines.count == cases.count)
        var passed = 0, refusals = 0, refusedRight = 0
        var failures: [String] = []
        for (item, line) in zip(cases, lines) {
            let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let answered = reply["answered"] as? Bool ?? false
            let text = reply["answer"] as? String ?? ""
            let ok: Bool
            if item.expect == "refuse" {
                refusals += 1
                ok = !answered
                if ok { refusedRight += 1 }
            } else {
                ok = answered && reply["source"] is String && item.expect.components(separatedBy: " && ").allSatisfy {
                    text.range(of: $0.trimmingCharacters(in: .whitespaces), options: [.regularExpression, .caseInsensitive]) != nil
                }
            }
            if ok { passed += 1 } else { failures.append("\(item.id) \(item.question) -> \(text.prefix(80))") }
        }
        let score = Double(passed) / Double(cases.count)
        print("\(set): \(passed)/\(cases.count) (\(Int(score * 100))%), refusals \(refusedRight)/\(refusals)")
        #expect(score >= floor, "failures:\n\(failures.joined(separator: "\n"))")
        #expect(Double(refusedRight) >= Double(refusals) * refusalFloor, "failures:\n\(failures.joined(separator: "\n"))")
    }
}
