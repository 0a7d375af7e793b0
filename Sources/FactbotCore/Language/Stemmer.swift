import CStemmer
import Foundation

/// English Snowball stemming through libstemmer: recruiting, recruited, recruits → recruit.
///
/// libstemmer's stemmer objects are not thread-safe, so calls are serialised with a lock;
/// one stemmer per answerer is plenty (a stem takes well under a microsecond). Stems are
/// remembered: a fact base says the same words over and over, and a remembered stem
/// costs a hash look-up instead of a round trip through C and two string copies.
public final class Stemmer: @unchecked Sendable {
    private let stemmer: OpaquePointer
    private let lock = NSLock()
    private var cache: [String: String] = [:]
    /// Most stems remembered: bounds the memory a long-running bot gives to junk words.
    static let cacheLimit = 200_000

    /// Makes an English stemmer. Fails only if libstemmer lacks the language.
    public init?(language: String = "english") {
        guard let stemmer = sb_stemmer_new(language, nil) else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// Irregular pasts and participles of verbs, stemmed as their verb ("sent" as "send",
    /// "hid" as "hide"), which Snowball leaves alone. Only forms that are seldom another
    /// word: not "left", "found", "saw", "led", "shot", "won" (a currency), "rose", "met" (the
    /// Met), "broke" (penniless), "ran" ("the paper ran the story": the lists' publish). "paid" is
    /// left to the word lists' pay group: the checks of who is paid read it as written.
    static let irregularForms: [String: String] = [
        "sent": "send", "hid": "hide", "hidden": "hide", "began": "begin", "begun": "begin", "took": "take", "taken": "take",
        "gave": "give", "given": "give", "spoke": "speak", "spoken": "speak", "brought": "bring", "bought": "buy", "sold": "sell",
        "kept": "keep", "held": "hold", "wrote": "write", "written": "write", "fought": "fight", "caught": "catch",
        "taught": "teach", "told": "tell", "knew": "know", "known": "know", "flew": "fly", "flown": "fly", "drove": "drive",
        "driven": "drive", "chose": "choose", "chosen": "choose", "threw": "throw", "thrown": "throw", "struck": "strike",
        "stole": "steal", "stolen": "steal", "fallen": "fall", "broken": "break", "lost": "lose",
        "sought": "seek", "understood": "understand", "forgot": "forget", "forgotten": "forget", "meant": "mean", "grew": "grow", "grown": "grow",
        "drew": "draw", "drawn": "draw", "spent": "spend", "built": "build",
        "stood": "stand", "fled": "flee", "slept": "sleep", "swore": "swear", "sworn": "swear", "wore": "wear", "worn": "wear",
    ]

    /// The stem of a lowercase word. Words libstemmer cannot take come back unchanged.
    public func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[word] { return known }
        var copy = Self.irregularForms[word] ?? word
        let stem = copy.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < 256,
                let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count))
            else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
        if cache.count < Self.cacheLimit { cache[word] = stem }
        return stem
    }
}
