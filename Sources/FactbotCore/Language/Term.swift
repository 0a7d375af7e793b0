/// A unit of meaning that questions and facts are matched on: a stem (`recruit`), a
/// synonym group (`~pay` for pay, salary, wage, earn ...) or a known phrase (`north_korea`).
public struct Term: Sendable, Equatable, Hashable {
    /// The matching key.
    public var key: String
    /// The words it came from, as written (after normalising), for explanations.
    public var surface: String
    /// Names a person, place, country or organisation.
    public var isName: Bool
    /// A number (`155`, `2023`).
    public var isNumber: Bool
    /// The word as typed when spelling correction changed it.
    public var correctedFrom: String?
    /// A weak word (`weakwords.txt`): it helps a fact that has it, costs nothing otherwise.
    public var isWeak: Bool = false
    /// When the word is one the fact base does not use, the WordNet link that matched it
    /// to one it does (``key`` is then the link's): weighed at the link's strength.
    public var link: WordLink?

    /// Makes a term.
    public init(key: String, surface: String, isName: Bool = false, isNumber: Bool = false, correctedFrom: String? = nil) {
        self.key = key
        self.surface = surface
        self.isName = isName
        self.isNumber = isNumber
        self.correctedFrom = correctedFrom
    }

    /// True when every word it came from is one of `words` (a phrase's words all in a span).
    func lies(within words: Set<String>) -> Bool { surface.split(separator: " ").allSatisfy { words.contains(String($0)) } }
}
