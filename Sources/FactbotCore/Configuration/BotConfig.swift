/// The settings in bot.conf. Every key has a default, so a missing file means defaults.
public struct BotConfig: Sendable, Equatable {
    /// The `[answer]` section: how sure the answerer must be, and what it offers when it is not.
    public var answer = Answerer.Settings()

    /// Defaults throughout.
    public init() {}

    /// The sections and keys bot.conf may hold, with how each is read.
    static var schema: [String: [String: Key]] { [
        "answer": [
            "min_confidence": .fraction(\.answer.minimumConfidence),
            "suggestions": .count(\.answer.suggestions, 0...5),
            "suggestion_confidence": .fraction(\.answer.suggestionConfidence),
            "unknown_word_weight": .fraction(\.answer.unknownWordWeight),
        ],
    ] }

    /// How one key's value is read and where it goes.
    enum Key {
        case fraction(WritableKeyPath<BotConfig, Double>)
        case count(WritableKeyPath<BotConfig, Int>, ClosedRange<Int>)

        func apply(_ text: String, to config: inout BotConfig) -> String? {
            switch self {
            case .fraction(let path):
                guard let value = Double(text), (0...1).contains(value) else {
                    return "expected a number from 0 to 1, got \"\(text)\""
                }
                config[keyPath: path] = value
            case .count(let path, let range):
                guard let value = Int(text), range.contains(value) else {
                    return "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\""
                }
                config[keyPath: path] = value
            }
            return nil
        }
    }

    /// Reads bot.conf text. Unknown sections or keys and bad values are errors with
    /// file:line and a did-you-mean; all of them are reported at once.
    public static func parse(_ text: String, file: String) throws(Diagnostics) -> BotConfig {
        let ini = try INIFile(text, file: file)
        var config = BotConfig()
        var problems: [Diagnostic] = []
        for section in ini.sections where schema[section.name] == nil {
            let known = schema.keys.sorted()
            problems.append(Diagnostic(file: file, line: section.line,
                                       "unknown section [\(section.name)]\(Suggestion.didYouMean(section.name, in: known)); known: \(known.map { "[\($0)]" }.joined(separator: ", "))"))
        }
        for value in ini.values {
            guard let keys = schema[value.section] else { continue }
            guard let key = keys[value.key] else {
                problems.append(Diagnostic(file: file, line: value.line,
                                           "unknown key \"\(value.key)\" in [\(value.section)]\(Suggestion.didYouMean(value.key, in: keys.keys)); known: \(keys.keys.sorted().joined(separator: ", "))"))
                continue
            }
            if let problem = key.apply(value.text, to: &config) {
                problems.append(Diagnostic(file: file, line: value.line, "\(value.key): \(problem)"))
            }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return config
    }
}
