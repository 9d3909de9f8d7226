/**
 * Remembers what a pure function of a text gave, for the last `max` texts. One message is read
 * several times over (its sentences and clauses by the intent reader, its questions by both fact
 * lookups), and the same text always reads the same, so a small memo saves the repeats; the bound
 * keeps a long-running server's memory flat.
 */
export function memoByText<T>(read: (text: string) => T, max = 512): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const value = read(text);
    // Oldest first out: a Map iterates in insertion order.
    if (seen.size >= max) seen.delete(seen.keys().next().value as string);
    seen.set(text, value);
    return value;
  };
}
