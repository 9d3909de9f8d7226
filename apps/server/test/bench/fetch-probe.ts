/**
 * Stamps the moment this process hands each chat request to fetch (the openai SDK uses the global
 * fetch), keyed by the stream id found in its body: a `[bench-id]` marker, or for the relay the
 * whole last message. Lets the streaming benchmark tell our own work before the request from the
 * time the request spends in transit and in the model's queue.
 */
const now = () => performance.timeOrigin + performance.now();
const sent = new Map<string, number>();

export function installFetchProbe(mode: 'server' | 'relay'): void {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (body.includes('"messages"')) {
      const id =
        mode === 'server'
          ? [...body.matchAll(/\[bench-([\w-]+)\]/g)].at(-1)?.[1]
          : (JSON.parse(body) as { messages: { content: string }[] }).messages.at(-1)?.content;
      if (id) sent.set(id, now());
    }
    return original(input, init);
  };
}

/** The stamps so far, emptied. */
export function takeFetchStamps(): Record<string, number> {
  const stamps = Object.fromEntries(sent);
  sent.clear();
  return stamps;
}
