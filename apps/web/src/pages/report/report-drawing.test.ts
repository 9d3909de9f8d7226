import type { DrawingScene } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { appendTextGraph } from './report-drawing.tsx';

const scene: DrawingScene = {
  format: 1,
  version: 2,
  elements: [
    { id: 'a', type: 'rectangle', x: 0, y: 0, width: 100, height: 50 },
    { id: 'a-t', type: 'text', x: 0, y: 0, width: 10, height: 10, text: 'Logs (raw)', containerId: 'a' },
    { id: 'n', type: 'text', x: 0, y: 300, width: 10, height: 10, text: 'use ```fences``` * _' },
  ],
};

describe('appendTextGraph', () => {
  it('adds the text graph as a plain block the Markdown cannot break, and nothing without a drawing', () => {
    const out = appendTextGraph('# Report\n', scene);
    expect(out).toBe("# Report\n\n## Whiteboard\n\n```text\n[Logs (raw)]\nnote: use '''fences''' * _\n```\n");
    expect(appendTextGraph('# Report\n', null)).toBe('# Report\n');
    expect(appendTextGraph('# Report\n', { ...scene, elements: [] })).toBe('# Report\n');
  });
});
