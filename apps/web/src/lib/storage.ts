/** What this browser remembers: each session's token, unacknowledged answers, drafts. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionKey {
  id: string;
  token: string;
  caseId: string;
  caseTitle: string;
  createdAt: number;
}

export interface OutboxEntry {
  clientId: string;
  text: string;
  createdAt: number;
}

const SESSIONS_KEY = 'mlsd.sessions';
const outboxKey = (sessionId: string) => `mlsd.outbox.${sessionId}`;
const draftKey = (sessionId: string) => `mlsd.draft.${sessionId}`;

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const raw = store.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled storage must not break the interview; the server still has the data.
  }
}

function isSessionKey(value: unknown): value is SessionKey {
  const v = value as Partial<SessionKey> | null;
  return typeof v?.id === 'string' && typeof v.token === 'string';
}

/** Every session this browser started, keyed by id. */
export function listSessionKeys(store: KeyValueStore): Record<string, SessionKey> {
  const raw = readJson(store, SESSIONS_KEY);
  if (raw === null || typeof raw !== 'object') return {};
  const out: Record<string, SessionKey> = {};
  for (const value of Object.values(raw)) {
    if (isSessionKey(value)) out[value.id] = value;
  }
  return out;
}

export function getSessionKey(store: KeyValueStore, id: string): SessionKey | null {
  return listSessionKeys(store)[id] ?? null;
}

export function saveSessionKey(store: KeyValueStore, key: SessionKey): void {
  writeJson(store, SESSIONS_KEY, { ...listSessionKeys(store), [key.id]: key });
}

/** Answers sent but not yet acknowledged, oldest first. */
export function loadOutbox(store: KeyValueStore, sessionId: string): OutboxEntry[] {
  const raw = readJson(store, outboxKey(sessionId));
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is OutboxEntry =>
      typeof e?.clientId === 'string' && typeof e.text === 'string' && typeof e.createdAt === 'number',
  );
}

export function saveOutbox(store: KeyValueStore, sessionId: string, entries: OutboxEntry[]): void {
  if (entries.length === 0) store.removeItem(outboxKey(sessionId));
  else writeJson(store, outboxKey(sessionId), entries);
}

/** A persisted outbox: the websocket client adds on send and removes on ack or refusal. */
export interface Outbox {
  list(): OutboxEntry[];
  add(entry: OutboxEntry): void;
  remove(clientId: string): boolean;
}

export function storedOutbox(store: KeyValueStore, sessionId: string): Outbox {
  return {
    list: () => loadOutbox(store, sessionId),
    add: (entry) => {
      const entries = loadOutbox(store, sessionId).filter((e) => e.clientId !== entry.clientId);
      saveOutbox(store, sessionId, [...entries, entry]);
    },
    remove: (clientId) => {
      const entries = loadOutbox(store, sessionId);
      const rest = entries.filter((e) => e.clientId !== clientId);
      if (rest.length === entries.length) return false;
      saveOutbox(store, sessionId, rest);
      return true;
    },
  };
}

export function loadDraft(store: KeyValueStore, sessionId: string): string {
  try {
    return store.getItem(draftKey(sessionId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(store: KeyValueStore, sessionId: string, text: string): void {
  try {
    if (text) store.setItem(draftKey(sessionId), text);
    else store.removeItem(draftKey(sessionId));
  } catch {
    // see writeJson
  }
}

/** An in-memory store for tests and for browsers that refuse localStorage. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** localStorage when the browser allows it (private modes may throw on access). */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__mlsd_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}
