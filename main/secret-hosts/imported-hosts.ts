import type { Client } from '../../shared/types/client.ts';
import { pendingHostChanges, type HostChange } from '../../shared/secret-hosts/pending.ts';
import { confirmShownHosts } from './binding.ts';

/**
 * What an import does about the hosts it moves saved secrets to: leave them for the CSM to confirm
 * in the app, refuse the import (the CLI's default), or confirm them (`--trust-new-endpoints`).
 */
export type NewHostPolicy = 'pending' | 'refuse' | 'trust';

/** An import refused because it would send saved secrets to hosts nobody confirmed. */
export class NewHostsRefused extends Error {
  readonly changes: readonly HostChange[];
  constructor(changes: readonly HostChange[]) {
    super(`The bundle moves saved secrets to ${changes.map((c) => c.requested).join(', ')}`);
    this.name = 'NewHostsRefused';
    this.changes = changes;
  }
}

const sameChange = (a: HostChange, b: HostChange): boolean =>
  a.secret === b.secret && a.requested === b.requested;

/**
 * Applies `policy` to the hosts the imported inputs send saved secrets to, and returns the changes
 * it concerns: those the import brought (`before`: those already waiting, left to the app) when
 * they wait or refuse the import; when trusted, every change waiting, since all of them now come
 * from the bundle's inputs.
 */
export function settleImportedHosts(
  draft: Client,
  before: readonly HostChange[],
  policy: NewHostPolicy,
): HostChange[] {
  const pending = pendingHostChanges(draft);
  const brought = pending.filter((c) => !before.some((b) => sameChange(b, c)));
  if (policy === 'pending') return brought;
  if (policy === 'refuse') {
    if (brought.length > 0) throw new NewHostsRefused(brought);
    return [];
  }
  confirmShownHosts(
    draft,
    pending.map(({ secret, requested }) => ({ secret, host: requested })),
  );
  return pending;
}
