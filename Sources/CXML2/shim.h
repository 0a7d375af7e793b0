// libxml2's HTML parser (Debian libxml2-dev), for article extraction.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

// xmlFree is a global function pointer (shared mutable state to Swift 6): call it from C.
static inline void factbot_xml_free(void *pointer) { xmlFree(pointer); }
