import { useEffect, useRef, useState } from 'react';

/**
 * A local countdown for the study modes (no server clock: nothing is at stake if a tab sleeps).
 * Returns the milliseconds left, ticking every quarter second; calls `onEnd` once when it reaches
 * zero while `running`.
 */
export function useCountdown(totalMs: number, running: boolean, onEnd: () => void): number {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  const ended = useRef(false);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  const left = totalMs - (now - startedAt);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  useEffect(() => {
    if (running && left <= 0 && !ended.current) {
      ended.current = true;
      endRef.current();
    }
  }, [running, left]);
  return left;
}
