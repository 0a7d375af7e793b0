// GNU libidn (Debian libidn-dev) for SASLprep (RFC 4013), the profile SCRAM prepares
// passwords with (RFC 5802).
#include <stringprep.h>
#include <stdlib.h>
