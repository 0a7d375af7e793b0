/// A fixed map from words to values, looked up the way ``WordSet`` tells membership: an
/// FNV-1a hash and a small open-addressed table instead of `Dictionary`'s SipHash. For
/// the tables read for every word of every question (what a word stems to, its
/// shorthand, the number it spells). Built once and never changed.
public struct WordMap<Value: Sendable>: Sendable {
    private let keys: WordSet
    /// The value of each key, by its position in the key set.
    private let values: [Value]

    /// The map holding `dictionary`'s pairs.
    public init(_ dictionary: [String: Value]) {
        let keys = WordSet(dictionary.keys)
        self.keys = keys
        self.values = keys.words.map { dictionary[$0]! }
    }

    /// The value of `word`, if it is a key.
    public subscript(word: String) -> Value? { keys.position(of: word).map { values[$0] } }

    /// The value of `token`'s word, if it is a key (with the hash the token keeps).
    public subscript(token: Token) -> Value? { keys.position(of: token.text, hash: token.wordHash).map { values[$0] } }

    /// How many keys the map holds.
    public var count: Int { values.count }

    /// Each key with its value.
    public var pairs: Zip2Sequence<[String], [Value]> { zip(keys.words, values) }
}
