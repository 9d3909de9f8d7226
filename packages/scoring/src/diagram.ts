/**
 * Diagram lines in the notes pad. A mermaid line such as `A[Feature store] --> B[Ranker]` names
 * boxes and draws arrows: the names say what exists, not why, so on their own they never back a
 * talking point. A line whose arrow carries a label (`A -->|log features at serving| B`) or whose
 * box holds a whole phrase states a relation in words and is read like any other sentence.
 */

/**
 * Lines that open or configure a mermaid diagram, matched whole and case-sensitively where a
 * sentence could start the same way ("Class imbalance is ...", "Style transfer ...").
 */
const HEADERS = [
  /^\s*(?:flowchart|graph)(?:\s+(?:TD|TB|BT|RL|LR))?\s*;?\s*$/i,
  /^\s*(?:sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram)\s*$/,
  /^\s*subgraph\b/,
  /^\s*end\s*;?\s*$/,
  /^\s*classDef\s+\w+\s/,
  /^\s*class\s+[\w,]+\s+\w+\s*;?\s*$/,
  /^\s*style\s+\w+\s+\S*[:#]/,
  /^\s*linkStyle\s/,
  /^\s*direction\s+(?:TD|TB|BT|RL|LR)\s*$/,
  /^\s*%%/,
];
/** A mermaid link: -->, ---, ==>, -.->, <-->, with optional x/o heads. */
const ARROW = /(?:<|[xo])?(?:-{2,}|={2,}|-\.+-)(?:>|[xo])?/;
/** A node written with its shape: `id[label]`, `id(label)`, `id{label}`, `id((label))`, `id>label]`. */
const NODE = /\b[\w-]+\s*(?:\[\[?|\(\(?|\{\{?|>)([^\])}|]*)(?:\]\]?|\)\)?|\}\}?)/;
/** Arrow labels: `-->|text|`, `-- text -->`, `== text ==>`, `-. text .->`. */
const EDGE_LABEL =
  /(?:-{2,}>|={2,}>|-\.->|-{3,})\s*\|([^|]+)\||(?:^|\s)(?:--|==|-\.)\s+([^-=.>|][^>|]*?)\s+(?:-->|==>|\.->)/;
/** A box whose label is a whole phrase ("ranker uses calibrated scores because bids need them"). */
const PHRASE_WORDS = 5;

/** Start offsets of the lines of `text` that are diagram lines naming boxes only. */
export function diagramLines(text: string): Set<number> {
  const out = new Set<number>();
  let fence: 'mermaid' | 'other' | null = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const fenceMatch = /^\s*(`{3,}|~{3,})\s*(\w*)/.exec(line);
    if (fenceMatch) {
      fence = fence === null ? (fenceMatch[2]?.toLowerCase() === 'mermaid' ? 'mermaid' : 'other') : null;
      continue;
    }
    if (fence === 'other') continue;
    if ((fence === 'mermaid' || looksLikeMermaid(line)) && !statesARelation(line)) out.add(start);
  }
  return out;
}

function looksLikeMermaid(line: string): boolean {
  if (HEADERS.some((header) => header.test(line))) return true;
  const hasNode = NODE.test(line);
  // An arrow between bare words ("pCTR --> auction") is how people take notes; mermaid needs
  // a shaped node or a bare `A --> B` between identifiers.
  return (
    (hasNode && ARROW.test(line)) ||
    /^\s*[\w-]+\s*(?:\[|\(|\{)[^\])}]*(?:\]|\)|\})\s*;?\s*$/.test(line) ||
    /^\s*[A-Za-z]\w{0,2}\s*(?:-->|---|==>|-\.->)\s*[A-Za-z]\w{0,2}\s*;?\s*$/.test(line)
  );
}

/** True when the line says something in words: a labelled arrow, or a box holding a phrase. */
function statesARelation(line: string): boolean {
  if (EDGE_LABEL.test(line)) return true;
  for (const match of line.matchAll(new RegExp(NODE.source, 'g'))) {
    const label = (match[1] ?? '').replace(/["`]/g, '').trim();
    if (label.split(/\s+/).filter(Boolean).length >= PHRASE_WORDS) return true;
  }
  return false;
}
