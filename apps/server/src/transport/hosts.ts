import { isIP } from 'node:net';
import { listEntries } from './list.ts';

/**
 * Which `Host` names the server answers to. DNS rebinding points an attacker's name at 127.0.0.1:
 * the browser then treats the attacker's page and this server as one origin, so the Origin check
 * passes and the page can read the API. Only the Host header still carries the attacker's name.
 */
export interface HostPolicy {
  /** Host names answered on any port (lower case, IPv6 in brackets). */
  names: ReadonlySet<string>;
  /** `name:port` pairs answered on that port only. */
  hostPorts: ReadonlySet<string>;
  /** Any IP literal: set when listening on every interface (a rebinding attack always uses a name). */
  anyAddress: boolean;
  /** `*` in MLSD_ALLOWED_HOSTS: any host (behind a proxy that checks it). */
  any: boolean;
}

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** `name` and `port` of a Host value, lower case, or null when it is not one. */
function splitHost(value: string): { name: string; port: string } | null {
  const trimmed = value.trim();
  if (trimmed === '' || /[/?#@\s]/.test(trimmed)) return null;
  try {
    const url = new URL(`http://${trimmed}`);
    return { name: url.hostname, port: url.port };
  } catch {
    return null;
  }
}

/**
 * The default (localhost, 127.0.0.1, [::1] and the listen address) plus a comma-separated list
 * such as `mlsd.example.com, lan-box:8080`. The port is not compared for the defaults: a browser's
 * Host always names the port it connected to, and rebinding changes the name, not the port.
 */
export function parseHostList(
  list: string | undefined,
  listenHost: string,
): { ok: true; value: HostPolicy } | { ok: false; error: string } {
  const names = new Set(LOCAL_NAMES);
  const hostPorts = new Set<string>();
  const listen = listenHost.trim().toLowerCase();
  const anyAddress = WILDCARDS.has(listen);
  if (!anyAddress) {
    const own = splitHost(isIP(listen) === 6 ? `[${listen}]` : listen);
    if (own) names.add(own.name);
  }
  const { entries, any } = listEntries(list);
  for (const entry of entries) {
    const host = splitHost(entry);
    if (host === null) {
      return {
        ok: false,
        error: `"${entry}" is not a host; write name[:port], e.g. mlsd.example.com or lan-box:3000`,
      };
    }
    if (host.port === '') names.add(host.name);
    else hostPorts.add(`${host.name}:${host.port}`);
  }
  return { ok: true, value: { names, hostPorts, anyAddress, any } };
}

/** The policy for a server on 127.0.0.1 (tests, and `buildApp` when not told otherwise). */
export const LOCAL_HOSTS: HostPolicy = (() => {
  const parsed = parseHostList('', '127.0.0.1');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();

/** Null when `host` may be served, else why not. No Host at all: not a browser, so no rebinding. */
export function checkHost(host: string | undefined, policy: HostPolicy): string | null {
  if (host === undefined || policy.any) return null;
  const parsed = splitHost(host);
  if (parsed !== null) {
    if (policy.names.has(parsed.name)) return null;
    if (policy.hostPorts.has(`${parsed.name}:${parsed.port || '80'}`)) return null;
    if (policy.anyAddress && isIP(parsed.name.replace(/^\[|\]$/g, '')) !== 0) return null;
  }
  return `this server does not answer to host ${JSON.stringify(host.slice(0, 100))} (DNS rebinding protection); open it by its own address, or add the host to MLSD_ALLOWED_HOSTS`;
}
