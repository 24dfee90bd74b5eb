import type { CheckDefinition } from '../../../main/checks/types.ts';
import type { MainIntegration } from '../../../main/integrations/types.ts';
import type { Client } from '../../../shared/types/client.ts';

const apiBase = (client: Client): string | null => client.inputs['sample.apiBase']?.trim() || null;

/** One network check: the key is accepted by the partner's `GET /ping`. */
const pingCheck: CheckDefinition = {
  id: 'sample.ping',
  requires: { secrets: ['sample.apiKey' as never], inputs: ['sample.apiBase'], network: true },
  host: (client) => {
    const base = apiBase(client);
    return base ? new URL(base).host : null;
  },
  async run(ctx) {
    const key = (await ctx.secrets.get('sample.apiKey' as never)) ?? '';
    const reply = await ctx.http.request({
      method: 'GET',
      url: `${apiBase(ctx.client)}/ping`,
      headers: { authorization: `Bearer ${key}` },
    });
    return reply.status === 200
      ? { status: 'pass', messageKey: 'guide-sample:check.accepted' }
      : {
          status: 'fail',
          messageKey: 'guide-sample:check.refused',
          params: { status: reply.status },
        };
  },
};

export const sampleMain: MainIntegration = {
  id: 'sample' as never,
  checks: [pingCheck],
  reportSections: (client, { t }) =>
    client.integrations.includes('sample' as never)
      ? [
          {
            id: 'sample',
            heading: t('guide-sample:report.heading'),
            blocks: [{ kind: 'text', text: t('guide-sample:report.body') }],
          },
        ]
      : [],
};
