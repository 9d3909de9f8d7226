import { OWNER_HEADER } from '@mlsd/protocol';
import { hashToken } from '../src/auth.ts';

/** An owner key as a browser would make one, and the header that carries it. */
export const OWNER_KEY = 'test-owner-key-0123456789abcdef';
export const OWNER_HEADERS = { [OWNER_HEADER]: OWNER_KEY } as const;
export const OWNER_HASH = hashToken(OWNER_KEY);

/** Another browser's key: its history must never show the first one's sessions. */
export const OTHER_OWNER_HEADERS = { [OWNER_HEADER]: 'another-owner-key-9876543210fedcba' } as const;
