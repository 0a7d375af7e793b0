#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <editline/readline.h>

/// Swift 6 refuses the shared mutable C globals `stdin`/`stdout`: typed accessors instead.
static inline FILE *factbot_stdin(void) { return stdin; }
static inline FILE *factbot_stdout(void) { return stdout; }
static inline FILE *factbot_stderr(void) { return stderr; }
