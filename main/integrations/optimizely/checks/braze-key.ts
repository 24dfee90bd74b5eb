import { odpBrazeKeyPermissions } from '../../../../shared/integrations/braze/odp-permissions.ts';
import type { CheckDefinition } from '../../../checks/types.ts';
import { reasonNotReached, skipped } from '../../../checks/outcomes.ts';
import { ns } from './shared.ts';

const checkId = (permission: string) => `braze.permission.${permission}`;

/**
 * Reuses the Braze permission matrix rather than probing again: ODP's own "Verify API Key" says
 * only yes or no, this says which permission is missing.
 */
export const brazeKeyCheck: CheckDefinition = {
  id: 'odp.braze_key',
  // No request of its own, but its verdict is what the probes found: offline it has nothing to say.
  requires: { secrets: ['braze.apiKey'], network: true },
  dependsOn: odpBrazeKeyPermissions.map(checkId),
  anyDependencyVerdict: true,
  run(ctx) {
    // Probes that never reached Braze (no network, a cancel) leave nothing to judge: the last
    // verdict stays, as theirs do.
    const probes = odpBrazeKeyPermissions.map((p) => ctx.dependencies.get(checkId(p)));
    const unreached = probes.map((r) => (r ? reasonNotReached(r.messageKey) : 'not-run'));
    if (unreached.every((reason) => reason === 'offline'))
      return Promise.resolve(skipped('offline'));
    if (unreached.every((reason) => reason === 'offline' || reason === 'cancelled')) {
      return Promise.resolve(skipped('cancelled'));
    }
    const matrix = odpBrazeKeyPermissions.map((permission) => {
      const result = ctx.dependencies.get(checkId(permission));
      return {
        permission,
        status: result?.status ?? 'skipped',
        // The partner page's plural spelling matches no Braze permission.
        ...(permission === 'users.export.segment' ? { seedSpelling: 'users.export.segments' } : {}),
      };
    });
    const missing = matrix.filter((m) => m.status === 'fail').map((m) => m.permission);
    const unknown = matrix
      .filter((m) => m.status !== 'fail' && m.status !== 'pass')
      .map((m) => m.permission);
    const details = { matrix, note: `${ns}:brazeKey.spellingNote` };
    if (missing.length > 0) {
      return Promise.resolve({
        status: 'fail',
        messageKey: `${ns}:brazeKey.missing`,
        params: { permissions: missing.join(', '), count: missing.length },
        details,
      });
    }
    if (unknown.length > 0) {
      return Promise.resolve({
        status: 'inconclusive',
        messageKey: `${ns}:brazeKey.unknown`,
        params: { permissions: unknown.join(', '), count: unknown.length },
        details,
      });
    }
    return Promise.resolve({
      status: 'pass',
      messageKey: `${ns}:brazeKey.pass`,
      params: {},
      details,
    });
  },
};
