import type { LinkBase } from '../lib/link-base.ts';

/** Says who can open the links shown above: anyone who can reach this page, the network, or only this computer. */
export function LinkReach({ base }: { base: LinkBase }) {
  if (base.reach === 'page') return null;
  if (base.reach === 'lan') {
    return (
      <p className="link-reach muted small">
        The links use this server's network address, <code>{base.origin}</code>, so a friend on the same
        network can open them.
      </p>
    );
  }
  const port = new URL(base.origin).port || '80';
  return (
    <p className="link-reach link-reach--local small" role="note">
      These links point at <code>{new URL(base.origin).host}</code>, which works only on this computer. A
      friend on another machine needs this server's network address: start it with <code>HOST=0.0.0.0</code>{' '}
      (and <code>MLSD_ACCESS_KEY</code>) and share <code>{`http://<your-LAN-IP>:${port}/…`}</code>
    </p>
  );
}
