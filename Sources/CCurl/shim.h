// libcurl (Debian libcurl4-openssl-dev) for source refresh, loaded with dlopen on first
// use rather than linked: linking it pulls some 30 libraries (GnuTLS, Kerberos, LDAP...)
// into every start of factbot, costing ~6 MB of memory and ~5 ms of start-up to commands
// (ask, the REPL, irc) that never fetch anything.
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: typed
// wrappers below.
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>

typedef struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLHcode (*easy_header)(CURL *, const char *, size_t, unsigned int, int, struct curl_header **);
} factbot_curl_api;

static inline factbot_curl_api *factbot_curl_storage(void) {
    static factbot_curl_api api;
    return &api;
}

static inline int *factbot_curl_state(void) {
    static int state = -1; // 1 loaded, -1 unavailable
    return &state;
}

static void factbot_curl_load(void) {
    factbot_curl_api *api = factbot_curl_storage();
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
#define FACTBOT_LOAD(field, name) *(void **)(&api->field) = dlsym(lib, name); if (!api->field) return;
    FACTBOT_LOAD(global_init, "curl_global_init")
    FACTBOT_LOAD(easy_init, "curl_easy_init")
    FACTBOT_LOAD(easy_cleanup, "curl_easy_cleanup")
    FACTBOT_LOAD(easy_setopt, "curl_easy_setopt")
    FACTBOT_LOAD(easy_perform, "curl_easy_perform")
    FACTBOT_LOAD(easy_getinfo, "curl_easy_getinfo")
    FACTBOT_LOAD(easy_strerror, "curl_easy_strerror")
    FACTBOT_LOAD(slist_append, "curl_slist_append")
    FACTBOT_LOAD(slist_free_all, "curl_slist_free_all")
    FACTBOT_LOAD(easy_header, "curl_easy_header")
#undef FACTBOT_LOAD
    // curl_global_init is not thread-safe in general: done here, once, under pthread_once.
    if (api->global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return;
    *factbot_curl_state() = 1;
}

// The loaded API, or NULL when libcurl is missing. Safe from any thread (pthread_once).
static inline const factbot_curl_api *factbot_curl(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, factbot_curl_load);
    return *factbot_curl_state() == 1 ? factbot_curl_storage() : NULL;
}

typedef size_t (*factbot_curl_write_fn)(char *, size_t, size_t, void *);

static inline int factbot_curl_available(void) { return factbot_curl() != NULL; }
static inline CURL *factbot_curl_easy_init(void) { return factbot_curl()->easy_init(); }
static inline void factbot_curl_easy_cleanup(CURL *h) { factbot_curl()->easy_cleanup(h); }
static inline CURLcode factbot_curl_easy_perform(CURL *h) { return factbot_curl()->easy_perform(h); }
static inline const char *factbot_curl_easy_strerror(CURLcode c) { return factbot_curl()->easy_strerror(c); }
static inline struct curl_slist *factbot_curl_slist_append(struct curl_slist *l, const char *s) { return factbot_curl()->slist_append(l, s); }
static inline void factbot_curl_slist_free_all(struct curl_slist *l) { factbot_curl()->slist_free_all(l); }
static inline CURLHcode factbot_curl_easy_header(CURL *h, const char *name, size_t index, unsigned int origin, int request, struct curl_header **out) {
    return factbot_curl()->easy_header(h, name, index, origin, request, out);
}
static inline CURLcode factbot_curl_setopt_long(CURL *h, CURLoption o, long v) { return factbot_curl()->easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return factbot_curl()->easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return factbot_curl()->easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return factbot_curl()->easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return factbot_curl()->easy_setopt(h, o, v); }
static inline CURLcode factbot_curl_setopt_writefn(CURL *h, CURLoption o, factbot_curl_write_fn f) { return factbot_curl()->easy_setopt(h, o, f); }
static inline CURLcode factbot_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return factbot_curl()->easy_getinfo(h, i, v); }
static inline CURLcode factbot_curl_getinfo_str(CURL *h, CURLINFO i, char **v) { return factbot_curl()->easy_getinfo(h, i, v); }
