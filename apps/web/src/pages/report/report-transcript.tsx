import type { Report, Turn } from '@mlsd/protocol';
import { Fragment } from 'react';
import { highlightSegments, type Quote } from '../../lib/highlight.ts';

/** Quotes that point into each turn: credited points and red flags, keyed by turn index. */
function quotesByTurn(report: Report): Map<number, (Quote & { kind: 'credit' | 'flag'; title: string })[]> {
  const map = new Map<number, (Quote & { kind: 'credit' | 'flag'; title: string })[]>();
  const add = (turnIndex: number | null, entry: Quote & { kind: 'credit' | 'flag'; title: string }) => {
    if (turnIndex === null) return;
    map.set(turnIndex, [...(map.get(turnIndex) ?? []), entry]);
  };
  for (const step of report.steps) {
    for (const p of step.covered)
      add(p.evidence.turnIndex, {
        id: `p:${p.pointId}`,
        quote: p.evidence.quote,
        kind: 'credit',
        title: p.title,
      });
    for (const f of step.redFlags)
      add(f.evidence.turnIndex, { id: `f:${f.id}`, quote: f.evidence.quote, kind: 'flag', title: f.title });
  }
  return map;
}

/** The whole conversation with every quoted passage highlighted; each turn is a jump target. */
export function ReportTranscript({ transcript, report }: { transcript: Turn[]; report: Report }) {
  const quotes = quotesByTurn(report);
  const stepTitle = new Map(report.steps.map((s, i) => [s.id, `Step ${i + 1} · ${s.title}`]));
  return (
    <section className="report-transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <p className="muted legend">
        <mark className="hl hl--credit">Credited</mark> passages earned points;{' '}
        <mark className="hl hl--flag">flagged</mark> passages raised a red flag.
      </p>
      <ol className="report-transcript__list">
        {transcript.map((turn, i) => {
          const own = quotes.get(i) ?? [];
          const byId = new Map(own.map((q) => [q.id, q]));
          return (
            <Fragment key={turn.id}>
              {(i === 0 || transcript[i - 1]?.step !== turn.step) && (
                <li className="rt-divider" aria-hidden="true">
                  {stepTitle.get(turn.step) ?? turn.step}
                </li>
              )}
              <li id={`turn-${i}`} tabIndex={-1} className={`rt-turn rt-turn--${turn.role}`}>
                <span className="rt-turn__who">{turn.role === 'candidate' ? 'You' : 'Interviewer'}</span>
                <p className="rt-turn__text">
                  {highlightSegments(turn.text, own).map((segment, j) => {
                    if (segment.marks.length === 0) return <span key={j}>{segment.text}</span>;
                    const marks = segment.marks.map((id) => byId.get(id)).filter((q) => q !== undefined);
                    const flagged = marks.some((q) => q.kind === 'flag');
                    return (
                      <mark
                        key={j}
                        className={`hl hl--${flagged ? 'flag' : 'credit'}`}
                        title={marks.map((q) => q.title).join(', ')}
                      >
                        {segment.text}
                      </mark>
                    );
                  })}
                </p>
              </li>
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}
