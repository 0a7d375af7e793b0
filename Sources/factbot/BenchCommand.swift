import ArgumentParser
import FactbotCore
import FactbotLoader
import FactbotTerminal
import Foundation

/// `factbot bench`: how fast and how right the answerer is on the loaded knowledge.
/// Build with `-c release` for figures worth reporting; `make bench` runs it on generated
/// fact bases of 1k, 10k and 100k facts beside the peers (Benchmarks/peers.py).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load time, answer latency, memory and accuracy on the loaded knowledge.",
        discussion: """
            The question file holds one question per line. A line may add a tab and the id of the \
            fact that should answer it, or "-" for a question no fact answers: then top-1 accuracy \
            and correct declines are reported too. Fetched sources are not quoted: only the \
            curated facts are measured.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "Rounds over the question set (after one warm-up round).")
    var rounds = 20

    @Option(help: "A file of questions (default: every example question plus some off-topic ones).")
    var questions: String?

    @Option(help: "List this many of the slowest questions (median time over the rounds).")
    var slowest = 0

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        let loadStart = ContinuousClock.now
        let answerer = try options.load(quoting: false).answerer
        let loadTime = ContinuousClock.now - loadStart

        let set: BenchQuestions
        if let path = questions {
            do {
                set = try BenchQuestions.parse(try TextFile.read(path), file: path)
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
        } else {
            set = BenchQuestions(examplesOf: answerer.knowledge)
        }
        let result = Benchmark.run(answerer, set, rounds: rounds, slowest: slowest)
        var report = BenchReport(
            facts: answerer.knowledge.facts.filter { !$0.isAboutSource }.count, terms: answerer.index.termCount,
            vocabulary: answerer.index.vocabulary.count, rounds: rounds,
            loadMilliseconds: loadTime.milliseconds, result: result)
        report.peakResidentMegabytes = Self.peakResidentMegabytes()
        report.residentMegabytes = Self.residentMegabytes()
        Console.line(json ? report.json : report.text)
    }

    /// The process's resident set now (the second field of /proc/self/statm, in pages).
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// The process's peak resident set so far (getrusage reports kilobytes on Linux).
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double { Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15 }
    /// The duration in microseconds.
    var microseconds: Double { Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12 }
}
