/// What the server said about itself in RPL_ISUPPORT (005): the features the session
/// needs to compare names and tell channels from nicks.
///
/// Each 005 line carries some `NAME=value` tokens; ``apply(_:)`` takes them one line at
/// a time, `-NAME` puts a feature back to its default, and unknown tokens are ignored.
/// The defaults are what a server that says nothing is assumed to do.
public struct ServerSupport: Sendable, Equatable {
    /// `CASEMAPPING`: how nicks and channel names fold (default `rfc1459`).
    public var caseMapping = CaseMapping.rfc1459
    /// `NICKLEN`: the longest nick the server accepts, in bytes; nil when not said.
    public var nickLength: Int?
    /// `CHANTYPES`: the characters a channel name starts with (default `#&`).
    public var channelTypes: [Character] = ["#", "&"]
    /// `PREFIX` symbols, highest first (default `@+`, for `(ov)`): shown before a nick in
    /// NAMES replies.
    public var prefixSymbols: [Character] = ["@", "+"]
    /// `STATUSMSG`: symbols that, before a channel name, address only the members with
    /// that status (`@#chan` reaches the operators); none by default.
    public var statusMessageSymbols: [Character] = []

    /// The defaults.
    public init() {}

    /// Takes the tokens of one 005 line (the parameters between our nick and the closing
    /// "are supported by this server").
    public mutating func apply(_ tokens: some Sequence<String>) {
        let defaults = ServerSupport()
        for token in tokens {
            if token.hasPrefix("-") {
                switch token.dropFirst().uppercased() {
                case "CASEMAPPING": caseMapping = defaults.caseMapping
                case "NICKLEN": nickLength = defaults.nickLength
                case "CHANTYPES": channelTypes = defaults.channelTypes
                case "PREFIX": prefixSymbols = defaults.prefixSymbols
                case "STATUSMSG": statusMessageSymbols = defaults.statusMessageSymbols
                default: break
                }
                continue
            }
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch parts[0].uppercased() {
            case "CASEMAPPING":
                if let mapping = CaseMapping(announced: value) { caseMapping = mapping }
            case "NICKLEN":
                if let length = Int(value), length > 0 { nickLength = length }
            case "CHANTYPES":
                channelTypes = Array(value)  // empty: the server has no channels
            case "PREFIX":
                // `(ov)@+`: modes in brackets, then their symbols; `PREFIX=` means none.
                if value.isEmpty {
                    prefixSymbols = []
                } else if let close = value.firstIndex(of: ")"), value.first == "(" {
                    prefixSymbols = Array(value[value.index(after: close)...])
                }
            case "STATUSMSG":
                statusMessageSymbols = Array(value)
            default:
                break
            }
        }
    }

    /// True when `target` names a channel: it starts with one of ``channelTypes``.
    public func isChannel(_ target: String) -> Bool {
        guard let first = target.first else { return false }
        return channelTypes.contains(first)
    }

    /// The channel a STATUSMSG target such as `@#chan` or `@+#chan` addresses; nil when
    /// `target` is not one (a plain channel or a nick).
    public func statusMessageChannel(_ target: String) -> String? {
        let channel = target.drop { statusMessageSymbols.contains($0) }
        guard channel.startIndex != target.startIndex, isChannel(String(channel)) else { return nil }
        return String(channel)
    }

    /// A nick from a NAMES reply without its status symbols (`@+nick` → `nick`, with
    /// multi-prefix several).
    public func nickWithoutPrefix(_ entry: String) -> String {
        String(entry.drop { prefixSymbols.contains($0) })
    }

    /// `base` followed by `suffix`, with `base` cut short so the whole fits ``nickLength``
    /// (`factbot` + `1` with NICKLEN=7 is `factbo1`).
    public func nick(_ base: String, suffix: String = "") -> String {
        guard let limit = nickLength else { return base + suffix }
        let room = max(1, limit - suffix.utf8.count)
        var kept = ""
        for character in base {
            guard kept.utf8.count + character.utf8.count <= room else { break }
            kept.append(character)
        }
        return kept + suffix
    }
}
