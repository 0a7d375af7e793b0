import COpenSSL
import Glibc
import IRCProtocol

/// TLS over a TCP connection, through OpenSSL. The server is checked one of two ways:
/// a pinned fingerprint (the SHA-256 of its DER certificate or of its DER public key,
/// whatever the chain, names or dates), or else the certificate chain and host name against
/// the system's CAs or a CA file, unless verification is turned off. A client certificate,
/// when configured, is presented for SASL EXTERNAL or CertFP.
final class TLSStream: ServerStream {
    /// What the TLS connection needs besides the socket.
    struct Options {
        var host: String
        var verify = true
        var caFile = ""
        var pinned: TLSFingerprint?
        var clientCert = ""
        var clientKey = ""
    }

    private let tcp: TCPStream
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    /// How the server's certificate was accepted, for the log.
    let checkedBy: String
    var descriptor: Int32 { tcp.descriptor }
    var hasBufferedInput: Bool { SSL_pending(ssl) > 0 }

    /// Handshakes over `tcp` within `timeout` seconds; throws ``ConnectionError/stopped``
    /// as soon as `stop` turns readable.
    init(over tcp: TCPStream, _ options: Options, timeout: Double, stop: Int32 = -1) throws(ConnectionError) {
        let host = options.host
        let context: OpaquePointer
        do {
            context = try Self.makeContext(options)
        } catch {
            tcp.close()
            throw error
        }
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            tcp.close()
            throw Self.failure("cannot create a TLS session")
        }
        self.tcp = tcp
        self.context = context
        self.ssl = ssl
        let verifyChain = options.verify && options.pinned == nil
        checkedBy =
            options.pinned != nil
            ? "certificate pinned by sha256 fingerprint"
            : (verifyChain ? "certificate verified against the CA store, host name \(host)" : "certificate NOT verified (tls_verify off)")
        SSL_set_fd(ssl, tcp.descriptor)
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        if !isAddress { _ = factbot_ssl_set_host_name(ssl, host) }
        if verifyChain {
            if isAddress {
                X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
            } else {
                SSL_set1_host(ssl, host)
            }
        }
        let deadline = Monotonic.now + timeout
        while true {
            ERR_clear_error()
            let result = SSL_connect(ssl)
            if result == 1 { break }
            let error = SSL_get_error(ssl, result)
            let remaining = deadline - Monotonic.now
            var waited = WaitResult.timedOut
            if error == SSL_ERROR_WANT_READ, remaining > 0 { waited = wait(for: tcp.descriptor, Int32(POLLIN), stop: stop, timeout: remaining) }
            if error == SSL_ERROR_WANT_WRITE, remaining > 0 { waited = wait(for: tcp.descriptor, Int32(POLLOUT), stop: stop, timeout: remaining) }
            if waited == .ready { continue }
            if waited == .stopped {
                close()
                throw .stopped
            }
            let wanted = error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE
            let verifyResult = SSL_get_verify_result(ssl)
            let reason =
                verifyChain && verifyResult != X509_V_OK
                ? "certificate not trusted: \(String(cString: X509_verify_cert_error_string(verifyResult)))"
                : (wanted ? "handshake timed out after \(Int(timeout)) s" : Self.lastError())
            close()
            throw ConnectionError("TLS with \(host): \(reason)")
        }
        if let pinned = options.pinned {
            let presented = Self.peerFingerprints(ssl)
            guard presented.contains(pinned) else {
                close()
                let shown = presented.isEmpty ? "no certificate" : "certificate \(presented[0]), public key \(presented[1])"
                throw ConnectionError("TLS with \(host): certificate refused: tls_fingerprint is \(pinned), but the server presented \(shown)")
            }
        }
    }

    /// A client context: TLS 1.2 or later, the CA store unless pinned, the client certificate.
    private static func makeContext(_ options: Options) throws(ConnectionError) -> OpaquePointer {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.failure("cannot create a TLS context") }
        _ = factbot_ssl_ctx_min_tls12(context)
        if options.verify, options.pinned == nil {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            let caFile = options.caFile
            let loaded = caFile.isEmpty ? SSL_CTX_set_default_verify_paths(context) : SSL_CTX_load_verify_locations(context, caFile, nil)
            guard loaded == 1 else {
                SSL_CTX_free(context)
                throw Self.failure(caFile.isEmpty ? "cannot load the system's CA certificates" : "cannot load CA file \(caFile)")
            }
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)  // a pin is checked after the handshake
        }
        if !options.clientCert.isEmpty {
            do {
                try loadClientCertificate(into: context, cert: options.clientCert, key: options.clientKey)
            } catch {
                SSL_CTX_free(context)
                throw error
            }
        }
        return context
    }

    /// Loads a PEM certificate chain and its private key (from `key`, or from `cert` when
    /// `key` is empty) and checks that they belong together. The key's content is never shown.
    private static func loadClientCertificate(into context: OpaquePointer, cert: String, key: String) throws(ConnectionError) {
        let keyFile = key.isEmpty ? cert : key
        ERR_clear_error()
        guard SSL_CTX_use_certificate_chain_file(context, cert) == 1 else {
            throw failure("tls_client_cert: cannot load a PEM certificate from \(cert)")
        }
        guard SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1 else {
            if ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH {
                ERR_clear_error()
                throw ConnectionError("tls_client_key: the key in \(keyFile) does not match the certificate in \(cert)")
            }
            throw failure("tls_client_key: cannot load a PEM private key from \(keyFile)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw failure("tls_client_key: the key in \(keyFile) does not match the certificate in \(cert)")
        }
    }

    /// Checks, before connecting, that the client certificate and key load and match.
    static func checkClientCertificate(cert: String, key: String) throws(ConnectionError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw failure("cannot create a TLS context") }
        defer { SSL_CTX_free(context) }
        try loadClientCertificate(into: context, cert: cert, key: key)
    }

    /// The server certificate's SHA-256 fingerprints: of the DER certificate, then of its
    /// DER SubjectPublicKeyInfo; empty when it presented none.
    private static func peerFingerprints(_ ssl: OpaquePointer) -> [TLSFingerprint] {
        guard let cert = SSL_get1_peer_certificate(ssl) else { return [] }
        defer { X509_free(cert) }
        var whole = [UInt8](repeating: 0, count: 32)
        var key = [UInt8](repeating: 0, count: 32)
        guard factbot_x509_sha256(cert, &whole) == 1, factbot_x509_pubkey_sha256(cert, &key) == 1,
            let certificate = TLSFingerprint(bytes: whole), let publicKey = TLSFingerprint(bytes: key)
        else { return [] }
        return [certificate, publicKey]
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ConnectionError) -> ReadResult {
        let count = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if count > 0 { return .bytes(Int(count)) }
        switch SSL_get_error(ssl, count) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .wouldBlock
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL where count == 0: return .closed
        default: throw ConnectionError("TLS read: \(Self.lastError())")
        }
    }

    func write(_ bytes: [UInt8], timeout: Double) throws(ConnectionError) {
        var offset = 0
        let deadline = Monotonic.now + timeout
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress! + offset, Int32(bytes.count - offset)) }
            if written > 0 {
                offset += Int(written)
                continue
            }
            let remaining = deadline - Monotonic.now
            switch SSL_get_error(ssl, written) {
            case SSL_ERROR_WANT_WRITE where remaining > 0: _ = waitFor(descriptor, Int32(POLLOUT), timeout: remaining)
            case SSL_ERROR_WANT_READ where remaining > 0: _ = waitFor(descriptor, Int32(POLLIN), timeout: remaining)
            default: throw ConnectionError("TLS write: \(Self.lastError())")
            }
        }
    }

    func close() {
        SSL_shutdown(ssl)
        SSL_free(ssl)
        SSL_CTX_free(context)
        tcp.close()
    }

    private static func lastError() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "connection closed" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func failure(_ what: String) -> ConnectionError { ConnectionError("\(what): \(lastError())") }
}

extension IRCClient {
    /// Checks, before any connection, that the configured client certificate and key can be
    /// read, parse and belong together; throws the problem in words.
    public static func checkClientCertificate(_ settings: IRCSettings) throws(ConnectionError) {
        guard !settings.tlsClientCert.isEmpty else { return }
        try TLSStream.checkClientCertificate(cert: settings.tlsClientCert, key: settings.tlsClientKey)
    }
}
