import ArgumentParser
import FactbotCore
import FactbotTerminal
import Foundation

/// `factbot bench`: how fast the answerer is on the loaded knowledge. Build with
/// `-c release` for figures worth reporting.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load time, answer latency and memory on the loaded knowledge."
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "Rounds over the question set (after one warm-up round).")
    var rounds = 200

    @Option(help: "A file of questions, one per line (default: every example question plus some off-topic ones).")
    var questions: String?

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        let loadStart = ContinuousClock.now
        let answerer = try options.answerer()
        let loadTime = ContinuousClock.now - loadStart

        var set = answerer.knowledge.facts.flatMap(\.questions)
        set += ["what is the capital of france", "tell me a joke", "how many north korean soldiers fight for russia", "asdf qwerty"]
        if let path = questions {
            do {
                set = try Loading.text(at: path).textLines.map(String.init).filter { !$0.isEmpty }
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
            guard !set.isEmpty else {
                Console.error("\(path): no questions in the file")
                throw ExitCode(2)
            }
        }
        for question in set { _ = answerer.answer(question) }  // warm-up

        var samples: [Double] = []
        samples.reserveCapacity(set.count * rounds)
        let clock = ContinuousClock()
        var answered = 0
        let total = clock.measure {
            for _ in 0..<rounds {
                for question in set {
                    let start = clock.now
                    let answer = answerer.answer(question)
                    samples.append(Double((clock.now - start).components.attoseconds) / 1e12 + Double((clock.now - start).components.seconds) * 1e6)
                    if answer.answered { answered += 1 }
                }
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        Console.line("facts: \(answerer.knowledge.facts.count), terms: \(answerer.index.termCount), vocabulary: \(answerer.index.vocabulary.count)")
        Console.line("load + index: \(format(Double(loadTime.components.attoseconds) / 1e15 + Double(loadTime.components.seconds) * 1e3)) ms")
        Console.line("questions: \(set.count) × \(rounds) rounds, answered \(answered / rounds) per round")
        Console.line("latency: p50 \(format(percentile(0.5))) µs, p99 \(format(percentile(0.99))) µs, max \(format(samples.last ?? 0)) µs")
        Console.line("throughput: \(Int(Double(samples.count) / seconds)) questions/s on one core")
        Console.line("peak resident memory: \(usage.ru_maxrss / 1024) MB")
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
