/**
 * The zod the schemas are built with outside a browser (server, CLI, tests): full zod, so the
 * server validates with the same schema objects (and zod's compiled object parsers) as before.
 * `#zod` resolves here by default; see zod-browser.ts for the web build and package.json `imports`.
 */
export * from 'zod';
