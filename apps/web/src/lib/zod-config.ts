import * as z from 'zod/mini';

// Full zod compiles parsers with `new Function` when it may; the server's CSP forbids eval, and even
// zod's probe for it is reported as a violation. The web parses with zod/mini, which never compiles,
// but the setting is global and costs nothing, so no schema that reaches the browser ever tries.
z.config({ jitless: true });
