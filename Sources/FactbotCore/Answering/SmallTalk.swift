/// Greetings, thanks and requests for help: answered politely, never as facts.
enum SmallTalk {
    static let greetings: Set<String> = ["hi", "hello", "hey", "hiya", "howdy", "yo", "morning", "evening",
                                         "afternoon", "good", "greetings", "sup"]
    static let thanks: Set<String> = ["thanks", "thank", "thx", "ty", "cheers", "great", "ok", "okay", "cool", "nice"]
    static let help: Set<String> = ["help", "usage", "commands"]
    static let filler: Set<String> = ["you", "there", "bot", "factbot", "much", "a", "lot", "please", "me", "so"]

    enum Kind { case greeting, thanks, help, stories }

    /// "What do you know about?", "what topics do you cover": asks what the bot knows.
    static let storyCues: Set<String> = ["know", "topics", "topic", "stories", "cover", "covered", "subjects", "news"]
    static let storyFiller: Set<String> = ["what", "which", "do", "does", "you", "know", "about", "can", "could", "tell", "me", "us",
                                           "topics", "topic", "stories", "story", "cover", "covered", "subjects", "news", "is", "are",
                                           "there", "the", "any", "anything", "of", "on", "have", "got", "so", "far", "bot", "factbot"]

    /// The kind of small talk, when every word of the message is small talk.
    static func kind(of words: [Token]) -> Kind? {
        let w = words.map(\.text)
        if w.isEmpty { return .help }
        if w.count <= 10, storyFiller.contains(w[0]), w.allSatisfy(storyFiller.contains), w.contains(where: storyCues.contains) { return .stories }
        guard w.allSatisfy({ greetings.contains($0) || thanks.contains($0) || help.contains($0) || filler.contains($0) }) else { return nil }
        if w.contains(where: help.contains) { return .help }
        if w.contains(where: thanks.contains) { return .thanks }
        if w.contains(where: greetings.contains) { return .greeting }
        return nil
    }
}
