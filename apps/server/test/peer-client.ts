import { CreatePeerRoomResponse } from '@mlsd/protocol';

/** Peer seats use the same client as every other seat. */
export { TestSocket as PeerSocket } from './ws-client.ts';

/** `POST /api/peer/rooms` with the body given; fails the test unless it is a 201. */
export async function createRoom(baseUrl: string, body: object): Promise<CreatePeerRoomResponse> {
  const response = await fetch(`${baseUrl}/api/peer/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`room not created: ${response.status} ${await response.text()}`);
  return CreatePeerRoomResponse.parse(await response.json());
}

/** Every room, solo or peer, is on the one socket endpoint. */
export function peerSocketUrl(wsUrl: string): string {
  return wsUrl;
}

/** True when `canary` appears in `text` raw, JSON-escaped, percent-encoded or base64-encoded at any alignment. */
export function containsCanary(text: string, canary: string): boolean {
  const forms = new Set<string>([canary, JSON.stringify(canary).slice(1, -1), encodeURIComponent(canary)]);
  for (const pad of ['', 'x', 'xy']) {
    const encoded = Buffer.from(pad + canary, 'utf8').toString('base64');
    // Drop the characters that mix the padding or the unknown next byte in.
    const start = pad.length === 0 ? 0 : pad.length + 1;
    const core = encoded.slice(start, encoded.length - 4);
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  const lower = text.toLowerCase();
  for (const form of forms) {
    if (text.includes(form) || lower.includes(form.toLowerCase())) return true;
  }
  return false;
}
