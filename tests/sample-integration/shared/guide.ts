import type { Guide } from '../../../shared/guides/types.ts';
import { patterns } from '../../../shared/guides/patterns.ts';

/**
 * A two-step guide for a made-up partner: the shape a third integration takes. Its ids are its
 * own; the app knows nothing of it until its registration hook adds it to the registries.
 */
export const sampleGuide = {
  id: 'sample' as never,
  namespace: 'guide-sample',
  titleKey: 'title',
  summaryKey: 'summary',
  steps: [
    {
      id: 'sample.account',
      kind: 'step',
      titleKey: 'steps.account.title',
      introKey: 'steps.account.intro',
      where: { app: 'sample', pathKey: 'steps.account.where' },
      instructions: ['steps.account.do'],
      copyValues: [],
      inputs: [
        {
          id: 'sample.apiBase',
          kind: 'url',
          labelKey: 'inputs.apiBase.label',
          required: true,
          pattern: patterns.url,
          patternMessageKey: 'inputs.apiBase.invalid',
        },
        {
          id: 'sample.apiKey',
          kind: 'secret',
          secret: 'sample.apiKey' as never,
          labelKey: 'inputs.apiKey.label',
          required: true,
          minLength: 8,
        },
      ],
      confirmations: [],
      checks: ['sample.ping'],
      covers: [],
    },
    {
      id: 'sample.golive',
      kind: 'step',
      titleKey: 'steps.golive.title',
      introKey: 'steps.golive.intro',
      instructions: ['steps.golive.do'],
      copyValues: [],
      inputs: [],
      confirmations: [{ id: 'sample.golive.done', labelKey: 'steps.golive.confirm' }],
      checks: [],
      covers: [],
    },
  ],
} satisfies Guide;
