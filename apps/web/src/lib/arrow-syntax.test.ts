import { describe, expect, it } from 'vitest';
import { parseDrawing, referenceMermaid } from './arrow-syntax.ts';

describe('parseDrawing', () => {
  it('reads boxes and labelled arrows, one box per name whatever its spacing or case', () => {
    const { drawing, problems } = parseDrawing(
      [
        '# serving path',
        'Ad server',
        'Feature store -> CTR model (features)',
        '- feature  STORE --> Trainer',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(drawing.nodes).toEqual([
      { id: 'ad server', label: 'Ad server' },
      { id: 'feature store', label: 'Feature store' },
      { id: 'ctr model', label: 'CTR model' },
      { id: 'trainer', label: 'Trainer' },
    ]);
    expect(drawing.edges).toEqual([
      { from: 'feature store', to: 'ctr model', label: 'features' },
      { from: 'feature store', to: 'trainer' },
    ]);
  });

  it('reads a mermaid flowchart: node labels, piped and dashed link labels, styling skipped', () => {
    const { drawing, problems } = parseDrawing(
      [
        'flowchart LR',
        '  %% the online path',
        '  A[Ad server] -->|candidates| B(CTR model);',
        '  B -- scores --> C{Auction}',
        '  C --> D[(Event log)]',
        '  style A fill:#eee',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(drawing.edges).toEqual([
      { from: 'ad server', to: 'ctr model', label: 'candidates' },
      { from: 'ctr model', to: 'auction', label: 'scores' },
      { from: 'auction', to: 'event log' },
    ]);
    expect(drawing.nodes.map((node) => node.label)).toEqual([
      'Ad server',
      'CTR model',
      'Auction',
      'Event log',
    ]);
  });

  it('names a half-written arrow instead of guessing', () => {
    const { drawing, problems } = parseDrawing('Ranker ->\n-> Cache');
    expect(problems).toEqual([
      'line 1: an arrow needs a box on both sides, as in "A -> B"',
      'line 2: an arrow needs a box on both sides, as in "A -> B"',
    ]);
    expect(drawing).toEqual({ nodes: [], edges: [] });
  });
});

describe('referenceMermaid', () => {
  it('draws online boxes rounded and offline ones square, with safe labels', () => {
    const text = referenceMermaid({
      components: [
        { id: 'ad-server', label: 'Ad server', path: 'online' },
        { id: 'logs', label: 'Logs [raw]', path: 'offline' },
      ],
      arrows: [{ from: 'ad-server', to: 'logs', label: 'events|clicks' }],
    });
    expect(text).toBe(
      [
        'flowchart TD',
        '  n_ad_server("Ad server")',
        '  n_logs["Logs  raw"]',
        '  n_ad_server -->|"events clicks"| n_logs',
      ].join('\n'),
    );
  });
});
