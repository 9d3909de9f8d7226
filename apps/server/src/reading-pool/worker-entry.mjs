// The file each reading worker thread starts from (piscina imports it and calls its default
// export with each task). It runs the reader compiled by the server's build when the pool was
// given one (`workerData.bundle`, see apps/server/scripts/bundle.mjs) and that file is still the
// one built with the server: plain JS, nothing to compile. Otherwise (`pnpm dev`, tests from
// sources, a bundle rebuilt or removed since the server started) it reads from the TypeScript
// sources: a worker thread does not inherit the parent's module loader, so tsx is registered here.
import { closeSync, openSync, readSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

/** The worker bundle's first line names its build (READ_WORKER_MARK in apps/server/scripts/bundle.mjs). */
const MARK = '// mlsd read worker, build ';

/** @param {{ url: string, build: string } | undefined} bundle @returns {string | null} */
function currentBundle(bundle) {
  if (!bundle) return null;
  const expected = `${MARK}${bundle.build}\n`;
  let fd;
  try {
    fd = openSync(new URL(bundle.url), 'r');
    const head = Buffer.alloc(Buffer.byteLength(expected));
    const length = readSync(fd, head, 0, head.length, 0);
    return head.toString('utf8', 0, length) === expected ? bundle.url : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function loadReader() {
  const bundled = currentBundle(workerData?.bundle);
  if (bundled) return import(bundled);
  const { register } = await import('tsx/esm/api');
  register();
  return import('./read-worker.ts');
}

const reader = await loadReader();
export default reader.default;
