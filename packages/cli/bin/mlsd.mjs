#!/usr/bin/env node
// @ts-check
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsCurrent, MANIFEST } from './bundle-inputs.mjs';
import { runScoreScript, SCORE_SCRIPT } from './score-script.mjs';

/**
 * `pnpm mlsd`: runs the prebuilt CLI (`dist/`, made by `pnpm build`) when it was built from the
 * sources as they are now, and the sources through tsx otherwise, so an edit is never run stale
 * and never needs a build to take effect. The prebuilt path saves Node about 300 ms of tsx and
 * module resolution per command (packages/scoring/README.md, "Speed").
 */
const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = join(CLI_DIR, '../..');
const DIST = join(CLI_DIR, 'dist');

// The scorer's word vectors and rubric data are built by `pnpm build` (and by `start` and `test`):
// a command run before any of them builds them once, so a report never comes from a scorer without
// its plain-words matching (which scores answers in everyday words far lower).
if (!existsSync(join(REPO_ROOT, 'packages/scoring/generated/word-vectors.bin'))) {
  process.stderr.write("mlsd: building the scorer's word vectors and rubric data once (about 15 s)...\n");
  const { buildScorerData } = await import(pathToFileURL(join(REPO_ROOT, 'scripts/build.mjs')).href);
  process.stderr.write(`mlsd: ${await buildScorerData()}\n`);
}

// Only the files the command about to run loads are checked (`score` does not load the database code).
const prebuilt = bundleIsCurrent(REPO_ROOT, join(DIST, MANIFEST), process.argv[2]);
// Read by `mlsd score` only to label its timing line (MLSD_SCORE_TIMING=1).
process.env.MLSD_CLI_RUNNER = prebuilt ? 'bundle' : 'tsx';
if (prebuilt && process.argv[2] === 'score' && existsSync(join(DIST, SCORE_SCRIPT))) {
  // The score command alone, with V8's code cache (score-script.mjs); the same io as main.ts gives.
  const { code } = await runScoreScript(DIST, process.argv.slice(3), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  process.exitCode = code;
} else if (prebuilt) {
  await import(pathToFileURL(join(DIST, 'main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(CLI_DIR, 'src/main.ts')).href);
}
