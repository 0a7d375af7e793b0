// OpenSSL (Debian libssl-dev) for the IRC adapter's TLS, plus POSIX socket helpers.
// Function-like macros are not visible to Swift: typed wrappers below.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <netdb.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

static inline long factbot_ssl_set_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

static inline int factbot_fcntl_setfl(int fd, int flags) { return fcntl(fd, F_SETFL, flags); }
static inline int factbot_fcntl_getfl(int fd) { return fcntl(fd, F_GETFL); }
static inline int factbot_fcntl_cloexec(int fd) { return fcntl(fd, F_SETFD, FD_CLOEXEC); }

static inline long factbot_ssl_ctx_min_tls12(SSL_CTX *ctx) {
    return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

// SHA-256 of the DER SubjectPublicKeyInfo of `cert` into `out` (32 bytes); 1 on success.
static inline int factbot_x509_pubkey_sha256(X509 *cert, unsigned char *out) {
    unsigned char *der = NULL;
    int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
    if (length <= 0) return 0;
    unsigned int size = 0;
    int ok = EVP_Digest(der, (size_t)length, out, &size, EVP_sha256(), NULL);
    OPENSSL_free(der);
    return ok == 1 && size == 32;
}

// SHA-256 of the DER certificate into `out` (32 bytes); 1 on success.
static inline int factbot_x509_sha256(X509 *cert, unsigned char *out) {
    unsigned int size = 0;
    return X509_digest(cert, EVP_sha256(), out, &size) == 1 && size == 32;
}
