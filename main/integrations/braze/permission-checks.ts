import type { CheckDefinition, CheckOutcome } from '../../checks/types.ts';
import { classifyReply } from './classify.ts';
import { brazeCheckBase, withBraze } from './context.ts';
import { permissionProbes, probeLabel, type PermissionProbe } from './permission-probes.ts';
import { replyDetails, unexpectedReply } from './reply-outcome.ts';
import type { BrazeRestClient } from './rest-client.ts';

export const permissionNoteKey = 'checks-braze:permission.listedAsNote';

/**
 * Reads one probe's reply: 403 "does not have sufficient permissions" → missing; a Braze-shaped
 * success of a GET, or a Braze-shaped 400 about the body or the unknown id (Braze checked the
 * permission first) → present; anything else → inconclusive with the status and what came back.
 */
export async function probePermission(
  rest: BrazeRestClient,
  probe: PermissionProbe,
): Promise<CheckOutcome> {
  const reply =
    probe.method === 'GET'
      ? await rest.get(probe.path, probe.query)
      : await rest.post(probe.path, probe.body?.() ?? {});
  const params = {
    permission: probe.permission,
    ...(probe.listedAs ? { listedAs: probe.listedAs } : {}),
  };
  const details = {
    permission: probe.permission,
    ...replyDetails(probeLabel(probe), reply),
    ...(probe.listedAs ? { listedAs: probe.listedAs, noteKey: permissionNoteKey } : {}),
  };
  const accepted = reply.status >= 200 && reply.status < 300 && reply.message !== null;
  if (probe.method === 'POST' && accepted) {
    // Every POST probe is built to be refused; a Braze-shaped acceptance means something may have
    // been sent or started, which the CSM must hear about rather than read as a pass. (A 2xx that
    // is not Braze's, such as a login page, is reported as such below.)
    return {
      status: 'inconclusive',
      messageKey: 'checks-braze:permission.probeAccepted',
      params: { ...params, endpoint: probeLabel(probe), status: reply.status },
      details: { ...details, probeAccepted: true },
    };
  }
  const kind = classifyReply(reply, probe.okBody);
  if (kind === 'ok' || kind === 'bad_request') {
    return { status: 'pass', messageKey: 'checks-braze:permission.present', params, details };
  }
  if (kind === 'permission_denied') {
    return { status: 'fail', messageKey: 'checks-braze:permission.missing', params, details };
  }
  const outcome = unexpectedReply(kind, reply, rest.host, probeLabel(probe));
  return { ...outcome, details: { ...details, ...(outcome.details as object) } };
}

export const permissionChecks: CheckDefinition[] = permissionProbes.map((probe) => ({
  id: probe.checkId,
  ...brazeCheckBase,
  run: (ctx) => withBraze(ctx, (rest) => probePermission(rest, probe)),
}));
