import { useSyncExternalStore } from 'react';

/**
 * Whether the home and history pages must ask for the server's access passphrase first. Any
 * request the server refuses with ACCESS_KEY_REQUIRED locks it; a passphrase that works unlocks
 * it, and `generation` moves on so the pages behind the gate load again from scratch.
 */
export interface AccessGateState {
  locked: boolean;
  /** What the server said when it refused; null when the lock came from the health check. */
  message: string | null;
  generation: number;
}

let state: AccessGateState = { locked: false, message: null, generation: 0 };
const listeners = new Set<() => void>();

function set(next: AccessGateState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function lockAccess(message: string | null): void {
  if (state.locked && message === null) return;
  set({ ...state, locked: true, message });
}

export function unlockAccess(): void {
  set({ locked: false, message: null, generation: state.generation + 1 });
}

export function accessGateState(): AccessGateState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAccessGate(): AccessGateState {
  return useSyncExternalStore(subscribe, accessGateState, accessGateState);
}
