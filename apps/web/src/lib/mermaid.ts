import { mermaidErrorSentence } from './mermaid-error.ts';

/** What drawing one diagram gave: an SVG, or one plain sentence on what is wrong. */
export type MermaidResult = { ok: true; svg: string } | { ok: false; error: string };

type Mermaid = typeof import('mermaid')['default'];

let loading: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

/**
 * Mermaid is large, so it is fetched the first time a diagram is drawn, never with the room.
 * 'strict' escapes labels and strips scripts and event handlers from the SVG it returns.
 */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      theme: 'neutral',
      fontFamily: 'inherit',
    });
    return mermaid;
  });
  return loading;
}

/** Draws one diagram. Renders run one at a time: mermaid keeps global state while it draws. */
export function renderMermaid(source: string): Promise<MermaidResult> {
  const job = queue.then(async (): Promise<MermaidResult> => {
    try {
      const mermaid = await loadMermaid();
      await mermaid.parse(source);
      counter += 1;
      const { svg } = await mermaid.render(`mlsd-mermaid-${counter}`, source);
      return { ok: true, svg };
    } catch (error) {
      return { ok: false, error: mermaidErrorSentence(error, source) };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
