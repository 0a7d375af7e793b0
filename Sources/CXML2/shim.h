// libxml2's HTML parser (Debian libxml2-dev), for article extraction.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so its headers would pull the system's ICU headers
// into every Swift module that sees this one, where they clash with Foundation's own copy
// ("'UErrorCode' has different definitions in different modules"). Only two trailing
// pointer fields of xmlCharEncodingHandler depend on it, a struct this project never
// allocates or reads (it only passes libxml2's own pointers back to libxml2).
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

// xmlFree is a global function pointer (shared mutable state to Swift 6): call it from C.
static inline void factbot_xml_free(void *pointer) { xmlFree(pointer); }
