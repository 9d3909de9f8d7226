/**
 * The entries of a comma-separated setting such as MLSD_ALLOWED_ORIGINS or MLSD_ALLOWED_HOSTS,
 * trimmed, blanks dropped; `*` is not an entry but means "any".
 */
export function listEntries(list: string | undefined): { entries: string[]; any: boolean } {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return { entries: entries.filter((entry) => entry !== '*'), any: entries.includes('*') };
}
