import type { MessageParams } from '../../../../../shared/types/checks.ts';
import type { CheckDefinition, CheckOutcome } from '../../../../checks/types.ts';
import { outcome } from '../../outcome.ts';
import type { JacquardS3 } from '../client.ts';
import { s3ErrorCode } from '../errors.ts';
import { listFolders } from '../listing.ts';
import { jacquardS3Check } from './jacquard-s3-check.ts';

/** Braze's folder when the field is left empty. */
const BRAZE_DEFAULT_FOLDER = 'currents';

/** Names at one level of the bucket hold no slash, so case and spaces are all a lookalike differs in. */
const fold = (name: string) => name.toLowerCase().replace(/\s+/g, '');

/** What the bucket says about the folder; `key` names a message under `s3.folder`. */
interface Finding {
  status: CheckOutcome['status'];
  key: string;
  params: MessageParams;
  existing?: string[];
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
  const existing = names.slice(0, 20);
  if (names.includes(wanted)) {
    return { status: 'pass', key: 'ok', params: { folder }, existing };
  }
  const caseOnly = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  const lookalike = caseOnly ?? names.find((n) => fold(n) === fold(wanted));
  if (lookalike !== undefined) {
    return {
      status: 'warn',
      key: caseOnly !== undefined ? 'caseMismatch' : 'spacingMismatch',
      params: { folder, found: parent + lookalike },
      existing,
    };
  }
  if (parent === '' && names.includes(BRAZE_DEFAULT_FOLDER)) {
    return {
      status: 'warn',
      key: 'brazeDefault',
      params: { folder, found: BRAZE_DEFAULT_FOLDER },
      existing,
    };
  }
  if (names.length === 0) return { status: 'warn', key: 'notYet', params: { folder }, existing };
  return {
    status: 'warn',
    key: 'notFound',
    params: { folder, others: names.slice(0, 5).join(', ') },
    existing,
  };
}

export const s3FolderCheck: CheckDefinition = jacquardS3Check({
  id: 's3.folder',
  inputs: ['jacquard.s3Folder'],
  dependsOn: ['s3.bucket'],
  async run(s3) {
    const { folder } = s3.inputs;
    const found = await findFolder(s3);
    const spaces = /\s/.test(folder);
    const details = { folder, existing: found.existing ?? [], spaces };
    if (!spaces) return outcome(found.status, `s3.folder.${found.key}`, found.params, details);
    // Spaces get lost whether or not the folder exists yet, so the warning leads every finding,
    // whose own message the `spaces` text nests.
    return outcome(
      found.status === 'pass' ? 'warn' : found.status,
      's3.folder.spaces',
      { ...found.params, finding: found.key },
      details,
    );
  },
});
