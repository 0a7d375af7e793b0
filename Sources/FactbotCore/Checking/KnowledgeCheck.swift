/// The curator's safety net (`factbot check`): proves every example question reaches its
/// own fact, as ChatScript's `:verify` does for its sample inputs, and flags examples that
/// two facts share.
public enum KnowledgeCheck {
    /// Warnings about the knowledge as the answerer sees it; empty when all is well.
    public static func warnings(for answerer: Answerer) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for clash in answerer.lexicon.clashes {
            warnings.append(
                Diagnostic(
                    file: KnowledgeBase.FileName.synonyms, line: nil,
                    "\"\(clash.word)\" (stem \"\(clash.stem)\") is listed under \(clash.wantedIn) but \(clash.keptIn) already has that stem, so it matches as \(clash.keptIn)",
                    severity: .warning))
        }
        var firstUse: [String: Fact] = [:]
        let severalSources = answerer.knowledge.sources.count > 1
        for fact in answerer.knowledge.facts {
            for (position, question) in fact.questions.enumerated() {
                // a source's plain examples ("who wrote the article?") reach every source alike, by design
                if severalSources, fact.isAboutSource, let source = answerer.knowledge.source(of: fact),
                    !question.lowercased().contains(source.publisher.droppingThe.lowercased())
                {
                    continue
                }
                let line = position < fact.questionLines.count ? fact.questionLines[position] : fact.line
                let key = question.lowercased()
                if let other = firstUse[key], other.id != fact.id, !answerer.linked(other.id, fact.id) {
                    warnings.append(
                        Diagnostic(
                            file: fact.file, line: line,
                            "example \"\(question)\" is also an example of fact \"\(other.id)\"", severity: .warning))
                }
                firstUse[key] = fact
                let answer = answerer.answer(question)
                if answer.fact?.id != fact.id, !answer.shows(fact.id) {
                    let outcome = answer.fact.map { "fact \"\($0.id)\"" } ?? "a decline (confidence \(answer.confidence.percent))"
                    warnings.append(
                        Diagnostic(
                            file: fact.file, line: line,
                            "example \"\(question)\" of fact \"\(fact.id)\" is answered by \(outcome)", severity: .warning))
                }
            }
        }
        return warnings + draftWarnings(for: answerer.knowledge.facts) + linkWarnings(for: answerer)
    }

    /// One warning for each file holding facts still marked `draft: true`: how many, and
    /// where the first is, so a curator sees what is left to review.
    public static func draftWarnings(for facts: [Fact]) -> [Diagnostic] {
        var drafts: [String: (count: Int, first: Fact)] = [:]
        var files: [String] = []
        for fact in facts where fact.isDraft {
            if let known = drafts[fact.file] {
                drafts[fact.file] = (known.count + 1, known.first.line <= fact.line ? known.first : fact)
            } else {
                drafts[fact.file] = (1, fact)
                files.append(fact.file)
            }
        }
        return files.map { file in
            let (count, first) = drafts[file]!
            let what =
                count == 1
                ? "fact \"\(first.id)\" is a draft no one has reviewed yet (draft: true): it counts"
                : "\(count) facts, from \"\(first.id)\" on, are drafts no one has reviewed yet (draft: true): each counts"
            return Diagnostic(
                file: file, line: first.line,
                "\(what) a little less than a reviewed fact that answers as well; delete the line once a fact is reviewed",
                severity: .warning)
        }
    }

    /// Most WordNet words tried in place of each word of an example...
    static let linksProbed = 3
    /// ...among links at least this strong (weaker ones rarely decide an answer).
    static let probedStrength = 0.5

    /// Warnings about WordNet links that lead a question astray: each example question is
    /// asked again with one of its words replaced by a WordNet word linked to it (the
    /// strongest few), and a warning names the link when that reaches another fact.
    public static func linkWarnings(for answerer: Answerer) -> [Diagnostic] {
        guard let links = answerer.links, links.count > 0 else { return [] }
        var linkedTo: [String: [WordLink]] = [:]  // fact base word → links leading to it
        for (_, found) in links.all {
            for link in found where !link.from.isEmpty && link.strength >= probedStrength { linkedTo[link.word, default: []].append(link) }
        }
        for word in linkedTo.keys { linkedTo[word]!.sort { $0.strength > $1.strength } }
        var warnings: [Diagnostic] = []
        var reported: Set<String> = []
        for fact in answerer.knowledge.facts where !fact.isAboutSource {
            for (position, question) in fact.questions.enumerated() {
                let line = position < fact.questionLines.count ? fact.questionLines[position] : fact.line
                let words = question.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                for (index, raw) in words.enumerated() {
                    let bare = raw.lowercased().filter { $0.isLetter || $0 == "'" }
                    for link in (linkedTo[bare] ?? []).prefix(linksProbed) where !reported.contains("\(link.from)>\(link.word)") {
                        var probe = words
                        probe[index] = link.from
                        let answer = answerer.answer(probe.joined(separator: " "))
                        guard answer.kind == .fact, let other = answer.fact, other.id != fact.id, !answer.shows(fact.id) else { continue }
                        reported.insert("\(link.from)>\(link.word)")
                        warnings.append(
                            Diagnostic(
                                file: fact.file, line: line,
                                "WordNet's \"\(link.from)\" for \"\(link.word)\" (\(link.kind.label)) makes example \"\(question)\" of fact \"\(fact.id)\" reach fact \"\(other.id)\"; add \"\(link.from)\" to a group in synonyms.txt to decide what it means here",
                                severity: .warning))
                    }
                }
            }
        }
        return warnings
    }

}
