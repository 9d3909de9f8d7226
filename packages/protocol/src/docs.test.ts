import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientMessage } from './client-frames.ts';
import { renderProtocolDoc } from './docs.ts';
import { ServerMessage } from './server-frames.ts';

describe('docs/protocol.md', () => {
  const onDisk = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

  it('matches the schemas (regenerate with `pnpm --filter @mlsd/protocol docs`)', () => {
    expect(onDisk).toBe(renderProtocolDoc());
  });

  it('documents every message type in both directions', () => {
    for (const schema of [...ClientMessage.def.options, ...ServerMessage.def.options]) {
      const type = schema.shape.type.def.values[0];
      expect(onDisk).toContain(`### \`${type}\``);
    }
  });
});
