/**
 * One abort controller per attempt, tied to the caller's signal, with one timer: first the
 * request timeout, then (re-armed on every chunk) the stream idle limit. The SDK's own timeout
 * stops at the response headers and it has no watchdog for a stream that goes silent.
 */
export function watchdog(outer: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let fired: 'timeout' | 'idle' | null = null;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, reason: 'timeout' | 'idle') => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = reason;
      controller.abort();
    }, ms);
  };
  const onOuterAbort = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  arm(timeoutMs, 'timeout');
  return {
    signal: controller.signal,
    rearm: arm,
    reason: () => fired,
    stop() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

export type Watchdog = ReturnType<typeof watchdog>;
