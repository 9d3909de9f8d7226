/** Ids matching the protocol's /^[A-Za-z0-9_-]{1,64}$/, so a resent message is recognised by the server. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  // randomUUID exists only in secure contexts; a LAN address over plain http is not one.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
