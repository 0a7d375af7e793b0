import FactbotCore

/// The REPL's logic with no I/O: hand it a line, get back what to print. Questions are
/// answered; `/help`, `/why`, `/sources` and `/quit` are commands.
public struct ReplSession {
    /// What to do with a line.
    public enum Outcome: Equatable {
        /// Print this text (may be several lines).
        case reply(String)
        /// Nothing to print (an empty line).
        case nothing
        /// Leave the REPL.
        case quit
    }

    let answerer: Answerer
    /// The last answer given, for `/why`.
    public private(set) var lastAnswer: Answer?

    /// A session over an answerer.
    public init(answerer: Answerer) { self.answerer = answerer }

    /// The greeting shown when an interactive REPL starts.
    public var banner: String {
        "factbot: ask about the news in plain words (\(answerer.knowledge.facts.count) facts, \(answerer.knowledge.sources.count) source(s)). /help for commands, Ctrl-D to leave."
    }

    /// Handles one line of input.
    public mutating func handle(_ line: String) -> Outcome {
        let text = line.trimmingWhitespace()
        if text.isEmpty { return .nothing }
        if text.hasPrefix("/") {
            let command = text.dropFirst().split(separator: " ").first.map { $0.lowercased() } ?? ""
            switch command {
            case "quit", "exit", "q": return .quit
            case "help", "h", "?": return .reply(Self.help)
            case "why": return .reply(why)
            case "sources": return .reply(sources)
            case "facts": return .reply(facts(about: text.split(separator: " ").dropFirst().joined(separator: " ")))
            default: return .reply("Unknown command /\(command)\(Suggestion.didYouMean(command, in: ["help", "why", "sources", "facts", "quit"])). Try /help.")
            }
        }
        // a number picks one of the questions the last reply offered
        var question = text
        if let number = Int(text), let offered = lastAnswer?.suggestions, (1...max(1, offered.count)).contains(number), !offered.isEmpty {
            question = offered[number - 1]
        }
        let answer = answerer.answer(question)
        lastAnswer = answer
        return .reply(answer.reply)
    }

    static let help = """
        Ask a question in plain words, e.g. "how much r they paid?". When a reply offers
        questions ("did you mean", or a topic's), type a number to ask one.
          /why      why the last answer was chosen: matched words, score, runner-up
          /sources  the articles the facts come from
          /facts    what it knows: each fact's id and a question it answers, by source;
                    /facts WORD lists only the facts that mention WORD
          /help     this help
          /quit     leave (Ctrl-D works too)
        """

    var why: String {
        guard let answer = lastAnswer else { return "Ask a question first." }
        let e = answer.explanation
        var lines: [String] = []
        lines.append("question type: \(e.questionType.rawValue)")
        let terms = e.terms.map { term -> String in
            if let link = term.link {
                return "\(term.surface) ~ \(link.word) (WordNet \(link.kind.label), \(link.strength.percent))"
            }
            var s = term.key == term.surface ? term.key : "\(term.surface)→\(term.key)"
            if let typed = term.correctedFrom { s = "\(typed)→" + s }
            return term.isName ? s + " (name)" : s
        }
        lines.append("terms: " + (terms.isEmpty ? "(none)" : terms.joined(separator: ", ")))
        if !e.unknown.isEmpty { lines.append("not in the fact base: " + e.unknown.joined(separator: ", ")) }
        if e.candidates.isEmpty { lines.append("no fact matched") }
        for (rank, candidate) in e.candidates.enumerated() {
            let label = rank == 0 ? (answer.answered ? "answer" : "best") : "runner-up"
            lines.append("\(label): \(candidate.factID) confidence \(candidate.confidence.percent), matched \(candidate.matched.joined(separator: ", "))")
        }
        if let unstated = e.unstated { lines.append("declined: the best fact does not say \(unstated)") }
        lines.append("threshold: \(answerer.settings.minimumConfidence.percent)")
        return lines.joined(separator: "\n")
    }

    /// The curated facts, by source (newest source first), each as its id and its first
    /// example question; with `filter`, only those whose answer, id or questions hold it.
    func facts(about filter: String) -> String {
        let needle = filter.lowercased()
        let curated = answerer.knowledge.facts.filter { fact in
            !fact.isAboutSource && (needle.isEmpty || ([fact.id, fact.answer] + fact.questions + fact.keywords).contains { $0.lowercased().contains(needle) })
        }
        guard !curated.isEmpty else {
            return needle.isEmpty ? "No curated facts yet: the articles themselves can still be asked about (/sources)." : "No fact mentions \"\(filter)\"."
        }
        let sources = answerer.knowledge.sources
        let bySource = Dictionary(grouping: curated, by: \.sourceID).sorted { left, right in
            let (a, b) = (sources[left.key]?.published ?? "", sources[right.key]?.published ?? "")
            return a != b ? a > b : left.key < right.key
        }
        var lines: [String] = []
        for (id, facts) in bySource {
            lines.append("\(sources[id]?.citation ?? id) [\(id)]: \(facts.count) fact(s)")
            for fact in facts { lines.append("  \(fact.id): \(fact.questions.first ?? "")") }
        }
        lines.append("\(curated.count) fact(s)\(needle.isEmpty ? "" : " mentioning \"\(filter)\""). Ask one of the questions, or in your own words.")
        return lines.joined(separator: "\n")
    }

    var sources: String {
        answerer.knowledge.sources.values.sorted { $0.id < $1.id }.map { source in
            let by = source.author.isEmpty ? "" : ", by \(source.author)"
            let cited = answerer.knowledge.facts.filter { $0.sourceID == source.id }.count
            return "\(source.id): \(source.title) (\(source.citation)\(by)) \(source.url) [\(cited) facts]"
        }.joined(separator: "\n")
    }

}
