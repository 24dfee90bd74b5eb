import type { CheckResult, JsonValue } from '../../types/checks.ts';

/**
 * An s3.folder result without what versions before it stopped naming other folders kept: every
 * folder of Jacquard's shared bucket (`details.existing`, the `others` and `found` of its
 * messages), which are other clients' names. Braze's default folder is Braze's name, not a
 * client's: the one folder its message still names.
 */
export function withoutOtherFolders(result: CheckResult): CheckResult {
  const params = { ...result.params };
  delete params.others;
  const brazeDefault =
    result.messageKey.endsWith('.brazeDefault') || params.finding === 'brazeDefault';
  if (!brazeDefault) delete params.found;
  const shared: CheckResult = { ...result, params };
  if (isRecord(result.details)) {
    const details = { ...result.details };
    delete details.existing;
    shared.details = details;
  }
  return shared;
}

const isRecord = (value: JsonValue | undefined): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
