import FactbotCore
import Foundation

/// The questions a benchmark asks, each with the fact that should answer it when known.
struct BenchQuestions {
    /// One question; `expected` is a fact id, `.some(nil)` for "no fact answers this",
    /// and nil when the file does not say.
    struct Question {
        var text: String
        var expected: String??
    }

    var questions: [Question]

    /// Every example question of the knowledge (each expected to reach its own fact),
    /// plus a few that no fact answers.
    init(examplesOf knowledge: KnowledgeBase) {
        questions = knowledge.facts.flatMap { fact in fact.questions.map { Question(text: $0, expected: .some(fact.id)) } }
        questions += ["what is the capital of france", "tell me a joke", "asdf qwerty"].map { Question(text: $0, expected: .some(nil)) }
    }

    init(questions: [Question]) { self.questions = questions }

    /// Reads a question file: a question per line, optionally a tab and the expected fact
    /// id ("-" for none). Blank lines and lines starting with "#" are skipped.
    static func parse(_ text: String, file: String) throws(Diagnostics) -> BenchQuestions {
        var questions: [Question] = []
        for (number, line) in text.textLines.enumerated() {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count <= 2 else {
                throw Diagnostics([
                    Diagnostic(file: file, line: number + 1, "expected a question, a tab and a fact id (or \"-\"); found \(columns.count) columns")
                ])
            }
            let question = String(columns[0]).trimmingWhitespace()
            guard !question.isEmpty else {
                throw Diagnostics([Diagnostic(file: file, line: number + 1, "the question is empty")])
            }
            var expected: String?? = nil
            if columns.count == 2 {
                let id = String(columns[1]).trimmingWhitespace()
                expected = id == "-" ? .some(nil) : .some(id)
            }
            questions.append(Question(text: question, expected: expected))
        }
        guard !questions.isEmpty else { throw Diagnostics([Diagnostic(file: file, line: nil, "no questions in the file")]) }
        return BenchQuestions(questions: questions)
    }
}

/// What one benchmark run measured.
struct BenchResult {
    /// Per-question latencies in microseconds, sorted.
    var latencies: [Double]
    /// Wall time of the timed rounds, in seconds.
    var seconds: Double
    /// Questions answered per round.
    var answered: Int
    /// Questions with a known fact to reach, and how many reached it first.
    var matchable = 0, correct = 0
    /// Questions no fact answers, and how many were declined.
    var noMatch = 0, declined = 0
    /// Questions whose expected fact is not in the knowledge at all (a stale file).
    var unknownExpected = 0
    /// The slowest questions (median over the rounds), slowest first, in microseconds.
    var slowest: [(question: String, microseconds: Double)] = []

    /// The latency below which a share `p` of the questions fell.
    func percentile(_ p: Double) -> Double {
        latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    }
}

/// Times the answerer over a question set: one warm-up round that also scores the
/// answers, then `rounds` timed rounds, each question timed on its own.
enum Benchmark {
    static func run(_ answerer: Answerer, _ set: BenchQuestions, rounds: Int, slowest: Int = 0) -> BenchResult {
        var result = BenchResult(latencies: [], seconds: 0, answered: 0)
        let ids = Set(answerer.knowledge.facts.map(\.id))
        for question in set.questions {  // warm-up, scored
            let answer = answerer.answer(question.text)
            if answer.answered { result.answered += 1 }
            switch question.expected {
            case .some(.some(let id)):
                result.matchable += 1
                if !ids.contains(id) { result.unknownExpected += 1 }
                if answer.kind == .fact, answer.fact?.id == id { result.correct += 1 }
            case .some(.none):
                result.noMatch += 1
                if !answer.answered { result.declined += 1 }
            case .none:
                break
            }
        }
        var latencies: [Double] = []
        latencies.reserveCapacity(set.questions.count * rounds)
        let clock = ContinuousClock()
        let total = clock.measure {
            for _ in 0..<rounds {
                for question in set.questions {
                    let start = clock.now
                    let answer = answerer.answer(question.text)
                    latencies.append((clock.now - start).microseconds)
                    withExtendedLifetime(answer) {}
                }
            }
        }
        let count = set.questions.count
        let medians = (0..<count).map { index in
            (0..<rounds).map { latencies[$0 * count + index] }.sorted()[rounds / 2]
        }
        result.slowest = medians.indices.sorted { medians[$0] > medians[$1] }.prefix(slowest)
            .map { (set.questions[$0].text, medians[$0]) }
        result.latencies = latencies.sorted()
        result.seconds = total.milliseconds / 1e3
        return result
    }
}

/// A benchmark's figures, as text for people or JSON for Benchmarks/peers.py.
struct BenchReport {
    var facts: Int, terms: Int, vocabulary: Int, rounds: Int
    var loadMilliseconds: Double
    var result: BenchResult
    var peakResidentMegabytes = 0.0
    var residentMegabytes = 0.0

    var questionsPerSecond: Double { result.seconds > 0 ? Double(result.latencies.count) / result.seconds : 0 }
    var top1: Double? { result.matchable > 0 ? Double(result.correct) / Double(result.matchable) : nil }
    var noMatchDeclined: Double? { result.noMatch > 0 ? Double(result.declined) / Double(result.noMatch) : nil }

    var text: String {
        var lines = [
            "facts: \(facts), terms: \(terms), vocabulary: \(vocabulary)",
            "load + index: \(format(loadMilliseconds)) ms",
            "questions: \(result.latencies.count / max(rounds, 1)) × \(rounds) rounds, answered \(result.answered) per round",
            "latency: p50 \(format(result.percentile(0.5))) µs, p99 \(format(result.percentile(0.99))) µs, max \(format(result.latencies.last ?? 0)) µs",
            "throughput: \(Int(questionsPerSecond)) questions/s on one core",
            "resident memory: \(Int(residentMegabytes.rounded())) MB after the run, \(Int(peakResidentMegabytes.rounded())) MB at the peak",
        ]
        if let top1 { lines.append("top-1 accuracy: \(format(top1 * 100))% of \(result.matchable) questions with a fact to reach") }
        if let noMatchDeclined { lines.append("declined: \(format(noMatchDeclined * 100))% of \(result.noMatch) questions no fact answers") }
        for (question, microseconds) in result.slowest { lines.append("slow: \(format(microseconds)) µs  \(question)") }
        if result.unknownExpected > 0 { lines.append("warning: \(result.unknownExpected) questions expect a fact id the knowledge does not have") }
        return lines.joined(separator: "\n")
    }

    var json: String {
        let fields: [(String, Any)] = [
            ("facts", facts), ("terms", terms), ("vocabulary", vocabulary),
            ("questions", result.latencies.count / max(rounds, 1)), ("rounds", rounds),
            ("matchable", result.matchable), ("nomatch", result.noMatch),
            ("load_ms", loadMilliseconds), ("p50_us", result.percentile(0.5)), ("p99_us", result.percentile(0.99)),
            ("max_us", result.latencies.last ?? 0), ("qps", questionsPerSecond), ("peak_rss_mb", peakResidentMegabytes), ("rss_mb", residentMegabytes),
            ("top1", top1 ?? NSNull()), ("nomatch_declined", noMatchDeclined ?? NSNull()),
        ]
        let object = Dictionary(uniqueKeysWithValues: fields)
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
