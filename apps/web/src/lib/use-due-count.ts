import { useEffect, useState } from 'react';

/**
 * How many review items are due, for the header; null while unknown. Asked again on every page
 * change (`key`) and after every answer or rating (`REVIEW_CHANGED_EVENT`). A failure (a locked server, a network blip)
 * leaves the badge off rather than bothering every page. Off on seat and shared links (`enabled`):
 * those never ask for the owner's passphrase.
 */
export function useDueCount(key: string, enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    // The event's name is spelled here so this file does not import the study API up front.
    const onChange = () => setChanges((n) => n + 1);
    window.addEventListener('mlsd:review-changed', onChange);
    return () => window.removeEventListener('mlsd:review-changed', onChange);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // Fetched on first use: the study schemas stay out of the first page's script.
    import('./study-api.ts')
      .then(({ studyApi }) => studyApi.review())
      .then(
        (deck) => live && setCount(deck.dueCount),
        () => live && setCount(null),
      );
    return () => {
      live = false;
    };
  }, [key, enabled, changes]);
  return count;
}
