import { z } from 'zod';

// zod compiles parsers with `new Function` when it may; the server's CSP forbids eval, and even
// zod's probe for it is reported as a violation. Plain parsing is fast enough for our messages.
z.config({ jitless: true });
