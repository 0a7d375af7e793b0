/// Masks secrets in protocol lines before they reach a log.
public enum Redaction {
    /// The line with PASS and AUTHENTICATE payloads and every known secret value replaced by `***`.
    public static func mask(_ line: String, secrets: Secrets) -> String {
        var out = line
        if let message = IRCMessage(parsing: line) {
            switch message.verb {
            case "PASS":
                out = "PASS ***"
            case "AUTHENTICATE" where !["PLAIN", "+", "*"].contains(message[parameter: 0]):
                out = "AUTHENTICATE ***"
            default:
                break
            }
        }
        for secret in secrets.values where out.contains(secret) {
            out = out.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "***")
        }
        return out
    }
}
