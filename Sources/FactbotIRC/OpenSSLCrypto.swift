import COpenSSL
import IRCProtocol

/// SCRAM's cryptography from OpenSSL's libcrypto: EVP_Digest, HMAC, PKCS5_PBKDF2_HMAC and
/// RAND_bytes.
public struct OpenSSLCrypto: SCRAMCrypto {
    /// The crypto the bot uses.
    public init() {}

    static func digest(_ algorithm: SCRAMHash) -> OpaquePointer? {
        switch algorithm {
        case .sha256: EVP_sha256()
        case .sha1: EVP_sha1()
        }
    }

    public func hash(_ algorithm: SCRAMHash, _ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = EVP_Digest(data, data.count, &out, &length, Self.digest(algorithm), nil)
        precondition(ok == 1, "EVP_Digest failed")
        return Array(out.prefix(Int(length)))
    }

    public func hmac(_ algorithm: SCRAMHash, key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = HMAC(Self.digest(algorithm), key, Int32(key.count), data, data.count, &out, &length)
        precondition(result != nil, "HMAC failed")
        return Array(out.prefix(Int(length)))
    }

    public func pbkdf2(_ algorithm: SCRAMHash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: algorithm.size)
        let ok = password.withUnsafeBytes { passwordBytes in
            PKCS5_PBKDF2_HMAC(
                passwordBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(password.count), salt, Int32(salt.count),
                Int32(iterations), Self.digest(algorithm), Int32(out.count), &out)
        }
        precondition(ok == 1, "PKCS5_PBKDF2_HMAC failed")
        return out
    }

    public func randomBytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        precondition(RAND_bytes(&out, Int32(count)) == 1, "RAND_bytes failed")
        return out
    }
}
