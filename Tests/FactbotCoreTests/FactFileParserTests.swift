import FactbotCore
import Testing

@Suite("Fact files: every problem reported with its line")
struct FactFileParserTests {
    func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try FactFileParser.parse(yaml, file: "facts.yaml")
            return []
        } catch {
            return error.all
        }
    }

    @Test func parsesAWellFormedFact() throws {
        let facts = try FactFileParser.parse(
            """
            # a comment
            - id: pay
              type: [amount, number]
              answer: Around 18,000 yuan a month.
              questions:
                - How much are they paid?
                - salary?
              keywords: [wage]
              source: s1
            """, file: "facts.yaml")
        #expect(facts.count == 1)
        #expect(facts[0].id == "pay")
        #expect(facts[0].types == [.amount, .number])
        #expect(facts[0].questions == ["How much are they paid?", "salary?"])
        #expect(facts[0].questionLines == [6, 7])
        #expect(facts[0].line == 2)
    }

    @Test func unknownKeyNamesTheLineAndSuggests() {
        let found = problems(
            """
            - id: pay
              type: amount
              anwser: 18,000 yuan
              questions: [How much?]
              source: s1
            """)
        #expect(found.contains { $0.line == 3 && $0.message.contains("unknown key \"anwser\"") && $0.message.contains("did you mean \"answer\"") })
        #expect(found.contains { $0.line == 1 && $0.message.contains("missing \"answer:\"") })
    }

    @Test func aDraftMarkIsTrueOrFalse() throws {
        let fact = "- id: a\n  type: number\n  answer: x\n  questions: [q]\n  source: s\n"
        #expect(try FactFileParser.parse(fact, file: "f.yaml")[0].isDraft == false)
        #expect(try FactFileParser.parse(fact + "  draft: true\n", file: "f.yaml")[0].isDraft)
        #expect(try FactFileParser.parse(fact + "  draft: false\n", file: "f.yaml")[0].isDraft == false)
        let found = problems(fact + "  draft: maybe\n")
        #expect(found.map(\.line) == [6])
        #expect(found.first?.message.contains("\"draft\" is true or false") == true, "\(found)")
    }

    @Test func answersAndQuestionsAreOneLine() throws {
        let facts = try FactFileParser.parse(
            "- id: a\n  type: number\n  answer: |\n    two\n    lines\n  questions: [\"one\\ntwo\"]\n  source: s\n", file: "f.yaml")
        #expect(facts[0].answer == "two lines")
        #expect(facts[0].questions == ["one two"])
    }

    @Test func eachTypeItemHasItsOwnLine() {
        let found = problems("- id: a\n  type:\n    - number\n    - nubmer\n  answer: x\n  questions: [q]\n  source: s\n")
        #expect(found.map(\.line) == [4])
        #expect(problems("- id: a\n  type: []\n  answer: x\n  questions: [q]\n  source: s\n").map(\.message) == ["\"type\" is empty"])
    }

    @Test func unknownAnswerTypeSuggests() {
        let found = problems(
            """
            - id: pay
              type: amonut
              answer: 18,000 yuan
              questions: [How much?]
              source: s1
            """)
        #expect(found.count == 1)
        #expect(found[0].line == 2)
        #expect(found[0].message.contains("did you mean \"amount\""))
    }

    @Test func yamlSyntaxErrorHasItsLine() {
        let found = problems(
            """
            - id: pay
              type: amount
              answer: "unclosed
              questions: [How much?]
            """)
        #expect(found.count == 1)
        #expect(found[0].line != nil)
        #expect(found[0].message.hasPrefix("YAML syntax"))
    }

    @Test func duplicateKeyInOneEntry() {
        let found = problems(
            """
            - id: pay
              id: pay2
              type: amount
              answer: x
              questions: [q]
              source: s
            """)
        #expect(found.first?.message.contains("appears twice") == true)
    }

    @Test func shapeErrors() {
        #expect(problems("just some text")[0].message.contains("expected a list"))
        #expect(problems("- just text")[0].message.contains("expected an entry"))
        #expect(problems("- id: [a, b]\n  type: amount\n  answer: x\n  questions: [q]\n  source: s")[0].message.contains("single line"))
        #expect(problems("- id: a b\n  type: amount\n  answer: x\n  questions: [q]\n  source: s")[0].message.contains("may hold only"))
        #expect(problems("- id: a\n  type: amount\n  answer: x\n  questions: []\n  source: s")[0].message.contains("at least one example"))
        #expect(problems("").isEmpty)
    }

    @Test func binaryJunkIsAnErrorNotACrash() {
        let junk = String(decoding: (0..<512).map { UInt8(($0 * 37 + 11) % 256) }, as: UTF8.self)
        #expect(!problems(junk).isEmpty)
    }
}

@Suite("Knowledge folders: sources, ids and word lists")
struct KnowledgeBaseTests {
    let sources = KnowledgeFile(
        path: "k/sources.yaml",
        text: """
            - id: s1
              url: https://example.org/a
              title: A
              publisher: Example
              published: 2025-04-11
            """)

    func fact(_ id: String, source: String = "s1") -> String {
        "- id: \(id)\n  type: number\n  answer: \(id) answer\n  questions: [what about \(id)?]\n  source: \(source)\n"
    }

    @Test func duplicateIdsAcrossFilesNameBothPlaces() {
        do {
            _ = try KnowledgeBase.parse([
                sources, KnowledgeFile(path: "k/a.yaml", text: fact("x")),
                KnowledgeFile(path: "k/b.yaml", text: "\n" + fact("x")),
            ])
            Issue.record("expected an error")
        } catch {
            #expect(error.all.count == 1)
            #expect(error.all[0].description == "k/b.yaml:2: fact id \"x\" is already used at k/a.yaml:1")
        }
    }

    @Test func unknownSourceIsAnErrorWithSuggestion() {
        do {
            _ = try KnowledgeBase.parse([sources, KnowledgeFile(path: "k/a.yaml", text: fact("x", source: "s2"))])
            Issue.record("expected an error")
        } catch {
            #expect(error.all[0].message.contains("unknown source \"s2\" (did you mean \"s1\"?)"))
        }
    }

    @Test func sourceFieldsAreChecked() {
        do {
            _ = try SourceFileParser.parse("- id: s\n  url: ftp://x\n  publisher: p\n  published: 11/04/2025\n", file: "sources.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.all.map(\.line) == [2, 4])
        }
    }

    @Test func wordListsReadWindowsLineEndings() throws {
        #expect(try WordListParser.synonyms("# c\r\npay, wage\r\nrecruit, enlist\r\n", file: "s.txt") == [["pay", "wage"], ["recruit", "enlist"]])
        #expect(WordListParser.words("# c\r\nthe a\r\nis\r\n") == ["the", "a", "is"])
    }

    @Test func duplicateSourceNamesItsFile() {
        do {
            _ = try KnowledgeBase.parse(
                [
                    KnowledgeFile(path: "k/sources.yaml", text: sources.text + "\n" + sources.text),
                    KnowledgeFile(path: "k/a.yaml", text: fact("x")),
                ], folder: "k")
            Issue.record("expected an error")
        } catch {
            #expect(error.all.map(\.description) == ["k/sources.yaml:6: source id \"s1\" is already used on line 1"])
        }
    }

    @Test func wordListErrors() {
        #expect(throws: Diagnostics.self) { try WordListParser.synonyms("pay, wage\nsalary, pay\n", file: "s.txt") }
        #expect(throws: Diagnostics.self) { try WordListParser.synonyms("lonely\n", file: "s.txt") }
        #expect(throws: Diagnostics.self) { try WordListParser.shorthand("r are\n", file: "h.txt") }
        do {
            _ = try WordListParser.shorthand("# c\nr = are\nr = our\n", file: "h.txt")
        } catch {
            #expect(error.all[0].description == "h.txt:3: \"r\" is defined twice")
        }
    }

    @Test func missingSourcesFileAndNoFacts() throws {
        #expect(throws: Diagnostics.self) { try KnowledgeBase.parse([KnowledgeFile(path: "k/a.yaml", text: fact("x"))]) }
        // sources and no facts yet: answered from the sources themselves and their quotes
        #expect(try KnowledgeBase.parse([sources]).facts.isEmpty)
        #expect(throws: Diagnostics.self) { try KnowledgeBase.parse([KnowledgeFile(path: "k/sources.yaml", text: "[]")]) }
    }

    @Test func shippedKnowledgeParses() {
        #expect(ShippedKnowledge.base.facts.count >= 25)
        #expect(ShippedKnowledge.base.sources["devua-2025-04-11"]?.publisher == "dev.ua")
    }
}
