import type { Turn } from '@mlsd/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalBubble, TurnBubble } from './message-bubble.tsx';

const noop = () => {};

describe('message bubbles', () => {
  it('render typed markup as text, never as HTML', () => {
    const turn: Turn = {
      id: 't1',
      role: 'candidate',
      step: 'requirements',
      kind: 'answer',
      text: '<script>alert(1)</script><img src=x onerror=alert(2)>',
      at: 0,
    };
    const html = renderToStaticMarkup(<TurnBubble turn={turn} />);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  it('tags what an interviewer turn does, with how much a hint gave away, and leaves openings untagged', () => {
    const probe: Turn = { id: 't2', role: 'interviewer', step: 'data', kind: 'probe', text: 'Why?', at: 0 };
    expect(renderToStaticMarkup(<TurnBubble turn={probe} />)).toContain('>probe<');
    expect(renderToStaticMarkup(<TurnBubble turn={{ ...probe, kind: 'follow-up' }} />)).toContain(
      '>follow-up<',
    );
    expect(renderToStaticMarkup(<TurnBubble turn={{ ...probe, kind: 'challenge' }} />)).toContain(
      '>push-back<',
    );
    expect(renderToStaticMarkup(<TurnBubble turn={{ ...probe, kind: 'hint', hintLevel: 2 }} />)).toContain(
      'hint 2 of 3',
    );
    const opening: Turn = { ...probe, kind: 'opening' };
    expect(renderToStaticMarkup(<TurnBubble turn={opening} />)).not.toContain('bubble__tag');
  });

  it('shows a pending message as sending and a refused one with its reason and actions', () => {
    const base = { clientId: 'c1', text: 'hello', createdAt: 0 };
    const pending = renderToStaticMarkup(
      <LocalBubble message={{ ...base, status: 'pending' }} onRetry={noop} onEdit={noop} onDiscard={noop} />,
    );
    expect(pending).toContain('Sending…');
    const failed = renderToStaticMarkup(
      <LocalBubble
        message={{ ...base, status: 'failed', error: 'slow down' }}
        onRetry={noop}
        onEdit={noop}
        onDiscard={noop}
      />,
    );
    expect(failed).toContain('Not sent');
    expect(failed).toContain('slow down');
    expect(failed.match(/<button/g)).toHaveLength(3);
  });

  it('shows a message the connection is resending as retrying, calmly: no error, no actions', () => {
    const retrying = renderToStaticMarkup(
      <LocalBubble
        message={{ clientId: 'c1', text: 'hello', createdAt: 0, status: 'retrying' }}
        onRetry={noop}
        onEdit={noop}
        onDiscard={noop}
      />,
    );
    expect(retrying).toContain('Retrying…');
    expect(retrying).toContain('aria-busy="true"');
    expect(retrying).not.toContain('bubble__error');
    expect(retrying).not.toContain('<button');
  });
});
