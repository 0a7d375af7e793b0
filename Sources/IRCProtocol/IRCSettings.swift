/// Everything the IRC session and its connection need to know, with defaults.
///
/// Secrets are not stored here: the server and SASL passwords are read from the
/// environment variables named by ``serverPasswordVariable`` and ``saslPasswordVariable``
/// by the executable, and handed to the session as ``Secrets``.
public struct IRCSettings: Sendable, Equatable {
    /// Server host name or address.
    public var server = "127.0.0.1"
    /// Server port (6667 plain, 6697 TLS by convention).
    public var port = 6667
    /// Speak TLS on the connection.
    public var tls = false
    /// Verify the server's certificate and host name (leave on outside of tests).
    public var tlsVerify = true
    /// A PEM file of CA certificates for a private server; empty means the system's.
    public var tlsCAFile = ""
    /// A pinned server certificate, `sha256:AB:CD:…` (see ``TLSFingerprint``); empty means
    /// none. When set, the server must present exactly that certificate (SHA-256 of the DER
    /// certificate) or that public key (SHA-256 of the DER SubjectPublicKeyInfo), whatever
    /// its chain, names or dates; the CA store and ``tlsVerify`` are not consulted.
    public var tlsFingerprint = ""
    /// A PEM file with the client certificate (and its chain) to present, for SASL EXTERNAL
    /// or CertFP; empty means none.
    public var tlsClientCert = ""
    /// The PEM file with the client certificate's private key; empty means the key is in
    /// ``tlsClientCert``.
    public var tlsClientKey = ""

    /// True when a client certificate is configured (and TLS is on), so SASL can use EXTERNAL.
    public var hasClientCertificate: Bool { tls && !tlsClientCert.isEmpty }

    /// The nick to use, and to take back when someone else held it.
    public var nick = "factbot"
    /// Nicks to try, in order, when ``nick`` is taken; then `nick1`, `nick2`...
    public var alternateNicks: [String] = []
    /// The user (ident) name.
    public var username = "factbot"
    /// The "real name" shown in WHOIS.
    public var realname = "factbot: answers questions about the news from a curated fact base"
    /// Channels to join.
    public var channels: [Channel] = []

    /// A prefix that addresses the bot in a channel without its nick (`!ask how much?`).
    /// Empty turns the prefix off.
    public var commandPrefix = "!ask"
    /// Nicks or `nick!user@host` masks (with `*`, `?`) the bot never answers.
    public var ignore: [String] = []

    /// The SASL account; empty means no SASL.
    public var saslAccount = ""
    /// The SASL mechanism; nil (`auto`) picks EXTERNAL with a client certificate, else the
    /// strongest the server lists (SCRAM-SHA-256, SCRAM-SHA-1, PLAIN), and the next on failure.
    public var saslMechanism: SASLMechanism?
    /// Stop (no reconnect) when SASL cannot log in, instead of going on unauthenticated.
    public var saslRequired = false
    /// The environment variable holding the SASL password.
    public var saslPasswordVariable = "FACTBOT_SASL_PASSWORD"
    /// The environment variable holding the server password (PASS), if the server needs one.
    public var serverPasswordVariable = "FACTBOT_SERVER_PASSWORD"

    /// Lines sent per answer before the rest is kept for `more`.
    public var maxLinesPerAnswer = 3
    /// Outgoing lines sent back to back after a quiet spell.
    public var floodBurst = 4
    /// Seconds between outgoing lines once the burst is spent.
    public var floodInterval = 1.0
    /// Questions one user may ask per ``userWindow``.
    public var userQuestions = 6
    /// The window of the per-user question limit, in seconds.
    public var userWindow = 60.0

    /// Seconds to wait before rejoining a channel the bot was kicked from.
    public var rejoinDelay = 5.0
    /// Seconds of silence from the server before the bot sends its own PING.
    public var pingInterval = 120.0
    /// Seconds to wait for any reply to that PING before reconnecting.
    public var pingTimeout = 60.0
    /// Seconds to wait for registration to finish before giving up on a connection.
    public var registrationTimeout = 60.0
    /// The longest wait between reconnection attempts, in seconds.
    public var reconnectMaxDelay = 60.0
    /// The message sent with QUIT on shutdown.
    public var quitMessage = "factbot shutting down"

    /// Defaults throughout.
    public init() {}
}

/// A channel to join, with its key if it has one.
public struct Channel: Sendable, Equatable, CustomStringConvertible {
    /// The channel name, with its `#` or `&`.
    public var name: String
    /// The channel key (password), if any.
    public var key: String?

    /// A channel with an optional key.
    public init(_ name: String, key: String? = nil) {
        self.name = name
        self.key = key
    }

    /// Reads `#chan` or `#chan,key`; nil unless the name starts with `#`, `&`, `+` or `!`
    /// and holds no space, comma, BEL, CR, LF or NUL.
    public init?(parsing text: String) {
        var name = Substring(text)
        var key: String?
        if let comma = name.firstIndex(of: ",") {
            let rawKey = name[name.index(after: comma)...]
            name = name[..<comma]
            guard !rawKey.isEmpty, !rawKey.contains(where: { " ,\u{7}\r\n\0".contains($0) }) else { return nil }
            key = String(rawKey)
        }
        guard let first = name.first, "#&+!".contains(first), name.count > 1, name.utf8.count <= 200,
            !name.contains(where: { " ,\u{7}\r\n\0:".contains($0) })
        else { return nil }
        self.init(String(name), key: key)
    }

    /// `#chan` or `#chan,key` (the key is never shown in logs; see ``name``).
    public var description: String { key.map { "\(name),\($0)" } ?? name }
}

/// A nickname check: what servers accept for a nick (RFC 2812 letters, digits and
/// `[]\`_^{|}-`, not starting with a digit or `-`).
public enum Nickname {
    /// True when `nick` is a nick a server would accept (length aside).
    public static func isValid(_ nick: String) -> Bool {
        guard let first = nick.unicodeScalars.first, nick.utf8.count <= 64 else { return false }
        let special = "[]\\`_^{|}".unicodeScalars
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        guard isLetter(first) || special.contains(first) else { return false }
        return nick.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || special.contains($0) || $0 == "-" }
    }
}

/// Passwords read from the environment, kept out of settings and logs.
public struct Secrets: Sendable, Equatable {
    /// The server password for PASS, if any.
    public var serverPassword: String?
    /// The SASL password, if any.
    public var saslPassword: String?

    /// Secrets, each optional.
    public init(serverPassword: String? = nil, saslPassword: String? = nil) {
        self.serverPassword = serverPassword
        self.saslPassword = saslPassword
    }

    /// Every secret value, for masking in logs.
    public var values: [String] { [serverPassword, saslPassword].compactMap { $0 }.filter { !$0.isEmpty } }
}
