/// A message source split into its parts: `nick!user@host`, or a server name (nick only).
public struct Hostmask: Sendable, Equatable {
    /// The nick (or the server name when there is no `!`/`@`).
    public var nick: String
    /// The user (ident) part, if present.
    public var user: String?
    /// The host part, if present.
    public var host: String?

    /// Splits a source string.
    public init(_ source: String) {
        var rest = Substring(source)
        if let at = rest.lastIndex(of: "@") {
            host = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        if let bang = rest.firstIndex(of: "!") {
            user = String(rest[rest.index(after: bang)...])
            rest = rest[..<bang]
        }
        nick = String(rest)
    }

    /// The whole mask as `nick!user@host`, with `*` for missing parts.
    public var description: String { "\(nick)!\(user ?? "*")@\(host ?? "*")" }

    /// True when this source matches an ignore pattern: a plain nick (`troll`), or a
    /// mask with `*` and `?` wildcards (`*!*@spam.example`). Case-insensitive, as the
    /// server's `caseMapping` folds.
    public func matches(_ pattern: String, caseMapping: CaseMapping = .rfc1459) -> Bool {
        let pattern = caseMapping.fold(pattern)
        if !pattern.contains("!") && !pattern.contains("@") {
            return Wildcard.matches(pattern, caseMapping.fold(nick))
        }
        return Wildcard.matches(pattern, caseMapping.fold(description))
    }
}

extension Hostmask {
    /// True when an ignore pattern is nothing but wildcards (`*`, `?`) and the separators
    /// `!` and `@`: `*`, `*!*@*`, `*!*`, `*@*`. Such a pattern matches everyone (or, with
    /// `?`, everyone with a short enough nick), so ignoring it silences the bot.
    public static func isOnlyWildcards(_ pattern: String) -> Bool {
        !pattern.isEmpty && pattern.unicodeScalars.allSatisfy { "*?!@".unicodeScalars.contains($0) }
    }
}

/// Glob matching with `*` (any run) and `?` (any one character).
enum Wildcard {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
