import { MAX_DRAWING_ELEMENTS } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { type CanvasElement, canvasFingerprint, prepareDrawing, sameDrawing } from './drawing-scene.ts';

const rect = (id: string, extra: Partial<CanvasElement> = {}): CanvasElement => ({
  id,
  type: 'rectangle',
  x: 10.4,
  y: 20.6,
  width: 100,
  height: 50,
  strokeColor: '#1e1e1e',
  backgroundColor: 'transparent',
  groupIds: [],
  boundElements: [{ id: `${id}-t`, type: 'text' }],
  version: 3,
  ...extra,
});

describe('prepareDrawing', () => {
  it('keeps what the text graph reads, rounds to pixels and drops deleted elements, strokes and images', () => {
    const prepared = prepareDrawing(
      [
        rect('a'),
        { id: 'a-t', type: 'text', x: 1, y: 2, width: 3, height: 4, text: 'Feature store', containerId: 'a' },
        rect('gone', { isDeleted: true }),
        { id: 'pen', type: 'freedraw', x: 0, y: 0, width: 1, height: 1 },
        { id: 'pic', type: 'image', x: 0, y: 0, width: 1, height: 1 },
      ],
      4,
    );
    expect(prepared.ok && prepared.scene).toEqual({
      format: 1,
      version: 4,
      elements: [
        {
          id: 'a',
          type: 'rectangle',
          x: 10,
          y: 21,
          width: 100,
          height: 50,
          boundElements: [{ id: 'a-t', type: 'text' }],
        },
        { id: 'a-t', type: 'text', x: 1, y: 2, width: 3, height: 4, text: 'Feature store', containerId: 'a' },
      ],
    });
    expect(prepared.dropped).toBe(2);
  });

  it('refuses a drawing over the caps with the schema message, sending nothing', () => {
    const many = Array.from({ length: MAX_DRAWING_ELEMENTS + 1 }, (_, i) =>
      rect(`r${i}`, { boundElements: null }),
    );
    const prepared = prepareDrawing(many, 1);
    expect(prepared.ok).toBe(false);
    expect(!prepared.ok && prepared.message).toMatch(/at most 2000 elements/);
  });

  it('refuses a drawing too big for one frame, saying how big it is', () => {
    const wordy = Array.from({ length: 1500 }, (_, i) => rect(`r${i}`, { text: 'x'.repeat(10) }));
    const prepared = prepareDrawing(wordy, 1);
    expect(!prepared.ok && prepared.message).toMatch(/kB and at most 60 kB can be saved/);
  });
});

describe('canvasFingerprint and sameDrawing', () => {
  it('change with an edit, not with a selection', () => {
    expect(canvasFingerprint([rect('a')])).toBe(canvasFingerprint([rect('a')]));
    expect(canvasFingerprint([rect('a', { version: 4 })])).not.toBe(canvasFingerprint([rect('a')]));
    const one = prepareDrawing([rect('a')], 1);
    const two = prepareDrawing([rect('a')], 2);
    expect(one.ok && two.ok && sameDrawing(one.scene, two.scene)).toBe(true);
  });
});
