/// Greetings, thanks and requests for help: answered politely, never as facts. The words
/// come from `smalltalk.txt` in the knowledge folder (``WordLists/smallTalk``).
enum SmallTalk {
    enum Kind { case greeting, thanks, help, stories }

    /// The kind of small talk, when every word of the message is small talk.
    static func kind(of words: [Token], in lists: SmallTalkWords) -> Kind? {
        let w = words.map(\.text)
        if w.isEmpty { return .help }
        if w.count <= 10, lists.storyWords.contains(w[0]), w.allSatisfy(lists.storyWords.contains), w.contains(where: lists.storyCues.contains) {
            return .stories
        }
        guard w.allSatisfy({ lists.greetings.contains($0) || lists.thanks.contains($0) || lists.help.contains($0) || lists.filler.contains($0) }) else {
            return nil
        }
        if w.contains(where: lists.help.contains) { return .help }
        if w.contains(where: lists.thanks.contains) { return .thanks }
        if w.contains(where: lists.greetings.contains) { return .greeting }
        return nil
    }
}

/// The words of small talk (`smalltalk.txt`, one section each): a message made only of
/// them is answered politely, never with a fact.
public struct SmallTalkWords: Sendable, Equatable {
    /// `[greetings]`: "hi", "hello", "morning".
    public var greetings: WordSet = ["hi", "hello", "hey", "hiya", "howdy", "yo", "morning", "evening", "afternoon", "good", "greetings", "sup"]
    /// `[thanks]`: "thanks", "cheers", "ok".
    public var thanks: WordSet = ["thanks", "thank", "thx", "ty", "cheers", "great", "ok", "okay", "cool", "nice"]
    /// `[help]`: asking how to use the bot.
    public var help: WordSet = ["help", "usage", "commands"]
    /// `[filler]`: words that go with the others ("thank *you*", "hi *there*").
    public var filler: WordSet = ["you", "there", "bot", "factbot", "much", "a", "lot", "please", "me", "so"]
    /// `[story cues]`: one of these in a message of story words asks what the bot knows
    /// ("what do you *know* about?", "which *topics*").
    public var storyCues: WordSet = ["know", "topics", "topic", "stories", "cover", "covered", "subjects", "news"]
    /// `[story words]`: the words such a message may be made of.
    public var storyWords: WordSet = [
        "what", "which", "do", "does", "you", "know", "about", "can", "could", "tell", "me", "us",
        "topics", "topic", "stories", "story", "cover", "covered", "subjects", "news", "is", "are",
        "there", "the", "any", "anything", "of", "on", "have", "got", "so", "far", "bot", "factbot",
    ]

    /// The built-in lists, used when the knowledge folder has no `smalltalk.txt`.
    public init() {}

    /// The sections of `smalltalk.txt`, by name, and the list each fills.
    nonisolated(unsafe) static let sections: [(name: String, list: WritableKeyPath<SmallTalkWords, WordSet>)] = [  // key paths: immutable, never written
        ("greetings", \.greetings), ("thanks", \.thanks), ("help", \.help), ("filler", \.filler),
        ("story cues", \.storyCues), ("story words", \.storyWords),
    ]
}
