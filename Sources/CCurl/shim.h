// libcurl (Debian libcurl4-openssl-dev) for source refresh. curl_easy_setopt and
// curl_easy_getinfo are variadic, which Swift cannot call: typed wrappers below.
#include <curl/curl.h>

typedef size_t (*factbot_curl_write_fn)(char *, size_t, size_t, void *);

static inline CURLcode factbot_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_writefn(CURL *h, CURLoption o, factbot_curl_write_fn f) { return curl_easy_setopt(h, o, f); }
static inline CURLcode factbot_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode factbot_curl_getinfo_str(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
