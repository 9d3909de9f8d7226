import { OwnerKey } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { claimDone, loadAccessKey, markClaimDone, ownerKey, saveAccessKey } from './owner.ts';
import { memoryStore } from './storage.ts';

describe('owner key', () => {
  it('is made once from 32 random bytes and then reused', () => {
    const store = memoryStore();
    let draws = 0;
    const random: Pick<Crypto, 'getRandomValues'> = {
      getRandomValues: (array) => {
        draws += 1;
        return crypto.getRandomValues(array);
      },
    };
    const first = ownerKey(store, random);
    expect(OwnerKey.safeParse(first).success).toBe(true);
    expect(first).toHaveLength(43); // 32 bytes in unpadded base64url
    expect(ownerKey(store, random)).toBe(first);
    expect(draws).toBe(1);
    expect(store.getItem('mlsd.owner')).toBe(first);
  });

  it('replaces a damaged key instead of sending it', () => {
    const store = memoryStore();
    store.setItem('mlsd.owner', 'not a key!');
    const made = ownerKey(store);
    expect(made).not.toBe('not a key!');
    expect(OwnerKey.safeParse(made).success).toBe(true);
  });

  it('differs between browsers', () => {
    expect(ownerKey(memoryStore())).not.toBe(ownerKey(memoryStore()));
  });
});

describe('access passphrase and claim flag', () => {
  it('stores, reads and forgets the passphrase', () => {
    const store = memoryStore();
    expect(loadAccessKey(store)).toBeNull();
    saveAccessKey(store, 'open sesame');
    expect(loadAccessKey(store)).toBe('open sesame');
    saveAccessKey(store, null);
    expect(loadAccessKey(store)).toBeNull();
  });

  it('remembers that the claim was done', () => {
    const store = memoryStore();
    expect(claimDone(store)).toBe(false);
    markClaimDone(store);
    expect(claimDone(store)).toBe(true);
    expect(store.getItem('mlsd.owner.claimed')).toBe('1');
  });
});
