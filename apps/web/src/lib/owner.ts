import { OwnerKey } from '@mlsd/protocol';
import type { KeyValueStore } from './storage.ts';

/**
 * What ties this browser to its sessions and to a locked server: the owner key (made up once, so
 * the history lists this browser's sessions only) and the server's access passphrase, if it has one.
 */
const OWNER_KEY = 'mlsd.owner';
const ACCESS_KEY = 'mlsd.accessKey';
const CLAIMED_KEY = 'mlsd.owner.claimed';

function read(store: KeyValueStore, key: string): string | null {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

function write(store: KeyValueStore, key: string, value: string | null): void {
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, value);
  } catch {
    // A refused write costs a new owner key next visit at worst; the request still carries this one.
  }
}

/** 32 random bytes in base64url: what the server accepts as an owner key. */
export function newOwnerKey(random: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This browser's owner key, made on first use and kept; a damaged one is replaced. */
export function ownerKey(store: KeyValueStore, random?: Pick<Crypto, 'getRandomValues'>): string {
  const stored = read(store, OWNER_KEY);
  if (stored !== null && OwnerKey.safeParse(stored).success) return stored;
  const made = newOwnerKey(random);
  write(store, OWNER_KEY, made);
  return made;
}

/** The server's access passphrase as the user typed it, or null. */
export function loadAccessKey(store: KeyValueStore): string | null {
  const stored = read(store, ACCESS_KEY);
  return stored ? stored : null;
}

/** Stores the passphrase; null forgets it (the server refused it). */
export function saveAccessKey(store: KeyValueStore, key: string | null): void {
  write(store, ACCESS_KEY, key);
}

export function claimDone(store: KeyValueStore): boolean {
  return read(store, CLAIMED_KEY) === '1';
}

export function markClaimDone(store: KeyValueStore): void {
  write(store, CLAIMED_KEY, '1');
}
