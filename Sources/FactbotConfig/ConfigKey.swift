import FactbotCore
import IRCProtocol

/// How one bot.conf key's value is read and where it goes. `apply` returns a problem
/// in words, or nil.
enum ConfigKey {
    /// What a text value may hold.
    enum TextRule {
        case any, line, word, wordOrEmpty, nick, hostName, variable, path, fingerprint
    }

    case fraction(WritableKeyPath<BotConfig, Double>)
    case count(WritableKeyPath<BotConfig, Int>, ClosedRange<Int>)
    case seconds(WritableKeyPath<BotConfig, Double>, ClosedRange<Double>)
    case flag(WritableKeyPath<BotConfig, Bool>)
    case text(WritableKeyPath<BotConfig, String>, TextRule)
    /// Nicks or masks to ignore; one that is only wildcards would silence the bot.
    case ignoreMasks(WritableKeyPath<BotConfig, [String]>)
    case nicks(WritableKeyPath<BotConfig, [String]>)
    case channels(WritableKeyPath<BotConfig, [Channel]>)
    /// `auto` (nil) or a SASL mechanism's name.
    case saslMechanism(WritableKeyPath<BotConfig, SASLMechanism?>)

    func apply(_ text: String, to config: inout BotConfig) -> String? {
        switch self {
        case .fraction(let path):
            guard let value = Double(text), (0...1).contains(value) else {
                return "expected a number from 0 to 1, got \"\(text)\""
            }
            config[keyPath: path] = value
        case .count(let path, let range):
            guard let value = Int(text), range.contains(value) else {
                return "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\""
            }
            config[keyPath: path] = value
        case .seconds(let path, let range):
            guard let value = Self.duration(text), range.contains(value) else {
                return
                    "expected a duration from \(Self.describe(range.lowerBound)) to \(Self.describe(range.upperBound)) such as 30s, 2m or 1.5, got \"\(text)\""
            }
            config[keyPath: path] = value
        case .flag(let path):
            switch text.lowercased() {
            case "true", "yes", "on", "1": config[keyPath: path] = true
            case "false", "no", "off", "0": config[keyPath: path] = false
            default: return "expected true or false, got \"\(text)\""
            }
        case .text(let path, let rule):
            if let problem = Self.check(text, rule) { return problem }
            config[keyPath: path] = text
        case .ignoreMasks(let path):
            let masks = Self.items(text)
            if let everyone = masks.first(where: Hostmask.isOnlyWildcards) {
                return
                    "\"\(everyone)\" is only wildcards and matches everyone, so the bot would answer no one; give nicks or masks with a fixed part, such as troll or *!*@spam.example"
            }
            config[keyPath: path] = masks
        case .nicks(let path):
            let nicks = Self.items(text)
            if let bad = nicks.first(where: { !Nickname.isValid($0) }) { return "\"\(bad)\" is not a valid nick" }
            config[keyPath: path] = nicks
        case .channels(let path):
            var channels: [Channel] = []
            for item in Self.items(text) {
                guard let channel = Channel(parsing: item) else {
                    return "\"\(item)\" is not a channel: write #name, or #name,key for a keyed channel, separated by spaces"
                }
                channels.append(channel)
            }
            config[keyPath: path] = channels
        case .saslMechanism(let path):
            guard let choice = SASLMechanism.parseChoice(text) else {
                let names = ["auto"] + SASLMechanism.allCases.map(\.name)
                return "expected one of \(names.joined(separator: ", ")), got \"\(text)\""
            }
            config[keyPath: path] = choice
        }
        return nil
    }

    /// Items separated by spaces or tabs.
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// `30`, `30s`, `2m`, `6h`, `1d`, `1.5`, `250ms` → seconds.
    static func duration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let trimmed = text.lowercased()
        if trimmed.hasSuffix("ms") {
            return Double(trimmed.dropLast(2)).map { $0 / 1000 }
        }
        if let last = trimmed.last, let unit = units[last] {
            return Double(trimmed.dropLast()).map { $0 * unit }
        }
        return Double(trimmed)
    }

    static func describe(_ seconds: Double) -> String {
        if seconds > 0, seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }

    /// A problem when `text` holds a control character (below U+0020, or U+007F): CR, LF
    /// or NUL would end or cut the line sent to the server, and IRC's formatting codes
    /// (colour, bold...) have no place in a name or a quit message.
    static func controlCharacter(in text: String) -> String? {
        guard let control = text.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let code = String(control.value, radix: 16, uppercase: true)
        return
            "holds a control character (U+\(String(repeating: "0", count: 4 - code.count))\(code)); write plain text, without line breaks, tabs or formatting codes"
    }

    static func check(_ text: String, _ rule: TextRule) -> String? {
        let hasSpace = text.contains(" ") || text.contains("\t")
        if rule != .any, rule != .path, let problem = controlCharacter(in: text) { return problem }
        switch rule {
        case .any, .line:
            return nil
        case .fingerprint:
            return text.isEmpty || TLSFingerprint(parsing: text) != nil ? nil : "\(TLSFingerprint.expectedForm), got \"\(text)\""
        case .path:
            return text.isEmpty ? "expected a folder" : nil
        case .word:
            return text.isEmpty || hasSpace ? "expected one word, got \"\(text)\"" : nil
        case .wordOrEmpty:
            return hasSpace ? "expected one word (or nothing), got \"\(text)\"" : nil
        case .nick:
            return Nickname.isValid(text) ? nil : "\"\(text)\" is not a valid nick (letters, digits and []\\`_^{|}-, not starting with a digit or -)"
        case .hostName:
            return text.isEmpty || hasSpace || text.contains("/") ? "expected a host name or address, got \"\(text)\"" : nil
        case .variable:
            let valid =
                !text.isEmpty
                && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            return valid ? nil : "expected an environment variable name such as FACTBOT_SASL_PASSWORD, got \"\(text)\""
        }
    }
}
