/// A pinned server certificate: the SHA-256 of the DER certificate or of its DER
/// SubjectPublicKeyInfo, written `sha256:AB:CD:…` (32 bytes in hex, colons optional,
/// either case), as `openssl x509 -fingerprint -sha256` prints it after the `sha256:`.
public struct TLSFingerprint: Sendable, Equatable, CustomStringConvertible {
    /// The 32 bytes of the SHA-256 digest.
    public let bytes: [UInt8]

    /// The digest bytes; nil unless there are exactly 32.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Reads `sha256:AB:CD:…`; nil when the prefix, a hex digit or the length is wrong.
    public init?(parsing text: String) {
        guard text.lowercased().hasPrefix("sha256:") else { return nil }
        let hex = text.dropFirst("sha256:".count).filter { $0 != ":" }
        guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes: bytes)
    }

    /// What a malformed value should look like, for error messages.
    public static let expectedForm = "expected sha256: and 32 bytes in hex, such as sha256:AB:CD:… as `openssl x509 -noout -fingerprint -sha256` prints it"

    /// `sha256:AB:CD:…`, upper case with colons.
    public var description: String {
        let digits = Array("0123456789ABCDEF")
        return "sha256:" + bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined(separator: ":")
    }
}
