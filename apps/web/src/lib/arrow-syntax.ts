import type { DrawAttemptBody } from '@mlsd/protocol';

/** A drawing typed as text, read into boxes and arrows, with what could not be read. */
export interface ParsedDrawing {
  drawing: DrawAttemptBody;
  /** One sentence per line that is neither a box nor an arrow, naming the line. */
  problems: string[];
}

const ARROW = /^(.+?)\s*(?:->|-->|→|=>)\s*(.+?)(?:\s*\((.*)\))?$/;

/** A box's id: its name in lower case with spaces squeezed, so "Feature store" and "feature  store" are one box. */
export const boxId = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** Mermaid lines that draw nothing: the header, comments, subgraph brackets and styling. */
const MERMAID_SKIP =
  /^(?:flowchart|graph)\b|^%%|^(?:subgraph|end|classDef|class|style|linkStyle|direction)\b/;
/** A mermaid node: `id[Label]`, `id(Label)`, `id([Label])`, `id{Label}`, `id((Label))`. */
const MERMAID_NODE =
  /([A-Za-z][\w-]*)\s*(?:\(\[|\[\[|\(\(|\[\(|\[|\(|\{)\s*"?([^\])}"]+?)"?\s*(?:\]\)|\]\]|\)\)|\)\]|\]|\)|\})/g;
/** A mermaid link: `-->`, `---`, `-.->`, `==>`, with a label as `-->|label|` or `-- label -->`. */
const MERMAID_LINK =
  /^(.+?)\s*(?:--\s+([^->|]+?)\s+-->|-->\s*\|([^|]*)\||-\.->\s*(?:\|([^|]*)\|)?|==>\s*(?:\|([^|]*)\|)?|-->|---)\s*(.+)$/;

/**
 * A mermaid flowchart line in the plain form this page reads ("A -> B (label)" or a box name), or
 * null for a line that draws nothing. `names` learns each node's label from where it is defined.
 */
function fromMermaid(line: string, names: Map<string, string>): string | null {
  if (MERMAID_SKIP.test(line)) return null;
  const named = line.replace(MERMAID_NODE, (_, id: string, label: string) => {
    names.set(id, label.trim());
    return id;
  });
  const name = (id: string) => names.get(id.trim()) ?? id.trim();
  const link = MERMAID_LINK.exec(named);
  if (!link) return name(named);
  const [, from = '', dashed, piped, dotted, thick, to = ''] = link;
  const label = (dashed ?? piped ?? dotted ?? thick ?? '').trim();
  return `${name(from)} -> ${name(to)}${label ? ` (${label})` : ''}`;
}

/** Whether the text is a mermaid flowchart rather than the plain arrow list. */
const isMermaid = (text: string) =>
  /^\s*(?:flowchart|graph)\b/m.test(text) || /-->\s*\||\w\[[^\]]+\]/.test(text);

/**
 * Reads a drawing written one item a line: a box name ("Feature store"), or an arrow
 * "Feature store -> Ranker (features)" with an optional label in brackets. An arrow's ends are
 * boxes too, so a list of arrows alone is a whole drawing. Blank lines and lines starting with #
 * are skipped. A mermaid flowchart (`flowchart LR`, `A[Ad server] -->|scores| B[Model]`) reads too.
 */
export function parseDrawing(text: string): ParsedDrawing {
  const nodes = new Map<string, string>();
  const edges: DrawAttemptBody['edges'] = [];
  const problems: string[] = [];
  const addBox = (name: string) => {
    const id = boxId(name);
    if (!nodes.has(id)) nodes.set(id, name.trim());
    return id;
  };
  const mermaid = isMermaid(text);
  const names = new Map<string, string>();
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw
      .trim()
      .replace(/^[-*•]\s+/, '')
      .replace(/;$/, '');
    const line = mermaid && trimmed !== '' ? fromMermaid(trimmed, names) : trimmed;
    if (line === null || line === '' || line.startsWith('#')) return;
    const arrow = ARROW.exec(line);
    if (arrow) {
      const [, from = '', to = '', label] = arrow;
      if (from.trim() === '' || to.trim() === '') {
        problems.push(`line ${index + 1}: an arrow needs a box on both sides, as in "A -> B"`);
        return;
      }
      const edge = { from: addBox(from), to: addBox(to), ...(label?.trim() ? { label: label.trim() } : {}) };
      edges.push(edge);
      return;
    }
    if (/->|-->|→|=>/.test(line)) {
      problems.push(`line ${index + 1}: an arrow needs a box on both sides, as in "A -> B"`);
      return;
    }
    addBox(line);
  });
  return {
    drawing: { nodes: [...nodes].map(([id, label]) => ({ id, label })), edges },
    problems,
  };
}

/** The reference architecture as a mermaid flowchart: online boxes rounded, offline ones square. */
export function referenceMermaid(reference: {
  components: { id: string; label: string; path: 'online' | 'offline' }[];
  arrows: { from: string; to: string; label?: string | undefined }[];
}): string {
  const safe = (text: string) => text.replace(/["[\](){}|<>#;]/g, ' ').trim();
  const node = (id: string) => `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  // Top to bottom: a dozen boxes side by side would shrink to unreadable on a page.
  const lines = ['flowchart TD'];
  for (const component of reference.components) {
    const label = safe(component.label);
    lines.push(
      component.path === 'online'
        ? `  ${node(component.id)}("${label}")`
        : `  ${node(component.id)}["${label}"]`,
    );
  }
  for (const arrow of reference.arrows) {
    const label = arrow.label ? `|"${safe(arrow.label)}"|` : '';
    lines.push(`  ${node(arrow.from)} -->${label} ${node(arrow.to)}`);
  }
  return lines.join('\n');
}
