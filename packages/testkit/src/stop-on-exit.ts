/**
 * For throwaway servers that tests start (PostgreSQL, Redis): a test process that exits or is
 * killed before the test calls `stop()` must not leave the server running. Runs `stopSync` on
 * exit, SIGTERM and SIGINT (then dies of the signal, as it would have). Returns what undoes it.
 */
export function stopOnExit(stopSync: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    process.kill(process.pid, signal);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, onSignal);
  process.once('exit', stopSync);
  return () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeListener(signal, onSignal);
    process.removeListener('exit', stopSync);
  };
}
