import { randomUUID } from 'node:crypto';
import { clientFromBundle } from '../../shared/bundle/convert.ts';
import { parseBundle } from '../../shared/bundle/parse.ts';
import { bundleRefusalText } from '../../shared/bundle/problems.ts';
import type { Bundle } from '../../shared/bundle/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { pendingHostChanges, type HostChange } from '../../shared/secret-hosts/pending.ts';
import type { Client } from '../../shared/types/client.ts';
import { redactInputs, type RedactInput } from '../inputs/redaction.ts';
import { settleImportedHosts, type NewHostPolicy } from '../secret-hosts/imported-hosts.ts';
import type { ClientStore, SavedClients } from '../store/client-store.ts';
import type { Translate } from '../translate.ts';

/** An existing client the bundle would land on: the one it was exported from, or one of the same name. */
export interface ImportConflict {
  id: string;
  name: string;
  match: 'id' | 'name';
}

export type OnConflict = 'ask' | 'replace' | 'new';

/** Validates everything; throws IMPORT_INVALID with one translated sentence naming the field. */
export async function readBundle(text: string, t: Translate): Promise<Bundle> {
  const parsed = await parseBundle(text, { requireChecksum: true });
  if (!parsed.ok) {
    throw new AppError('IMPORT_INVALID', bundleRefusalText(parsed.problem, t));
  }
  return parsed.bundle;
}

export function findConflict(store: SavedClients, bundle: Bundle): ImportConflict | null {
  const byId = bundle.id ? store.list().find((c) => c.id === bundle.id) : undefined;
  if (byId) return { id: byId.id, name: byId.name, match: 'id' };
  const byName = store.findByName(bundle.name);
  return byName ? { id: byName.id, name: byName.name, match: 'name' } : null;
}

export const conflictText = (conflict: ImportConflict, t: Translate): string =>
  t('reports:bundle.conflict', {
    match: t(`reports:bundle.match.${conflict.match}`),
    name: conflict.name,
  });

export interface ImportOutcome {
  client: Client;
  replaced: boolean;
  /** Saved secrets the import sent to new hosts: waiting for the CSM, or trusted as asked. */
  hostChanges: HostChange[];
}

/** Stands in for a client id in a read-only review of a bundle that does not carry one. */
const reviewId = '00000000-0000-4000-8000-000000000000';

export interface BundleReview {
  client: Client;
  exportedAt: string | null;
  conflict: (ImportConflict & { message: string }) | null;
}

/**
 * The bundle as a client to look at before importing, nothing stored. Its inputs are redacted as
 * an import would store them, so no pasted secret reaches the screen either.
 */
export async function reviewBundle(
  store: ClientStore,
  text: string,
  options: { t: Translate; redact: RedactInput },
): Promise<BundleReview> {
  const bundle = await readBundle(text, options.t);
  const conflict = findConflict(store, bundle);
  const client = clientFromBundle(bundle, bundle.id ?? reviewId);
  client.inputs = await redactInputs(conflict?.id ?? client.id, client.inputs, options.redact);
  return {
    client,
    exportedAt: bundle.exportedAt ?? null,
    conflict: conflict ? { ...conflict, message: conflictText(conflict, options.t) } : null,
  };
}

/**
 * A name no other client has, so `--client NAME` (export, check) finds exactly one: the bundle's,
 * or it with the translated "(imported)" mark, numbered when that is taken too.
 */
function freeName(store: SavedClients, name: string, t: Translate): string {
  if (!store.findByName(name)) return name;
  // Room for the mark within the 120 characters a name may have.
  const base = name.slice(0, 100);
  for (let number = 1; ; number++) {
    const candidate =
      number === 1
        ? t('reports:bundle.importedName', { name: base })
        : t('reports:bundle.importedNameNumbered', { name: base, number });
    if (!store.findByName(candidate)) return candidate;
  }
}

/**
 * Imports a bundle into the store in one save, after validating all of it. Over an existing client
 * only when told to (`replace` keeps its id, creation date and keychain secrets; the rest comes
 * from the bundle), or as a new client; `ask` refuses with CONFLICT so the caller can ask the CSM.
 * Inputs are stored as inputs:set stores them: any secret pasted into one is taken out first. A
 * replace that sends kept secrets to other hosts leaves them held back, refuses, or trusts the new
 * hosts, as `newHosts` says.
 */
export async function importBundle(
  store: ClientStore,
  text: string,
  options: { onConflict: OnConflict; t: Translate; redact: RedactInput; newHosts: NewHostPolicy },
): Promise<ImportOutcome> {
  const { t, redact } = options;
  const bundle = await readBundle(text, t);
  await store.refresh();
  const conflict = findConflict(store, bundle);
  const refuseOn = (found: ImportConflict | null): void => {
    if (found && options.onConflict === 'ask') {
      throw new AppError('CONFLICT', conflictText(found, t));
    }
  };
  refuseOn(conflict);
  // Built and validated in full before the store is touched.
  const incoming = clientFromBundle(bundle, bundle.id ?? reviewId);
  const { name, integrations, confirmations, checkResults, artifacts } = incoming;
  if (conflict && options.onConflict === 'replace') {
    const inputs = await redactInputs(conflict.id, incoming.inputs, redact);
    let hostChanges: HostChange[] = [];
    const client = await store.update(conflict.id, (draft) => {
      const waiting = pendingHostChanges(draft);
      Object.assign(draft, { name, integrations, inputs, confirmations, checkResults, artifacts });
      // The keychain secrets stay with the client: a bundle must not redirect them unasked.
      hostChanges = settleImportedHosts(draft, waiting, options.newHosts);
    });
    return { client, replaced: true, hostChanges };
  }
  const id = randomUUID();
  const inputs = await redactInputs(id, incoming.inputs, redact);
  // Another window or a CLI run may have added a client of that name meanwhile: the name is
  // chosen, and a conflict looked for again, among the clients as they are saved.
  const client = await store.create((saved) => {
    refuseOn(findConflict(saved, bundle));
    return {
      id,
      name: freeName(saved, name, t),
      integrations,
      content: { inputs, confirmations, checkResults, artifacts },
    };
  });
  // A new client has no secrets yet: those saved later go where its inputs say then.
  return { client, replaced: false, hostChanges: [] };
}
