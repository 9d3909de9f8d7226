import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The zod the schemas are built with in the web build (the `browser` condition of `#zod`):
 * zod/mini, which leaves out the chainable methods and JSON Schema support that made full zod a
 * quarter of the web's first download. The schemas use only the functional API the two share, and
 * both build the same checks from the same core, so a frame is accepted or refused alike. These
 * are also the types every package sees, so no code can reach for a method the browser lacks.
 */

// zod/mini carries no messages of its own; English keeps a refusal worded as the server words it.
z.config(en());

export * from 'zod/mini';
