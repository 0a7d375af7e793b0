/// The curator's safety net (`factbot check`): proves every example question reaches its
/// own fact, as ChatScript's `:verify` does for its sample inputs, and flags examples that
/// two facts share.
public enum KnowledgeCheck {
    /// Warnings about the knowledge as the answerer sees it; empty when all is well.
    public static func warnings(for answerer: Answerer) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for clash in answerer.lexicon.clashes {
            warnings.append(Diagnostic(file: KnowledgeBase.FileName.synonyms, line: nil,
                                       "\"\(clash.word)\" (stem \"\(clash.stem)\") is listed under \(clash.wantedIn) but \(clash.keptIn) already has that stem, so it matches as \(clash.keptIn)",
                                       severity: .warning))
        }
        var firstUse: [String: Fact] = [:]
        for fact in answerer.knowledge.facts {
            for (position, question) in fact.questions.enumerated() {
                let line = position < fact.questionLines.count ? fact.questionLines[position] : fact.line
                let key = question.lowercased()
                if let other = firstUse[key], other.id != fact.id {
                    warnings.append(Diagnostic(file: fact.file, line: line,
                                               "example \"\(question)\" is also an example of fact \"\(other.id)\"", severity: .warning))
                }
                firstUse[key] = fact
                let answer = answerer.answer(question)
                if answer.fact?.id != fact.id {
                    let outcome = answer.fact.map { "fact \"\($0.id)\"" } ?? "a decline (confidence \(answer.confidence.percent))"
                    warnings.append(Diagnostic(file: fact.file, line: line,
                                               "example \"\(question)\" of fact \"\(fact.id)\" is answered by \(outcome)", severity: .warning))
                }
            }
        }
        return warnings
    }

}
