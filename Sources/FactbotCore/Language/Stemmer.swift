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

    /// The stem of a lowercase word. Words libstemmer cannot take come back unchanged.
    public func stem(_ word: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[word] { return known }
        var copy = word
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
