import { errorMessage } from '../lib/errors.ts';
import { Notice } from './notice.tsx';

/** A failed load with a retry button. */
export function LoadError({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  return (
    <Notice
      tone="error"
      action={
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      }
    >
      Could not load {what}. {errorMessage(error)}
    </Notice>
  );
}
