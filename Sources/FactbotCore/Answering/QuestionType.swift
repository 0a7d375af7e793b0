/// What a question asks for, read from its question words: "how many" wants a number,
/// "who" a person, "when" a date, "where" a place, "why" a reason.
public enum QuestionType: String, Sendable, Equatable {
    case number, amount, person, place, date, reason
    /// No telling ("what", "which", "tell me about ..."): any fact type will do.
    case any

    /// Reads the type from a question's words (already lowercased and expanded).
    public static func of(_ words: [Token]) -> QuestionType {
        let w = words.map(\.text)
        func has(_ a: String, _ b: String) -> Bool {
            zip(w, w.dropFirst()).contains { $0 == a && $1 == b }
        }
        if has("how", "much") { return .amount }
        if has("how", "many") || has("how", "old") || has("what", "number") { return .number }
        if has("how", "long") || has("what", "year") || has("what", "date") || has("what", "month")
            || has("which", "year") || has("what", "day") || w.contains("when") { return .date }
        if has("how", "come") || has("what", "reason") || w.contains("why") { return .reason }
        if w.contains("where") || has("which", "region") || has("which", "province") || has("which", "city")
            || has("which", "country") || has("what", "region") || has("what", "city") { return .place }
        if w.first == "who" || w.contains("whom") || w.contains("whose")
            || (w.contains("who") && !has("those", "who") && !has("people", "who")) { return .person }
        return .any
    }

    /// How well a fact of `type` fits: 1 for a direct fit, less for a near fit, least for none.
    public func fit(_ types: [AnswerType]) -> Double {
        if self == .any { return 1 }
        var best = 0.0
        for type in types { best = max(best, fit(type)) }
        return best
    }

    func fit(_ type: AnswerType) -> Double {
        switch (self, type) {
        case (.number, .number), (.amount, .amount), (.person, .person), (.place, .place),
             (.date, .date), (.reason, .reason):
            return 1
        case (.number, .amount), (.amount, .number), (.person, .organization), (.person, .quote),
             (.place, .organization), (.reason, .quote):
            return 0.9
        case (.reason, .description), (.person, .description):
            return 0.7
        default:
            return 0.5
        }
    }
}
