import type { SessionSummary } from '@mlsd/protocol';
import { useCallback, useState } from 'react';
import { api } from '../../lib/api.ts';
import { useAsync } from '../../lib/use-async.ts';

export interface OlderPages {
  /** Sessions of the pages loaded after the first, oldest last. */
  sessions: SessionSummary[];
  /** Cursor of the next older page; undefined until "Load more" was used (the first page's is used). */
  next: string | null | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * The history arrives a page at a time (the server pages `GET /api/sessions`): the first page with
 * the cases, then older pages on "Load more", appended, so everything a user had stays reachable.
 */
export function useHistory() {
  const first = useAsync(() => Promise.all([api.sessionsPage(), api.cases()]), []);
  const [older, setOlder] = useState<OlderPages>({
    sessions: [],
    next: undefined,
    loading: false,
    error: null,
  });
  const firstNext = first.status === 'ok' ? first.value[0].next : null;
  const next = older.next === undefined ? firstNext : older.next;

  const loadMore = useCallback(() => {
    if (!next || older.loading) return;
    setOlder((state) => ({ ...state, loading: true, error: null }));
    api.sessionsPage(next).then(
      (page) =>
        setOlder((state) => ({
          sessions: [...state.sessions, ...page.sessions],
          next: page.next,
          loading: false,
          error: null,
        })),
      (error: unknown) => setOlder((state) => ({ ...state, loading: false, error })),
    );
  }, [next, older.loading]);

  const reload = useCallback(() => {
    setOlder({ sessions: [], next: undefined, loading: false, error: null });
    first.reload();
  }, [first.reload]);

  const loaded =
    first.status === 'ok'
      ? { sessions: [...first.value[0].sessions, ...older.sessions], cases: first.value[1] }
      : null;
  return { first, loaded, hasMore: next !== null, older, loadMore, reload };
}
