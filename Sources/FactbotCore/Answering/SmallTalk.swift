/// Greetings, thanks and requests for help: answered politely, never as facts.
enum SmallTalk {
    static let greetings: Set<String> = ["hi", "hello", "hey", "hiya", "howdy", "yo", "morning", "evening",
                                         "afternoon", "good", "greetings", "sup"]
    static let thanks: Set<String> = ["thanks", "thank", "thx", "ty", "cheers", "great", "ok", "okay", "cool", "nice"]
    static let help: Set<String> = ["help", "usage", "commands"]
    static let filler: Set<String> = ["you", "there", "bot", "factbot", "much", "a", "lot", "please", "me", "so"]

    enum Kind { case greeting, thanks, help }

    /// The kind of small talk, when every word of the message is small talk.
    static func kind(of words: [Token]) -> Kind? {
        let w = words.map(\.text)
        if w.isEmpty { return .help }
        guard w.allSatisfy({ greetings.contains($0) || thanks.contains($0) || help.contains($0) || filler.contains($0) }) else { return nil }
        if w.contains(where: help.contains) { return .help }
        if w.contains(where: thanks.contains) { return .thanks }
        if w.contains(where: greetings.contains) { return .greeting }
        return nil
    }
}
