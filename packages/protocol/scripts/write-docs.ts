import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderProtocolDoc } from '../src/docs.ts';

const target = fileURLToPath(new URL('../../../docs/protocol.md', import.meta.url));
writeFileSync(target, renderProtocolDoc());
console.log(`wrote ${target}`);
