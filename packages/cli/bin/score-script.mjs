// @ts-check
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * `mlsd score` from the prebuilt CLI with V8's code cache. The build also compiles the score
 * command into one CommonJS file (`dist/score.cjs`) and runs it once on a calibration transcript
 * to record the bytecode of every function the run compiled (`dist/score.cache`). A fresh process
 * then takes that bytecode instead of parsing and compiling the scorer function by function as it
 * first calls each one: about 50 ms less CPU of a 650 ms command (packages/scoring/README.md,
 * "Speed"). Node 20 offers a code cache only to scripts (`vm.Script`), not to ES modules, hence
 * the second format. The cache is checked by V8 against the source and its own version and flags:
 * when it does not fit (another Node), V8 says so and compiles as usual, so the report is the same
 * either way.
 */

export const SCORE_SCRIPT = 'score.cjs';
export const SCORE_CACHE = 'score.cache';

/**
 * Runs `scoreCommand(argv, io)` from `dist/score.cjs`. `cache`: how the code cache served
 * (`written` when `writeCache`, which records it after the run, as the build does).
 * @param {string} dist @param {string[]} argv @param {import('../src/command-types.ts').CliIo} io
 * @param {{ writeCache?: boolean }} [options]
 * @returns {Promise<{ code: number, cache: 'used' | 'rejected' | 'absent' | 'written' }>}
 */
export async function runScoreScript(dist, argv, io, options = {}) {
  const file = join(dist, SCORE_SCRIPT);
  const cacheFile = join(dist, SCORE_CACHE);
  const cachedData = !options.writeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const cache = options.writeCache
    ? 'written'
    : !cachedData
      ? 'absent'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  // Read by `mlsd score` to label its timing line (MLSD_SCORE_TIMING=1).
  const env = { ...io.env, MLSD_CLI_CODE_CACHE: cache };
  /** @type {{ exports: { scoreCommand?: (argv: string[], io: import('../src/command-types.ts').CliIo) => Promise<number> } }} */
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dist);
  if (!module.exports.scoreCommand) throw new Error(`${file} exports no scoreCommand`);
  const code = await module.exports.scoreCommand(argv, { ...io, env });
  if (options.writeCache) writeFileSync(cacheFile, script.createCachedData());
  return { code, cache };
}
