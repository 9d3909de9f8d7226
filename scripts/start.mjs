// @ts-check
import { pathToFileURL } from 'node:url';
import { build, SERVER_BUNDLE } from './build.mjs';

/**
 * `pnpm start`: builds only what changed (usually nothing), then runs the prebuilt server bundle
 * in this same process, so a warm start is one Node start-up, not tsx compiling the sources.
 * `pnpm dev` keeps tsx and hot reload.
 */
const started = Date.now();
try {
  const lines = await build({ server: true, cli: false });
  process.stdout.write(`${lines.join('; ')} (${Date.now() - started} ms)\n`);
} catch (error) {
  process.stderr.write(`mlsd-mock cannot start: ${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
await import(pathToFileURL(SERVER_BUNDLE).href);
