import { distance } from 'fastest-levenshtein';
import type { AppOnlyNote, MessageParams } from '../../../../../shared/types/checks.ts';
import type { CheckDefinition, CheckOutcome } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import type { JacquardS3 } from '../client.ts';
import { s3ErrorCode } from '../errors.ts';
import { listFolders } from '../listing.ts';
import { jacquardS3Check } from './jacquard-s3-check.ts';

/**
 * The bucket is Jacquard's, shared by all its customers: the folders listed beside this client's
 * are other clients'. None is ever named in the result (it goes into reports and bundles); the
 * one that looks like a slip of this client's own name is named in an app-only note.
 */

/** Braze's folder when the field is left empty. */
const BRAZE_DEFAULT_FOLDER = 'currents';

/** Names at one level of the bucket hold no slash, so case and spaces are all a lookalike differs in. */
const fold = (name: string) => name.toLowerCase().replace(/\s+/g, '');

/**
 * One slip per five characters, at least one: `hooli-mial` is close to `hooli-mail` (a swap is two
 * edits), `south wind` is not close to `north wind`, a name in its own right.
 */
const isClose = (name: string, wanted: string) =>
  distance(name, wanted) <= Math.max(1, Math.floor(wanted.length / 5));

type NearMissKind = 'caseMismatch' | 'spacingMismatch' | 'similar';

/** The one listed name most like `wanted`: same but for case, else for spaces, else the closest. */
function nearMiss(
  names: readonly string[],
  wanted: string,
): { name: string; kind: NearMissKind } | null {
  const caseOnly = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  if (caseOnly !== undefined) return { name: caseOnly, kind: 'caseMismatch' };
  const spacing = names.find((n) => fold(n) === fold(wanted));
  if (spacing !== undefined) return { name: spacing, kind: 'spacingMismatch' };
  const close = names
    .filter((n) => isClose(fold(n), fold(wanted)))
    .sort((a, b) => distance(fold(a), fold(wanted)) - distance(fold(b), fold(wanted)))[0];
  return close === undefined ? null : { name: close, kind: 'similar' };
}

/** What the bucket says about the folder; `key` names a message under `s3.folder`. */
interface Finding {
  status: CheckOutcome['status'];
  key: string;
  params: MessageParams;
  appOnlyNote?: AppOnlyNote;
}

async function findFolder(s3: JacquardS3): Promise<Finding> {
  const { folder } = s3.inputs;
  // A nested folder ("acme/currents") is compared among its siblings.
  const cut = folder.lastIndexOf('/') + 1;
  const parent = folder.slice(0, cut);
  const wanted = folder.slice(cut);
  let listed: { folders: string[]; complete: boolean };
  try {
    listed = await listFolders(s3, parent, { maxPages: 10 });
  } catch (error) {
    if (s3ErrorCode(error) === 'AccessDenied')
      return { status: 'inconclusive', key: 'cannotList', params: { folder } };
    throw error;
  }
  const names = listed.folders.map((p) => p.slice(parent.length, -1));
  if (names.includes(wanted)) return { status: 'pass', key: 'ok', params: { folder } };
  const near = nearMiss(names, wanted);
  if (near) {
    return {
      status: 'warn',
      key: near.kind,
      params: { folder },
      appOnlyNote: {
        messageKey: 'checks-jacquard:s3.folder.nearMissNote',
        params: { found: parent + near.name },
      },
    };
  }
  if (parent === '' && names.includes(BRAZE_DEFAULT_FOLDER)) {
    return {
      status: 'warn',
      key: 'brazeDefault',
      params: { folder, found: BRAZE_DEFAULT_FOLDER },
    };
  }
  if (names.length === 0) return { status: 'warn', key: 'notYet', params: { folder } };
  return { status: 'warn', key: 'notFound', params: { folder } };
}

export const s3FolderCheck: CheckDefinition = jacquardS3Check({
  id: 's3.folder',
  inputs: ['jacquard.s3Folder'],
  dependsOn: ['s3.bucket'],
  async run(s3) {
    const { folder } = s3.inputs;
    const found = await findFolder(s3);
    const spaces = /\s/.test(folder);
    const details = { folder, spaces };
    const note = found.appOnlyNote ? { appOnlyNote: found.appOnlyNote } : {};
    if (!spaces) {
      return { ...outcome(found.status, `s3.folder.${found.key}`, found.params, details), ...note };
    }
    // Spaces get lost whether or not the folder exists yet, so the warning leads every finding,
    // whose own message the `spaces` text nests.
    return {
      ...outcome(
        found.status === 'pass' ? 'warn' : found.status,
        's3.folder.spaces',
        { ...found.params, finding: found.key },
        details,
      ),
      ...note,
    };
  },
});
