// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * "Has any input of this build changed since it last ran?", by content: a hash of every input
 * file (path and bytes) is stamped next to the output, and a build is skipped when the stamp
 * matches. Content, not times: a fresh clone or a `git checkout` touches every file.
 */

const SKIP = new Set(['node_modules', 'dist', 'generated', '.git', 'test-results', 'e2e']);

/** @param {string} dir @param {(path: string) => boolean} keep @param {string[]} out */
function walk(dir, keep, out) {
  if (!existsSync(dir)) return;
  if (statSync(dir).isFile()) {
    if (keep(dir)) out.push(dir);
    return;
  }
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    walk(join(dir, name), keep, out);
  }
}

/**
 * A hash of the files under `inputs` (files or directories) that `keep` accepts, and of `root`
 * itself: a bundle pins absolute paths, so a moved checkout must rebuild.
 * @param {string} root @param {string[]} inputs @param {(path: string) => boolean} [keep]
 */
export function sourceHash(root, inputs, keep = () => true) {
  const files = [];
  for (const input of inputs) walk(join(root, input), keep, files);
  const hash = createHash('sha256').update(root);
  for (const file of files)
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** @param {string} stampFile @param {string} hash @param {string[]} outputs */
export function isFresh(stampFile, hash, outputs) {
  return (
    outputs.every((output) => existsSync(output)) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8').trim() === hash
  );
}

/** @param {string} stampFile @param {string} hash */
export function stamp(stampFile, hash) {
  writeFileSync(stampFile, `${hash}\n`);
}
