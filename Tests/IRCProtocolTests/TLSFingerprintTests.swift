import IRCProtocol
import Testing

@Suite("TLS fingerprint")
struct TLSFingerprintTests {
    static let colons = "sha256:" + (0..<32).map { _ in "AB" }.joined(separator: ":")

    @Test func readsWhatOpenSSLPrints() throws {
        let pin = try #require(TLSFingerprint(parsing: Self.colons))
        #expect(pin.bytes == [UInt8](repeating: 0xAB, count: 32))
        #expect(pin.description == Self.colons)
    }

    @Test func colonsAndCaseAreOptional() {
        let bare = "SHA256:" + String(repeating: "ab", count: 32)
        #expect(TLSFingerprint(parsing: bare) == TLSFingerprint(parsing: Self.colons))
    }

    @Test(arguments: [
        "", "AB:CD", String(repeating: "AB", count: 32), "sha1:" + String(repeating: "AB", count: 20),
        "sha256:" + String(repeating: "AB", count: 31), "sha256:" + String(repeating: "AB", count: 33),
        "sha256:" + String(repeating: "AB", count: 31) + "XY", "sha256:" + String(repeating: "A", count: 63),
        "sha256: " + String(repeating: "AB", count: 32),
    ])
    func refusesAnythingElse(_ text: String) {
        #expect(TLSFingerprint(parsing: text) == nil)
    }

    @Test func aClientCertificateIsForTLSConnections() {
        var settings = IRCSettings()
        settings.tlsClientCert = "/etc/factbot/client.pem"
        #expect(!settings.hasClientCertificate)
        settings.tls = true
        #expect(settings.hasClientCertificate)
    }
}
