/// A curator's first draft of facts for a stored source (`factbot draft SOURCE_ID`): one
/// fact for each sentence no curated fact of that source tells yet, with a type guessed
/// from its figures, names and dates, and example questions made by rules from the
/// sentence. The draft is for a person to edit (the answer is the source's own sentence
/// until rewritten); it is never written into the knowledge folder. Pure.
public enum FactDraft {
    /// One drafted fact.
    public struct Draft: Sendable, Equatable {
        /// The fact as drafted.
        public var fact: Fact
        /// The sentence's number in the stored source, from 1.
        public var sentenceNumber: Int
        /// A fact of another source telling the same, if one does: link it (`confirms`,
        /// `disputes` or `updates`) or drop the draft.
        public var elsewhere: String?
    }

    /// At most this many example questions a drafted fact.
    static let maximumQuestions = 5

    /// Draft facts for the sentences of `text` that no curated fact of its source tells.
    /// Example questions that would not reach their own fact (among the curated facts and
    /// the other drafts) are left out.
    public static func drafts(for text: SourceSentences, answerer: Answerer) -> [Draft] {
        let words = answerer.knowledge.words
        var drafts: [Draft] = []
        var usedIDs = Set(answerer.knowledge.facts.map(\.id))
        let readings = SentenceReading.readings(of: text.sentences, words: words) { answerer.rarity(of: $0) }
        for coverage in SentenceCoverage.of(text, answerer: answerer) {
            let (reading, _, sure) = readings[coverage.number - 1]
            guard coverage.fact == nil else { continue }
            var id = "\(text.source.id)-s\(coverage.number)"
            while usedIDs.contains(id) { id += "x" }
            usedIDs.insert(id)
            let fact = Fact(
                id: id, answer: sure ? SentenceReading.attributed(coverage.sentence, to: reading.names, credited: reading.isCredited) : coverage.sentence,
                questions: activeQuestions(reading, answerer: answerer) + reading.questions, keywords: reading.names,
                types: types(reading, of: coverage.sentence, answerer: answerer), sourceID: text.source.id)
            drafts.append(Draft(fact: fact, sentenceNumber: coverage.number, elsewhere: coverage.elsewhere))
        }
        guard !drafts.isEmpty else { return [] }
        // Each draft keeps its sentence as its last example: a question is likened to it as to
        // a quoted sentence, so a draft fits no worse than the quote it replaces (the curator
        // rephrases it, or deletes it once the examples say enough).
        for position in drafts.indices { drafts[position].fact.questions.append(drafts[position].fact.answer) }
        // Keep the examples that reach their own fact, asked of the curated facts and the drafts together.
        var knowledge = answerer.knowledge
        knowledge.facts = knowledge.facts.filter { !$0.isAboutSource } + drafts.map(\.fact)
        guard let trial = Answerer(knowledge: knowledge, settings: answerer.settings)?.linking(answerer.links) else { return drafts }
        for position in drafts.indices {
            let fact = drafts[position].fact
            let kept = fact.questions.dropLast().filter { trial.answer($0).fact?.id == fact.id }
            drafts[position].fact.questions = Array(kept.prefix(maximumQuestions - 1)) + [fact.answer]
        }
        return drafts
    }

    /// The types `reading` guessed, and `reason` when a clause of the sentence gives a cause
    /// or a purpose as the answerer reads one ("went to Russia to travel, then decided *to
    /// earn* some money"): what a "why" question asks for.
    static func types(_ reading: SentenceReading, of sentence: String, answerer: Answerer) -> [AnswerType] {
        var types = reading.types
        if !types.contains(.reason), Answerer.clauses(of: sentence).contains(where: { answerer.clause($0).givesReason }) {
            types.insert(.reason, at: max(0, types.count - 1))
        }
        return types
    }

    /// "When did Zhang Renbo arrive in Moscow?" and "Where did Zhang Renbo arrive?" for "he
    /// arrived in Moscow on 20 December" (``SentenceReading/activePast``), when the sentence
    /// gives a date or a place and the verb's base form is a word the answerer knows.
    static func activeQuestions(_ reading: SentenceReading, answerer: Answerer) -> [String] {
        guard let active = reading.activePast, let person = active.subject ?? reading.names.first, let base = baseForm(of: active.verb, answerer: answerer)
        else { return [] }
        var questions: [String] = []
        if reading.types.contains(.date) { questions.append((["When did", person, base] + active.object).joined(separator: " ") + "?") }
        if active.placeAfter, reading.types.contains(.place) { questions.append("Where did \(person) \(base)?") }
        return questions
    }

    /// The base form of a regular verb in the past ("arrived" → "arrive", "stayed" →
    /// "stay", "stopped" → "stop", "carried" → "carry"): the first candidate the fact base
    /// or WordNet knows as a word.
    static func baseForm(of past: String, answerer: Answerer) -> String? {
        guard past.hasSuffix("ed"), past.count > 4 else { return nil }
        let stem = String(past.dropLast(2))
        var candidates: [String] = []
        if past.hasSuffix("ied") { candidates.append(String(past.dropLast(3)) + "y") }
        if let last = stem.last, stem.dropLast().last == last, !"aeiouls".contains(last) { candidates.append(String(stem.dropLast())) }
        candidates += [stem + "e", stem]
        return candidates.first { $0.count > 2 && (answerer.index.vocabulary.contains($0) || (answerer.links?.isEnglish($0) ?? false)) }
    }

    /// The drafts as a fact file: valid YAML that `factbot check` reads, each fact headed
    /// by a comment saying where it comes from and what to do with it.
    public static func yaml(_ drafts: [Draft], source: Source) -> String {
        var out = """
            # Draft facts for \(source.id) (\(printable(source.citation))): one for each sentence no fact of
            # that source tells yet. Rewrite each answer in your own words (keep the figures, names
            # and dates), fix the type and the questions, delete what is not worth a fact, then move
            # the file into knowledge/facts/ and run `factbot check`. Delete a fact's "draft: true"
            # once you have reviewed it: until then a reviewed fact that answers as well comes first.

            """
        for draft in drafts {
            let fact = draft.fact
            out += "\n# sentence \(draft.sentenceNumber)"
            if let other = draft.elsewhere {
                out += "; fact \"\(other)\" of another source tells the same: link it (confirms, disputes or updates) or delete this one"
            }
            out += "\n- id: \(fact.id)\n"
            out += "  type: [\(fact.types.map(\.rawValue).joined(separator: ", "))]\n"
            out += "  answer: \(quoted(fact.answer))\n"
            out += "  questions:\n"
            for question in fact.questions { out += "    - \(quoted(question))\n" }
            if !fact.keywords.isEmpty { out += "  keywords: [\(fact.keywords.map(quoted).joined(separator: ", "))]\n" }
            out += "  source: \(fact.sourceID)\n"
            out += "  draft: true\n"
        }
        return out
    }

    /// A YAML single-quoted scalar: any text, on one line.
    static func quoted(_ text: String) -> String {
        "'" + printable(text).replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The text without what YAML may not hold in a scalar (control characters, byte-order
    /// marks, non-characters) and on one line.
    static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                    switch scalar.value {
                    case 0x0A, 0x0D, 0x09: return " "
                    case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF: return nil
                    default: return scalar
                    }
                }))
    }
}

extension Answerer {
    /// How rare a word is in the fact base, 0 (everywhere) to 1 (nowhere): rare words are
    /// what a sentence is about.
    func rarity(of word: String) -> Double {
        let words = lexicon.words(word)
        guard let term = lexicon.terms(words, vocabulary: index.vocabulary, table: wordTable, links: nil).first,
            let id = index.termID(term.key), index.maximumIDF > 0
        else { return 1 }
        return index.idf[Int(id)] / index.maximumIDF
    }
}
