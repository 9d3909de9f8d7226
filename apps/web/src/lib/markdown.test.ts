import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('reads headings, lists, quotes, rules and paragraphs', () => {
    const blocks = parseMarkdown(
      '# Plan\n\n- users\n- items\n\n1. first\n2. second\n\n> note\n\n---\nline one\nline two',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'list', 'quote', 'rule', 'paragraph']);
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: 'users' }], [{ text: 'items' }]] });
    expect(blocks[2]).toMatchObject({ ordered: true });
    expect(blocks[5]).toEqual({ type: 'paragraph', inline: [{ type: 'text', text: 'line one line two' }] });
  });

  it('separates mermaid blocks from other code, and keeps an unclosed fence to the end', () => {
    const blocks = parseMarkdown(
      '```mermaid\ngraph TD\n  A-->B\n```\n```sql\nselect 1\n```\n```mermaid\ngraph LR',
    );
    expect(blocks).toEqual([
      { type: 'mermaid', text: 'graph TD\n  A-->B' },
      { type: 'code', lang: 'sql', text: 'select 1' },
      { type: 'mermaid', text: 'graph LR' },
    ]);
  });

  it('keeps markup as text: nothing becomes HTML', () => {
    const [block] = parseMarkdown('<img src=x onerror=alert(1)> **bold**');
    expect(block).toEqual({
      type: 'paragraph',
      inline: [
        { type: 'text', text: '<img src=x onerror=alert(1)> ' },
        { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      ],
    });
  });
});

describe('parseInline', () => {
  it('reads code literally, then bold and italics, and links as their text', () => {
    expect(parseInline('a `**x**` *b* [site](javascript:alert(1)) snake_case_name')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'code', text: '**x**' },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' site snake_case_name' },
    ]);
  });
});
