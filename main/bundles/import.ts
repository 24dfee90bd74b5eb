import { clientFromBundle } from '../../shared/bundle/convert.ts';
import { parseBundle } from '../../shared/bundle/parse.ts';
import { bundleProblemText } from '../../shared/bundle/problems.ts';
import type { Bundle } from '../../shared/bundle/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Client } from '../../shared/types/client.ts';
import type { ClientStore } from '../store/client-store.ts';
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
    const problem = bundleProblemText(parsed.problem, t);
    throw new AppError('IMPORT_INVALID', `${problem} ${t('reports:bundle.nothingImported')}`);
  }
  return parsed.bundle;
}

export function findConflict(store: ClientStore, bundle: Bundle): ImportConflict | null {
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
}

/**
 * Imports a bundle into the store, after validating all of it. Over an existing client only when
 * told to (`replace` keeps its id, creation date and keychain secrets; the rest comes from the
 * bundle), or as a new client; `ask` refuses with CONFLICT so the caller can ask the CSM.
 */
export async function importBundle(
  store: ClientStore,
  text: string,
  options: { onConflict: OnConflict; t: Translate },
): Promise<ImportOutcome> {
  const { t } = options;
  const bundle = await readBundle(text, t);
  const conflict = findConflict(store, bundle);
  if (conflict && options.onConflict === 'ask') {
    throw new AppError('CONFLICT', conflictText(conflict, t));
  }
  // Built and validated in full before the store is touched.
  const incoming = clientFromBundle(bundle, bundle.id ?? '00000000-0000-4000-8000-000000000000');
  const copyInto = (draft: Client): void => {
    draft.integrations = incoming.integrations;
    draft.inputs = incoming.inputs;
    draft.confirmations = incoming.confirmations;
    draft.checkResults = incoming.checkResults;
    draft.artifacts = incoming.artifacts;
  };
  if (conflict && options.onConflict === 'replace') {
    const client = await store.update(conflict.id, (draft) => {
      draft.name = incoming.name;
      copyInto(draft);
    });
    return { client, replaced: true };
  }
  const name =
    conflict?.match === 'name'
      ? t('reports:bundle.importedName', { name: incoming.name.slice(0, 100) })
      : incoming.name;
  const created = await store.create({ name, integrations: incoming.integrations });
  try {
    return { client: await store.update(created.id, copyInto), replaced: false };
  } catch (error) {
    await store.remove(created.id);
    throw error;
  }
}
