import type { AddressInfo } from 'node:net';
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::']);
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Private ranges first (the home or office network), then any other address. */
function rank(address: string): number {
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

/**
 * The `http://ip:port` addresses another machine on the network can open this server at: every
 * IPv4 interface when it listens on all of them, its own address when it listens on one, nothing
 * when it listens on loopback only.
 */
export function lanUrls(
  address: AddressInfo | string | null,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (address === null || typeof address === 'string') return [];
  const { port } = address;
  if (!WILDCARDS.has(address.address)) {
    if (LOOPBACK.test(address.address)) return [];
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return [`http://${host}:${port}`];
  }
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'))
    .map((info) => info.address)
    .sort((a, b) => rank(a) - rank(b))
    .map((ip) => `http://${ip}:${port}`);
}
