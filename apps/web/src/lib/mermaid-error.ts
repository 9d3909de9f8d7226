/**
 * Mermaid's complaint about a diagram as one plain sentence with the line to look at. The raw
 * parser message (token lists, carets, offsets) helps nobody writing notes in an interview.
 */
export function mermaidErrorSentence(error: unknown, source: string): string {
  if (nameOf(error) === 'UnknownDiagramError' || /no diagram type detected/i.test(messageOf(error))) {
    return 'The first line should name the diagram type, such as graph TD or sequenceDiagram.';
  }
  const line = errorLine(error);
  if (line === null) return 'This diagram has a syntax error.';
  const lines = source.split('\n').length;
  // The parser may point just past the last line when the diagram ends too early.
  return line > lines
    ? `This diagram ends too early: line ${lines} looks unfinished.`
    : `This diagram has a syntax error on line ${line}.`;
}

/** The 1-based line: the jison parser's location when it gives one, else the message's first "line N". */
function errorLine(error: unknown): number | null {
  const hash = field(error, 'hash');
  const first = field(field(hash, 'loc'), 'first_line');
  if (typeof first === 'number' && Number.isInteger(first) && first > 0) return first;
  const match = /\bline (\d+)/i.exec(messageOf(error));
  return match ? Number(match[1]) : null;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function nameOf(error: unknown): string {
  const name = field(error, 'name');
  return typeof name === 'string' ? name : '';
}

function messageOf(error: unknown): string {
  const message = field(error, 'message');
  return typeof message === 'string' ? message : String(error);
}
