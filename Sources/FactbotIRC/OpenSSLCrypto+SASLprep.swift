import CIDN
import IRCProtocol

extension OpenSSLCrypto {
    /// SASLprep (RFC 4013) from GNU libidn's stringprep, as a query string (unassigned code
    /// points allowed), as RFC 5802 prepares a SCRAM password.
    public func saslPrep(_ text: String) -> String? {
        var output: UnsafeMutablePointer<CChar>?
        let status = stringprep_profile(text, &output, "SASLprep", Stringprep_profile_flags(rawValue: 0))
        defer { free(output) }
        guard status == Int32(STRINGPREP_OK.rawValue), let output else { return nil }
        return String(validatingCString: output)
    }
}
