// libcrypto for SASL SCRAM: digests, HMAC, PBKDF2 (evp.h, hmac.h) and the random generator.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
