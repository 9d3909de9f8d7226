import { describe, expect, it } from 'vitest';
import { mermaidErrorSentence } from './mermaid-error.ts';

/** Shaped like mermaid 12's errors: the flowchart (jison) parser and the newer langium ones. */
function jisonError(line: number, message: string) {
  return Object.assign(new Error(message), { hash: { loc: { first_line: line, last_line: line + 1 } } });
}

describe('mermaidErrorSentence', () => {
  it('names the line from the parser location, without the token list', () => {
    const source = 'sequenceDiagram\n  A->>B: hi\n  B-x\n';
    const error = jisonError(
      3,
      "Parse error on line 3:\n...am  A->>B: hi  B-x\n---^\nExpecting 'link', '+', '-', got 'NEWLINE'",
    );
    expect(mermaidErrorSentence(error, source)).toBe('This diagram has a syntax error on line 3.');
  });

  it('reads the line from a langium message', () => {
    const error = new Error(
      "Parsing failed: Lexer error on line 2, column 7: unexpected character: ->x<- at offset: 10. Parse error on line 2, column 8: Expecting token of type 'NUMBER_PIE' but found `\n`.",
    );
    expect(mermaidErrorSentence(error, 'pie\n "a": x')).toBe('This diagram has a syntax error on line 2.');
  });

  it('says a diagram ends too early when the parser points past its last line', () => {
    const error = new Error("Parse error on line 3:\ngraph TD A[x\n----^\nExpecting 'SQE', got '1'");
    expect(mermaidErrorSentence(error, 'graph TD\n  A[x')).toBe(
      'This diagram ends too early: line 2 looks unfinished.',
    );
  });

  it('asks for a diagram type when the first line names none', () => {
    const error = Object.assign(
      new Error('No diagram type detected matching given configuration for text: x'),
      {
        name: 'UnknownDiagramError',
      },
    );
    expect(mermaidErrorSentence(error, 'nonsense')).toBe(
      'The first line should name the diagram type, such as graph TD or sequenceDiagram.',
    );
  });

  it('still gives a sentence when there is no line to point at', () => {
    expect(mermaidErrorSentence('boom', 'graph TD')).toBe('This diagram has a syntax error.');
  });
});
