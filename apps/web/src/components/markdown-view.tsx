import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { type Block, type Inline, parseMarkdown } from '../lib/markdown.ts';
import { type MermaidResult, renderMermaid } from '../lib/mermaid.ts';

/** Markdown as React elements (never as HTML), with `mermaid` blocks drawn as diagrams. */
export function MarkdownView({ source, empty }: { source: string; empty?: ReactNode }) {
  const blocks = parseMarkdown(source);
  if (blocks.length === 0) return <div className="markdown markdown--empty">{empty}</div>;
  return (
    <div className="markdown">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, block.level + 2)}` as 'h3';
      return <Tag className="markdown__heading">{inline(block.inline)}</Tag>;
    }
    case 'paragraph':
      return <p>{inline(block.inline)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{inline(item)}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return <blockquote>{inline(block.inline)}</blockquote>;
    case 'rule':
      return <hr />;
    case 'code':
      return (
        <pre className="markdown__code">
          <code>{block.text}</code>
        </pre>
      );
    case 'mermaid':
      return <MermaidBlock source={block.text} />;
  }
}

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => inlineNode(node, i));
}

function inlineNode(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return <Fragment key={key}>{node.text}</Fragment>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'strong':
      return <strong key={key}>{inline(node.children)}</strong>;
    case 'em':
      return <em key={key}>{inline(node.children)}</em>;
  }
}

/** Waits for a pause in typing before drawing, so a half-typed diagram is not drawn on every key. */
const DRAW_DELAY_MS = 300;

/** One diagram. A diagram that does not parse shows what is wrong and its source, never a blank. */
export function MermaidBlock({ source }: { source: string }) {
  const [result, setResult] = useState<MermaidResult | null>(null);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      renderMermaid(source).then((drawn) => {
        if (current) setResult(drawn);
      });
    }, DRAW_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [source]);

  if (source.trim() === '') return null;
  if (result?.ok) {
    return (
      <figure
        className="mermaid-block"
        aria-label="Diagram"
        // The SVG comes from mermaid with securityLevel 'strict', which sanitises it (DOMPurify).
        dangerouslySetInnerHTML={{ __html: result.svg }}
      />
    );
  }
  return (
    <figure className={`mermaid-block${result ? ' mermaid-block--error' : ' mermaid-block--pending'}`}>
      {result && !result.ok && (
        <figcaption className="mermaid-block__error" role="note">
          {result.error}
        </figcaption>
      )}
      <pre className="markdown__code">
        <code>{source}</code>
      </pre>
    </figure>
  );
}
