import CStemmer
import Foundation

/// English Snowball stemming through libstemmer: recruiting, recruited, recruits → recruit.
///
/// libstemmer's stemmer objects are not thread-safe, so calls are serialised with a lock;
/// one stemmer per answerer is plenty (a stem takes well under a microsecond).
public final class Stemmer: @unchecked Sendable {
    private let stemmer: OpaquePointer
    private let lock = NSLock()

    /// Makes an English stemmer. Fails only if libstemmer lacks the language.
    public init?(language: String = "english") {
        guard let stemmer = sb_stemmer_new(language, nil) else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lowercase word. Words libstemmer cannot take come back unchanged.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < 256 else { return String(decoding: bytes, as: UTF8.self) }
            lock.lock()
            defer { lock.unlock() }
            guard let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
