import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `pnpm bench`: runs every bench/*.bench.ts (or those named on the command line) one after the
 * other and prints their figures. Each module exports `run(): Promise<unknown>` that prints its
 * own lines; benchmarks are bounded in time and never assert on speed.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((want) => name.includes(want)))
  .sort();

console.log(
  `mlsd-mock benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
for (const file of files) {
  console.log(`== ${file}`);
  const module = (await import(`./${file}`)) as { run: () => Promise<unknown> };
  await module.run();
  console.log('');
}
