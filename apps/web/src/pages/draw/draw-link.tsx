import { href } from '../../lib/routes.ts';

/** The report's way into drawing its case from memory. */
export function DrawFromMemoryLink({ caseId }: { caseId: string }) {
  return (
    <p className="draw-link">
      <a className="button button--small" href={href({ name: 'draw', caseId })}>
        Compare with a reference architecture
      </a>{' '}
      <span className="muted small">Draw this case's design from memory, then see ours.</span>
    </p>
  );
}
