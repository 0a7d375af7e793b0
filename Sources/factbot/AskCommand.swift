import ArgumentParser
import FactbotTerminal

/// `factbot ask`: one question from the arguments, or one per line of standard input.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question, or each line of standard input.",
        discussion: "With no question, answers each line of standard input in order, one reply per line, flushed as it goes."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "One JSON object per reply: question, answered, answer, confidence, fact, source.")
    var json = false

    @Argument(help: "The question. Omit to read questions from standard input.")
    var question: [String] = []

    func run() throws {
        let answerer = try options.answerer()
        func reply(_ text: String) {
            let answer = answerer.answer(text)
            Console.line(json ? JSONReply(answer).line : answer.reply)
        }
        if !question.isEmpty {
            reply(question.joined(separator: " "))
            return
        }
        while let line = readLine(strippingNewline: true) {
            reply(line)
        }
    }
}
