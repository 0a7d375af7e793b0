import COpenSSL
import Glibc

/// TLS over a TCP connection, through OpenSSL: certificate chain and host name verified
/// unless verification is turned off; the system's CAs, or a CA file for a private server.
final class TLSStream: ServerStream {
    private let tcp: TCPStream
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    var descriptor: Int32 { tcp.descriptor }
    var hasBufferedInput: Bool { SSL_pending(ssl) > 0 }

    /// Handshakes over `tcp` within `timeout` seconds.
    init(over tcp: TCPStream, host: String, verify: Bool, caFile: String, timeout: Double) throws(ConnectionError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            tcp.close()
            throw Self.failure("cannot create a TLS context")
        }
        _ = factbot_ssl_ctx_min_tls12(context)
        if verify {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            let loaded = caFile.isEmpty ? SSL_CTX_set_default_verify_paths(context) : SSL_CTX_load_verify_locations(context, caFile, nil)
            guard loaded == 1 else {
                SSL_CTX_free(context)
                tcp.close()
                throw Self.failure(caFile.isEmpty ? "cannot load the system's CA certificates" : "cannot load CA file \(caFile)")
            }
        }
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            tcp.close()
            throw Self.failure("cannot create a TLS session")
        }
        self.tcp = tcp
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, tcp.descriptor)
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        if !isAddress { _ = factbot_ssl_set_host_name(ssl, host) }
        if verify {
            if isAddress {
                X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
            } else {
                SSL_set1_host(ssl, host)
            }
        }
        let deadline = Monotonic.now + timeout
        while true {
            let result = SSL_connect(ssl)
            if result == 1 { return }
            let error = SSL_get_error(ssl, result)
            let remaining = deadline - Monotonic.now
            if error == SSL_ERROR_WANT_READ, remaining > 0, waitFor(tcp.descriptor, Int32(POLLIN), timeout: remaining) { continue }
            if error == SSL_ERROR_WANT_WRITE, remaining > 0, waitFor(tcp.descriptor, Int32(POLLOUT), timeout: remaining) { continue }
            let verifyResult = SSL_get_verify_result(ssl)
            let reason =
                verifyResult != X509_V_OK
                ? "certificate not trusted: \(String(cString: X509_verify_cert_error_string(verifyResult)))"
                : (remaining <= 0 ? "handshake timed out" : Self.lastError())
            close()
            throw ConnectionError("TLS with \(host): \(reason)")
        }
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
