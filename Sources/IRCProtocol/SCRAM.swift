/// The hash a SCRAM mechanism is built on.
public enum SCRAMHash: Sendable, Equatable {
    case sha256
    case sha1

    /// Output size in bytes.
    public var size: Int {
        switch self {
        case .sha256: 32
        case .sha1: 20
        }
    }
}

/// The cryptography SCRAM needs, kept out of the protocol code: the adapter implements it
/// with OpenSSL (FactbotIRC's `OpenSSLCrypto`); nothing here is hand-written crypto.
public protocol SCRAMCrypto: Sendable {
    /// H(data).
    func hash(_ algorithm: SCRAMHash, _ data: [UInt8]) -> [UInt8]
    /// HMAC(key, data).
    func hmac(_ algorithm: SCRAMHash, key: [UInt8], data: [UInt8]) -> [UInt8]
    /// PBKDF2 with HMAC (RFC 8018), one hash-sized block: SCRAM's Hi().
    func pbkdf2(_ algorithm: SCRAMHash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8]
    /// `count` bytes from a cryptographically secure generator, for the client nonce.
    func randomBytes(_ count: Int) -> [UInt8]
    /// `text` prepared with SASLprep (RFC 4013) as a query string, as SCRAM hashes a
    /// password; nil when the profile prohibits it (control characters, wrong bidi, …).
    func saslPrep(_ text: String) -> String?
}

extension SCRAMCrypto {
    /// Without Unicode tables: printable ASCII, which SASLprep leaves as it is; nil for
    /// anything else, which is refused rather than hashed wrong.
    public func saslPrep(_ text: String) -> String? {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) } ? text : nil
    }
}

/// The client side of SCRAM (RFC 5802, RFC 7677) without channel binding: the messages,
/// the proof, and the check of the server's signature. Pure; the crypto is handed in.
public struct SCRAMClient {
    /// Why an exchange cannot go on.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The server's message is not what RFC 5802 describes.
        case malformed(String)
        /// The server's signature does not match: it does not know the password (an impostor,
        /// or a man in the middle).
        case badServerSignature
        /// The server reported an error (`e=...`).
        case serverError(String)
        /// The password cannot be prepared (SASLprep is implemented for ASCII only).
        case unpreparablePassword

        public var description: String {
            switch self {
            case .malformed(let what): "the server's SCRAM message is malformed: \(what)"
            case .badServerSignature:
                "the server's SCRAM signature does not verify: it does not know the password (possibly an impostor)"
            case .serverError(let error): "the server refused the SCRAM proof: \(error)"
            case .unpreparablePassword:
                "SASLprep (RFC 4013), which SCRAM applies to the password, refuses this one (a control character, an unassigned or prohibited code point, or mixed right-to-left text): use another password, or sasl_mechanism = PLAIN over TLS"
            }
        }
    }

    /// The most PBKDF2 iterations a server may ask for: more would let it stall the bot.
    public static let maximumIterations = 1_000_000

    let algorithm: SCRAMHash
    let crypto: any SCRAMCrypto
    let password: [UInt8]
    let clientNonce: String
    let clientFirstBare: String
    var serverSignature: [UInt8]?

    /// A client for `username`, or nil when the password cannot be SASLprep'd
    /// (see ``canPrepare(_:crypto:)``). `nonce` is printable ASCII without commas.
    public init?(_ algorithm: SCRAMHash, username: String, password: String, nonce: String, crypto: any SCRAMCrypto) {
        guard let prepared = crypto.saslPrep(password), !prepared.isEmpty else { return nil }
        self.algorithm = algorithm
        self.crypto = crypto
        self.password = Array(prepared.utf8)
        self.clientNonce = nonce
        self.clientFirstBare = "n=\(Self.escape(username)),r=\(nonce)"
    }

    /// True when SASLprep (RFC 4013) accepts `password` and leaves something of it.
    public static func canPrepare(_ password: String, crypto: any SCRAMCrypto) -> Bool {
        !(crypto.saslPrep(password) ?? "").isEmpty
    }

    /// `n,,n=user,r=nonce`: the first message (no channel binding, no authzid).
    public var clientFirst: String { "n,," + clientFirstBare }

    /// The client-final message answering `serverFirst` (`r=...,s=...,i=...`).
    public mutating func clientFinal(serverFirst: String) throws(Failure) -> String {
        let fields = Self.fields(serverFirst)
        if serverFirst.hasPrefix("m=") { throw .malformed("it requires an extension factbot does not know") }
        guard let nonce = fields["r"], nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count else {
            throw .malformed("the nonce does not extend ours")
        }
        guard let saltText = fields["s"], let salt = Base64.decode(saltText), !salt.isEmpty else { throw .malformed("no salt") }
        guard let iterationText = fields["i"], let iterations = Int(iterationText), iterations >= 1 else {
            throw .malformed("no iteration count")
        }
        guard iterations <= Self.maximumIterations else {
            throw .malformed("\(iterations) iterations is more than the \(Self.maximumIterations) factbot accepts")
        }
        let withoutProof = "c=biws,r=\(nonce)"  // biws = base64("n,,")
        let authMessage = Array("\(clientFirstBare),\(serverFirst),\(withoutProof)".utf8)
        let salted = crypto.pbkdf2(algorithm, password: password, salt: salt, iterations: iterations)
        let clientKey = crypto.hmac(algorithm, key: salted, data: Array("Client Key".utf8))
        let storedKey = crypto.hash(algorithm, clientKey)
        let clientSignature = crypto.hmac(algorithm, key: storedKey, data: authMessage)
        let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        let serverKey = crypto.hmac(algorithm, key: salted, data: Array("Server Key".utf8))
        serverSignature = crypto.hmac(algorithm, key: serverKey, data: authMessage)
        return "\(withoutProof),p=\(Base64.encode(proof))"
    }

    /// Checks the server-final message (`v=signature` or `e=error`).
    public func verify(serverFinal: String) throws(Failure) {
        let fields = Self.fields(serverFinal)
        if let error = fields["e"] { throw .serverError(error) }
        guard let expected = serverSignature else { throw .malformed("a final message before the first") }
        guard let text = fields["v"], let signature = Base64.decode(text) else { throw .malformed("no signature") }
        // Compared in full whatever the bytes, so the time taken tells nothing.
        var difference = UInt8(signature.count == expected.count ? 0 : 1)
        for (index, byte) in expected.enumerated() { difference |= byte ^ (index < signature.count ? signature[index] : ~byte) }
        guard difference == 0 else { throw .badServerSignature }
    }

    /// `a=1,b=2` → ["a": "1", "b": "2"] (values may hold `=`).
    static func fields(_ message: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in message.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2, pair[0].count == 1, out[String(pair[0])] == nil { out[String(pair[0])] = String(pair[1]) }
        }
        return out
    }

    /// RFC 5802 saslname: `=` → `=3D`, `,` → `=2C`.
    static func escape(_ username: String) -> String {
        var out = ""
        for character in username {
            switch character {
            case "=": out += "=3D"
            case ",": out += "=2C"
            default: out.append(character)
            }
        }
        return out
    }
}
