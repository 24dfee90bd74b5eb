import type { CheckDefinition } from '../../checks/types.ts';
import { outcome } from '../../jacquard/outcome.ts';
import { s3ErrorCode } from '../errors.ts';
import { listFolders } from '../listing.ts';
import { jacquardS3Check } from './jacquard-s3-check.ts';

/** Braze's folder when the field is left empty. */
const BRAZE_DEFAULT_FOLDER = 'currents';

const simplify = (name: string) => name.toLowerCase().replace(/[\s/]+/g, '');

export const s3FolderCheck: CheckDefinition = jacquardS3Check({
  id: 's3.folder',
  inputs: ['jacquard.s3Folder'],
  dependsOn: ['s3.bucket'],
  async run(s3) {
    const { folder } = s3.inputs;
    const hasSpaces = /\s/.test(folder);
    // A nested folder ("acme/currents") is compared among its siblings.
    const cut = folder.lastIndexOf('/') + 1;
    const parent = folder.slice(0, cut);
    let listed: { folders: string[]; complete: boolean };
    try {
      listed = await listFolders(s3, parent, { maxPages: 10 });
    } catch (error) {
      if (s3ErrorCode(error) === 'AccessDenied')
        return outcome('inconclusive', 's3.folder.cannotList', { folder });
      throw error;
    }
    const names = listed.folders.map((p) => p.slice(parent.length, -1));
    const details = { folder, existing: names.slice(0, 20), spaces: hasSpaces };
    const exact = names.includes(folder.slice(cut));
    if (exact) {
      return hasSpaces
        ? outcome('warn', 's3.folder.spaces', { folder }, details)
        : outcome('pass', 's3.folder.ok', { folder }, details);
    }
    const lookalike = names.find((n) => simplify(n) === simplify(folder.slice(cut)));
    if (lookalike !== undefined) {
      return outcome(
        'warn',
        's3.folder.caseMismatch',
        { folder, found: parent + lookalike },
        details,
      );
    }
    if (parent === '' && names.includes(BRAZE_DEFAULT_FOLDER)) {
      return outcome(
        'warn',
        's3.folder.brazeDefault',
        { folder, found: BRAZE_DEFAULT_FOLDER },
        details,
      );
    }
    if (names.length === 0) return outcome('warn', 's3.folder.notYet', { folder }, details);
    return outcome(
      'warn',
      's3.folder.notFound',
      { folder, others: names.slice(0, 5).join(', ') },
      details,
    );
  },
});
