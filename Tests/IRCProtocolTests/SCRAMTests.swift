import FactbotIRC
import Testing

@testable import IRCProtocol

/// SCRAM through OpenSSL against the RFCs' own examples.
@Suite struct SCRAMTests {
    let crypto = OpenSSLCrypto()

    /// RFC 7677 section 3.
    @Test func rfc7677SHA256Example() throws {
        var client = try #require(SCRAMClient(.sha256, username: "user", password: "pencil", nonce: "rOprNGfwEbeRWgbNEkqO", crypto: crypto))
        #expect(client.clientFirst == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let final = try client.clientFinal(serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
        #expect(final == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        try client.verify(serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
        #expect(throws: SCRAMClient.Failure.badServerSignature) {
            try client.verify(serverFinal: "v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")
        }
        #expect(throws: SCRAMClient.Failure.badServerSignature) { try client.verify(serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJR") }
        #expect(throws: SCRAMClient.Failure.serverError("invalid-proof")) { try client.verify(serverFinal: "e=invalid-proof") }
    }

    /// RFC 5802 section 5.
    @Test func rfc5802SHA1Example() throws {
        var client = try #require(SCRAMClient(.sha1, username: "user", password: "pencil", nonce: "fyko+d2lbbFgONRv9qkxdawL", crypto: crypto))
        let final = try client.clientFinal(serverFirst: "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096")
        #expect(final == "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")
        try client.verify(serverFinal: "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")
    }

    @Test func refusesWhatTheRFCForbids() throws {
        var client = try #require(SCRAMClient(.sha256, username: "a=b,c", password: "pw", nonce: "abc", crypto: crypto))
        #expect(client.clientFirst == "n,,n=a=3Db=2Cc,r=abc")
        // A nonce that does not extend ours, a missing salt, an absurd iteration count.
        #expect(throws: SCRAMClient.Failure.self) { try client.clientFinal(serverFirst: "r=xyz123,s=QSXCR+Q6sek8bf92,i=4096") }
        #expect(throws: SCRAMClient.Failure.self) { try client.clientFinal(serverFirst: "r=abcdef,i=4096") }
        #expect(throws: SCRAMClient.Failure.self) { try client.clientFinal(serverFirst: "r=abcdef,s=QSXCR+Q6sek8bf92,i=100000000") }
        #expect(throws: SCRAMClient.Failure.self) { try client.verify(serverFinal: "v=AAAA") }  // before server-first
        // A password SASLprep prohibits is refused, not sent wrong.
        #expect(SCRAMClient(.sha256, username: "u", password: "tab\there", nonce: "n", crypto: crypto) == nil)
        #expect(SCRAMClient(.sha256, username: "u", password: "\u{AD}", nonce: "n", crypto: crypto) == nil, "maps to nothing")
    }

    /// RFC 4013 section 3's examples, through libidn.
    @Test func saslPrepFollowsRFC4013() {
        #expect(crypto.saslPrep("I\u{AD}X") == "IX", "soft hyphen mapped to nothing")
        #expect(crypto.saslPrep("user") == "user")
        #expect(crypto.saslPrep("USER") == "USER", "case is kept")
        #expect(crypto.saslPrep("\u{AA}") == "a", "NFKC")
        #expect(crypto.saslPrep("\u{2168}") == "IX", "NFKC")
        #expect(crypto.saslPrep("\u{7}") == nil, "prohibited character")
        #expect(crypto.saslPrep("\u{627}1") == nil, "bidirectional check")
        #expect(crypto.saslPrep("a\u{A0}b") == "a b", "non-ASCII space mapped to a space")
    }

    /// The prepared form is what is hashed: a password and its SASLprep twin give one proof.
    @Test func aPasswordIsHashedInItsPreparedForm() throws {
        let serverFirst = "r=abcdef,s=QSXCR+Q6sek8bf92,i=4096"
        var composed = try #require(SCRAMClient(.sha256, username: "u", password: "IX", nonce: "abc", crypto: crypto))
        var roman = try #require(SCRAMClient(.sha256, username: "u", password: "\u{2168}", nonce: "abc", crypto: crypto))
        var other = try #require(SCRAMClient(.sha256, username: "u", password: "IY", nonce: "abc", crypto: crypto))
        let expected = try composed.clientFinal(serverFirst: serverFirst)
        #expect(try roman.clientFinal(serverFirst: serverFirst) == expected)
        #expect(try other.clientFinal(serverFirst: serverFirst) != expected)
    }

    @Test func base64RoundTrips() {
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + 200) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.decode("abc") == nil)
        #expect(Base64.decode("ab=c") == nil)
        #expect(Base64.decode("a*cd") == nil)
    }
}
