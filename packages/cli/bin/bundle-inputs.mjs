// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the prebuilt CLI (`dist/`) was built from, so `bin/mlsd.mjs` can tell at each run, in a few
 * milliseconds, whether the bundle still matches the sources. The build records every file it
 * bundled from the repository (with the bytes it actually read) and the files that decide the
 * dependencies (the lock file, the packages' package.json). A run compares sizes and modification
 * times, and hashes only a file whose time moved (a checkout that rewrites identical bytes keeps
 * the bundle). Any difference, or a missing or unreadable manifest, means "run from the sources".
 */

export const MANIFEST = 'inputs.json';
const FORMAT = 2;

/** @typedef {{ size: number, mtimeMs: number, sha256: string }} InputRecord */
/**
 * `files`: every input with its record; `commands`: the sources each command loads (see
 * `commandInputs` in scripts/bundle.mjs); `always`: what counts for every command (the lock file,
 * the packages' package.json files).
 * @typedef {{ format: number, files: Record<string, InputRecord>, commands: Record<string, string[]>, always: string[] }} Manifest
 */

/** @param {Uint8Array | string} bytes */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file's record; `bytes`, when given, are what the build read (taken after the stat, so an edit
 * in between leaves a newer time than recorded and the run re-hashes the file).
 * @param {string} path @param {Uint8Array | string} [bytes] @returns {InputRecord}
 */
export function recordInput(path, bytes) {
  const stat = statSync(path);
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes ?? readFileSync(path)) };
}

/**
 * @param {Record<string, InputRecord>} files @param {Record<string, string[]>} [commands]
 * @param {string[]} [always] @returns {string}
 */
export function encodeManifest(files, commands = {}, always = []) {
  /** @type {Manifest} */
  const manifest = { format: FORMAT, files, commands, always };
  return JSON.stringify(manifest);
}

/**
 * Whether every input of `command` (every recorded input, for a command the manifest does not
 * list) still has the bytes the bundle was built from; paths are relative to `root`. Never
 * throws: anything unexpected answers false.
 * @param {string} root @param {string} manifestFile @param {string} [command]
 */
export function bundleIsCurrent(root, manifestFile, command) {
  try {
    /** @type {Manifest} */
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.format !== FORMAT) return false;
    const all = Object.keys(manifest.files);
    const listed = command === undefined ? undefined : manifest.commands[command];
    const checked = listed ? [...listed, ...manifest.always] : all;
    if (checked.length === 0) return false;
    for (const relative of checked) {
      const record = manifest.files[relative];
      const path = join(root, relative);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!record || !stat || stat.size !== record.size) return false;
      if (stat.mtimeMs !== record.mtimeMs && sha256(readFileSync(path)) !== record.sha256) return false;
    }
    return true;
  } catch {
    return false;
  }
}
