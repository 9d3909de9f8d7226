import * as z from '#zod';
import { Report } from './report.ts';
import { SessionDetail } from './rest.ts';

/**
 * Who may see what, over REST. Sessions belong to whoever created them: a browser makes up an
 * owner key once, keeps it, and sends it when it creates a session or a peer room and when it
 * lists its history. The server stores only the key's sha256, so the history of one browser is
 * invisible to every other. Seat tokens are unchanged: a seat link works on its own.
 */
export const OWNER_HEADER = 'x-mlsd-owner';

/**
 * When the server is started with `MLSD_ACCESS_KEY`, creating sessions and rooms and listing
 * history also need this header with that passphrase. Seat links and read-only report links never do.
 */
export const ACCESS_KEY_HEADER = 'x-mlsd-access-key';

/** An owner key: at least 128 bits of randomness, written in base64url. */
export const OwnerKey = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9_-]{22,128}$/,
      'an owner key is 22 to 128 letters, digits, "-" or "_" (a random value the browser keeps)',
    ),
  );

/** The most sessions one claim may name. */
export const CLAIM_MAX = 500;

/**
 * `POST /api/sessions/claim` (owner key required): sessions created before owners existed have
 * none, so no history lists them. Whoever holds a session's seat token can make it theirs; a
 * session that already has an owner is left alone.
 */
export const ClaimSessionsBody = z.object({
  sessions: z
    .array(
      z.object({
        id: z.string().check(z.minLength(1), z.maxLength(64)),
        token: z.string().check(z.minLength(1), z.maxLength(200)),
      }),
    )
    .check(
      z.maxLength(CLAIM_MAX, `at most ${CLAIM_MAX} sessions per claim; send the rest in another request`),
    ),
});
export type ClaimSessionsBody = z.infer<typeof ClaimSessionsBody>;

export const ClaimSessionsResponse = z.object({
  /** Sessions that are now the caller's (already theirs, or unowned and the token matched). */
  claimed: z.number().check(z.int(), z.gte(0)),
});
export type ClaimSessionsResponse = z.infer<typeof ClaimSessionsResponse>;

/** Live read-only links one session may have at once; revoke one to make another. */
export const SHARES_PER_SESSION = 20;

/** A read-only link to a session's report, as its owner sees it in the list (never its token). */
export const ReportShare = z.object({
  id: z.string(),
  createdAt: z.number(),
  /** When the owner revoked it; the link stops working at once. */
  revokedAt: z.nullable(z.number()),
});
export type ReportShare = z.infer<typeof ReportShare>;

/** `POST /api/sessions/:id/shares` (seat token required): the token appears in this reply only. */
export const CreateShareResponse = z.object({
  ...ReportShare.shape,
  token: z.string(),
  /** The web app's path for the link, `#/shared/<token>`; prefix it with the server's address. */
  path: z.string(),
});
export type CreateShareResponse = z.infer<typeof CreateShareResponse>;

/**
 * `GET /api/shared/:token`: what a read-only link shows. The session comes without anything that
 * grants a seat; the report is the one the owner sees.
 */
export const SharedReport = z.object({
  session: SessionDetail,
  report: Report,
});
export type SharedReport = z.infer<typeof SharedReport>;
