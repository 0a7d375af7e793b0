// libxml2's HTML parser (Debian libxml2-dev), for article extraction, loaded with dlopen
// on first use rather than linked: linking it (and the ICU it brings) costs every start
// of factbot ~3 MB of memory, though only `refresh` and `run` ever parse a page.
// Only SourceText imports this module (@_implementationOnly), with -I/usr/include/libxml2.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so its headers would pull the system's ICU headers
// into Swift modules, where they clash with Foundation's own copy ("'UErrorCode' has
// different definitions in different modules"). Only two trailing pointer fields of
// xmlCharEncodingHandler depend on it, a struct this project never allocates or reads.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

typedef struct {
    htmlDocPtr (*read_memory)(const char *, int, const char *, const char *, int);
    void (*free_doc)(xmlDocPtr);
    xmlNodePtr (*root_element)(const xmlDoc *);
    xmlChar *(*get_prop)(const xmlNode *, const xmlChar *);
    xmlFreeFunc *free_function; // libxml2's xmlFree variable
} factbot_xml_api;

static inline factbot_xml_api *factbot_xml_storage(void) {
    static factbot_xml_api api;
    return &api;
}

static inline int *factbot_xml_state(void) {
    static int state = -1;
    return &state;
}

static void factbot_xml_load(void) {
    factbot_xml_api *api = factbot_xml_storage();
    void *lib = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
#define FACTBOT_LOAD(field, name) *(void **)(&api->field) = dlsym(lib, name); if (!api->field) return;
    FACTBOT_LOAD(read_memory, "htmlReadMemory")
    FACTBOT_LOAD(free_doc, "xmlFreeDoc")
    FACTBOT_LOAD(root_element, "xmlDocGetRootElement")
    FACTBOT_LOAD(get_prop, "xmlGetProp")
    FACTBOT_LOAD(free_function, "xmlFree")
#undef FACTBOT_LOAD
    // libxml2 sets up its global tables on first parse, and not safely from several threads
    // at once (a refresh extracts on one thread per source): do it here, once.
    void (*init_parser)(void) = NULL;
    *(void **)(&init_parser) = dlsym(lib, "xmlInitParser");
    if (!init_parser) return;
    init_parser();
    *factbot_xml_state() = 1;
}

// The loaded API, or NULL when libxml2 is missing. Safe from any thread (pthread_once).
static inline const factbot_xml_api *factbot_xml(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, factbot_xml_load);
    return *factbot_xml_state() == 1 ? factbot_xml_storage() : NULL;
}

static inline int factbot_xml_available(void) { return factbot_xml() != NULL; }
static inline htmlDocPtr factbot_html_read_memory(const char *buffer, int size, const char *url, int options) {
    return factbot_xml()->read_memory(buffer, size, url, NULL, options);
}
static inline void factbot_xml_free_doc(xmlDocPtr doc) { factbot_xml()->free_doc(doc); }
static inline xmlNodePtr factbot_xml_root(xmlDocPtr doc) { return factbot_xml()->root_element(doc); }
static inline xmlChar *factbot_xml_get_prop(const xmlNode *node, const char *name) {
    return factbot_xml()->get_prop(node, (const xmlChar *)name);
}
static inline void factbot_xml_free(void *pointer) { (*factbot_xml()->free_function)(pointer); }
