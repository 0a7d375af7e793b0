/// A SASL mechanism factbot can log in with, named as servers list them in
/// `sasl=EXTERNAL,PLAIN,...` and RPL_SASLMECHS (908).
public enum SASLMechanism: String, Sendable, Equatable, CaseIterable {
    /// The TLS client certificate is the credential (`AUTHENTICATE +`); no password.
    case external = "EXTERNAL"
    /// RFC 7677: the password never crosses the wire and the server proves it knows it.
    case scramSHA256 = "SCRAM-SHA-256"
    /// RFC 5802: as SCRAM-SHA-256 with SHA-1.
    case scramSHA1 = "SCRAM-SHA-1"
    /// RFC 4616: account and password in base64, readable by the server (and by anyone
    /// on a plain connection).
    case plain = "PLAIN"

    /// The name sent in `AUTHENTICATE <name>`.
    public var name: String { rawValue }

    /// The hash of a SCRAM mechanism; nil for the others.
    public var scramHash: SCRAMHash? {
        switch self {
        case .scramSHA256: .sha256
        case .scramSHA1: .sha1
        case .external, .plain: nil
        }
    }

    /// Reads a `sasl_mechanism` value: `auto` is nil (factbot chooses), a mechanism name
    /// (any case) is that mechanism; anything else is not a choice at all.
    public static func parseChoice(_ text: String) -> SASLMechanism?? {
        if text.lowercased() == "auto" { return .some(nil) }
        guard let mechanism = SASLMechanism(rawValue: text.uppercased()) else { return nil }
        return .some(mechanism)
    }

    /// The strongest first: what `auto` tries, in order, among those the server lists.
    static let strongestFirst: [SASLMechanism] = [.external, .scramSHA256, .scramSHA1, .plain]
}
