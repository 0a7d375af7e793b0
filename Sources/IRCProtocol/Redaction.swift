/// Masks secrets in protocol lines before they reach a log.
public enum Redaction {
    /// The line with PASS and AUTHENTICATE payloads and every known secret value replaced by `***`.
    public static func mask(_ line: String, secrets: Secrets) -> String {
        var out = line
        if let message = IRCMessage(parsing: line) {
            switch message.verb {
            case "PASS":
                out = "PASS ***"
            case "AUTHENTICATE" where !["+", "*"].contains(message[parameter: 0]) && SASLMechanism(rawValue: message[parameter: 0]) == nil:
                out = "AUTHENTICATE ***"
            case "JOIN" where message.parameters.count >= 2 && message.source == nil:
                out = "JOIN \(message[parameter: 0]) ***"  // channel keys
            default:
                break
            }
        }
        for secret in secrets.values where out.contains(secret) {
            out = out.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "***")
        }
        return out
    }

    /// Text from strangers made safe for a terminal or log file: control characters
    /// (escape sequences, IRC formatting, CR/LF) shown as `?`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) ? "?" : scalar
                }))
    }
}
