/// How the server folds the case of nicks and channel names (ISUPPORT `CASEMAPPING`).
///
/// Every nick and channel comparison the session makes goes through the mapping the
/// server announced: with `rfc1459` (the default when the server names none) `fact[bot]`
/// and `FACT{BOT}` are one nick; with `ascii` they are two.
public enum CaseMapping: String, Sendable, Equatable, CaseIterable {
    /// Only `A`–`Z` fold to `a`–`z`.
    case ascii
    /// `A`–`Z` and `[]\~` fold to `a`–`z` and `{}|^` (RFC 1459's "Scandinavian" case).
    case rfc1459
    /// As ``rfc1459`` without `~`/`^`.
    case strictRFC1459 = "strict-rfc1459"

    /// The mapping a server announces as `CASEMAPPING=name`; nil for one the session does
    /// not know (it then keeps the mapping it had).
    public init?(announced name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// `name` folded for comparison: two names are the same to the server when their
    /// folds are equal.
    public func fold(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar -> Unicode.Scalar in
                    switch scalar {
                    case "A"..."Z": return Unicode.Scalar(scalar.value + 32)!
                    case "[" where self != .ascii: return "{"
                    case "]" where self != .ascii: return "}"
                    case "\\" where self != .ascii: return "|"
                    case "~" where self == .rfc1459: return "^"
                    default: return scalar
                    }
                }))
    }

    /// True when two nicks or channel names are the same to the server.
    public func same(_ a: String, _ b: String) -> Bool { fold(a) == fold(b) }
}
