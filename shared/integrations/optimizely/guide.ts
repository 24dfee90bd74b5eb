import { odpBrazeKeyPermissions } from '../braze/odp-permissions.ts';
import type { ChoiceInput, Guide, PlainInput, SecretInput } from '../../guides/types.ts';
import { brazeInputs, brazeInstanceInput } from '../braze/guide-inputs.ts';
import { patterns } from '../../guides/patterns.ts';

const odpRegion: ChoiceInput = {
  id: 'odp.region',
  kind: 'choice',
  labelKey: 'inputs.odpRegion.label',
  helpKey: 'inputs.odpRegion.help',
  required: true,
  default: 'auto',
  options: [
    { value: 'auto', labelKey: 'inputs.odpRegion.auto' },
    { value: 'us', labelKey: 'inputs.odpRegion.us' },
    { value: 'eu', labelKey: 'inputs.odpRegion.eu' },
    { value: 'au', labelKey: 'inputs.odpRegion.au' },
  ],
};

const odpApiBase: PlainInput = {
  id: 'odp.apiBase',
  kind: 'url',
  labelKey: 'inputs.odpApiBase.label',
  helpKey: 'inputs.odpApiBase.help',
  // Advanced override; the region decides the host otherwise.
  required: false,
  pattern: patterns.baseUrl,
  patternMessageKey: 'inputs.odpApiBase.invalid',
  maxLength: 200,
};

const odpApiKey: SecretInput = {
  id: 'odp.apiKey',
  kind: 'secret',
  secret: 'odp.apiKey',
  labelKey: 'inputs.odpApiKey.label',
  helpKey: 'inputs.odpApiKey.help',
  required: true,
  // A private key is `<tracker id>.<secret>`; its exact length is not documented.
  minLength: 12,
};

const odpCurrentsUrl: PlainInput = {
  id: 'odp.currentsUrl',
  kind: 'url',
  labelKey: 'inputs.odpCurrentsUrl.label',
  helpKey: 'inputs.odpCurrentsUrl.help',
  required: true,
  pattern: patterns.url,
  patternMessageKey: 'inputs.odpCurrentsUrl.invalid',
  maxLength: 500,
};

const odpCurrentsToken: SecretInput = {
  id: 'odp.currentsToken',
  kind: 'secret',
  secret: 'odp.currentsToken',
  labelKey: 'inputs.odpCurrentsToken.label',
  helpKey: 'inputs.odpCurrentsToken.help',
  required: true,
  // The token's format is only shown in ODP; this only catches an obviously cut paste.
  minLength: 8,
};

export const optimizelyGuide: Guide = {
  id: 'optimizely',
  namespace: 'guide-optimizely',
  titleKey: 'title',
  summaryKey: 'summary',
  steps: [
    {
      id: 'optimizely.prerequisites',
      kind: 'prerequisites',
      titleKey: 'steps.prerequisites.title',
      introKey: 'steps.prerequisites.intro',
      where: { app: 'braze', englishMenus: true, pathKey: 'steps.prerequisites.where' },
      instructions: [
        'steps.prerequisites.do.account',
        'steps.prerequisites.do.apiKey',
        'steps.prerequisites.do.currents',
        'steps.prerequisites.do.odpCredentials',
      ],
      warningKey: 'steps.prerequisites.warning',
      copyValues: odpBrazeKeyPermissions.map((permission) => ({
        id: `optimizely.prerequisites.permission.${permission}`,
        labelKey: 'steps.prerequisites.copy.permission',
        value: { literal: permission },
      })),
      inputs: [...brazeInputs, odpRegion, odpApiBase, odpApiKey, odpCurrentsUrl, odpCurrentsToken],
      confirmations: [
        { id: 'optimizely.prerequisites.account', labelKey: 'steps.prerequisites.confirm.account' },
        {
          id: 'optimizely.prerequisites.currentsEnabled',
          labelKey: 'steps.prerequisites.confirm.currentsEnabled',
        },
      ],
      checks: [
        'braze.api_key',
        ...odpBrazeKeyPermissions.map((permission) => `braze.permission.${permission}`),
        'odp.braze_key',
        'odp.api_key',
      ],
      covers: [
        'optimizely#prerequisites.odp-account',
        'optimizely#prerequisites.rest-key',
        'optimizely#prerequisites.rest-key.users-track',
        'optimizely#prerequisites.rest-key.users-export-segment',
        'optimizely#prerequisites.rest-key.segments-list',
        'optimizely#prerequisites.rest-key.campaigns-trigger-send',
        'optimizely#prerequisites.rest-key.canvas-trigger-send',
        'optimizely#prerequisites.currents',
        'optimizely#prerequisites.odp-url-token',
      ],
    },
    {
      id: 'optimizely.install',
      kind: 'step',
      titleKey: 'steps.install.title',
      introKey: 'steps.install.intro',
      where: { app: 'odp', englishMenus: true, pathKey: 'steps.install.where' },
      instructions: [
        'steps.install.do.appDirectory',
        'steps.install.do.authorization',
        'steps.install.do.apiKey',
        'steps.install.do.instance',
        'steps.install.do.verify',
      ],
      copyValues: [
        {
          id: 'optimizely.install.instance',
          labelKey: 'steps.install.copy.instance',
          value: { fromInput: brazeInstanceInput.id },
        },
      ],
      inputs: [],
      confirmations: [
        { id: 'optimizely.install.installed', labelKey: 'steps.install.confirm.installed' },
        { id: 'optimizely.install.verified', labelKey: 'steps.install.confirm.verified' },
      ],
      checks: [],
      covers: [
        'optimizely#step1.1',
        'optimizely#step1.2.rest-key',
        'optimizely#step1.2.instance-url',
        'optimizely#step1.2.verify',
      ],
    },
    {
      id: 'optimizely.currents',
      kind: 'step',
      titleKey: 'steps.currents.title',
      introKey: 'steps.currents.intro',
      where: { app: 'braze', englishMenus: true, pathKey: 'steps.currents.where' },
      instructions: [
        'steps.currents.do.open',
        'steps.currents.do.create',
        'steps.currents.do.endpoint',
        'steps.currents.do.launch',
      ],
      copyValues: [
        {
          id: 'optimizely.currents.name',
          labelKey: 'steps.currents.copy.name',
          value: { literal: 'Optimizely Data Platform' },
        },
        {
          id: 'optimizely.currents.endpoint',
          labelKey: 'steps.currents.copy.endpoint',
          value: { fromInput: odpCurrentsUrl.id },
        },
      ],
      inputs: [],
      confirmations: [
        { id: 'optimizely.currents.launched', labelKey: 'steps.currents.confirm.launched' },
      ],
      checks: ['odp.currents_endpoint'],
      covers: ['optimizely#step1.3', 'optimizely#step1.4', 'optimizely#step1.5'],
    },
    {
      id: 'optimizely.segments',
      kind: 'step',
      titleKey: 'steps.segments.title',
      introKey: 'steps.segments.intro',
      where: { app: 'odp', englishMenus: true, pathKey: 'steps.segments.where' },
      instructions: [
        'steps.segments.do.expand',
        'steps.segments.do.choose',
        'steps.segments.do.extraMappings',
        'steps.segments.do.save',
      ],
      warningKey: 'steps.segments.warning',
      copyValues: [],
      inputs: [],
      confirmations: [
        { id: 'optimizely.segments.selected', labelKey: 'steps.segments.confirm.selected' },
        { id: 'optimizely.segments.saved', labelKey: 'steps.segments.confirm.saved' },
      ],
      checks: ['braze.segments', 'odp.segments'],
      covers: [
        'optimizely#step1.6.segments-to-sync',
        'optimizely#step1.6.import-all-customers',
        'optimizely#step1.7',
        'optimizely#step1.8',
        'optimizely#step1.tip.no-segment-no-profiles',
      ],
    },
    {
      id: 'optimizely.mappings',
      kind: 'step',
      titleKey: 'steps.mappings.title',
      introKey: 'steps.mappings.intro',
      where: { app: 'odp', englishMenus: true, pathKey: 'steps.mappings.where' },
      instructions: [
        'steps.mappings.do.default',
        'steps.mappings.do.addBrazeField',
        'steps.mappings.do.addOdpField',
        'steps.mappings.do.addSave',
        'steps.mappings.do.deleteSelect',
        'steps.mappings.do.deleteConfirm',
      ],
      copyValues: [],
      inputs: [],
      confirmations: [
        { id: 'optimizely.mappings.reviewed', labelKey: 'steps.mappings.confirm.reviewed' },
      ],
      checks: ['odp.fields', 'odp.mappings'],
      covers: [
        'optimizely#step2.default-email',
        'optimizely#step2.add.1',
        'optimizely#step2.add.2',
        'optimizely#step2.add.3',
        'optimizely#step2.delete.1',
        'optimizely#step2.delete.2',
      ],
    },
    {
      id: 'optimizely.activation',
      kind: 'step',
      titleKey: 'steps.activation.title',
      introKey: 'steps.activation.intro',
      where: { app: 'odp', englishMenus: true, pathKey: 'steps.activation.where' },
      instructions: [
        'steps.activation.do.create',
        'steps.activation.do.behavioral',
        'steps.activation.do.name',
        'steps.activation.do.enrollSegment',
        'steps.activation.do.enrollEvent',
        'steps.activation.do.touchpoint',
        'steps.activation.do.targeting',
        'steps.activation.do.addUsersTo',
        'steps.activation.do.extraFields',
        'steps.activation.do.save',
      ],
      copyValues: [
        {
          id: 'optimizely.activation.name',
          labelKey: 'steps.activation.copy.name',
          value: { literal: 'Braze Data Sync' },
        },
        {
          id: 'optimizely.activation.fieldValue',
          labelKey: 'steps.activation.copy.fieldValue',
          value: { literal: '{{customer.company_name}}' },
        },
      ],
      inputs: [],
      confirmations: [
        { id: 'optimizely.activation.configured', labelKey: 'steps.activation.confirm.configured' },
      ],
      checks: ['odp.activation'],
      covers: [
        'optimizely#step3.1',
        'optimizely#step3.2',
        'optimizely#step3.3',
        'optimizely#step3.4.segment',
        'optimizely#step3.4.event',
        'optimizely#step3.5',
        'optimizely#step3.6',
        'optimizely#step3.7.campaign',
        'optimizely#step3.7.canvas',
        'optimizely#step3.7.profile-update-only',
        'optimizely#step3.8.field',
        'optimizely#step3.8.field-value',
        'optimizely#step3.9',
      ],
    },
    {
      id: 'optimizely.schedule',
      kind: 'step',
      titleKey: 'steps.schedule.title',
      introKey: 'steps.schedule.intro',
      where: { app: 'odp', englishMenus: true, pathKey: 'steps.schedule.where' },
      instructions: [
        'steps.schedule.do.open',
        'steps.schedule.do.recurring',
        'steps.schedule.do.start',
        'steps.schedule.do.end',
        'steps.schedule.do.repeat',
        'steps.schedule.do.timing',
        'steps.schedule.do.goLive',
      ],
      warningKey: 'steps.schedule.warning',
      copyValues: [],
      inputs: [],
      confirmations: [{ id: 'optimizely.schedule.live', labelKey: 'steps.schedule.confirm.live' }],
      // The schedule is part of the activation plan: re-checked here, where the CSM edits it.
      checks: ['odp.activation'],
      covers: [
        'optimizely#step3.10',
        'optimizely#step3.11.recurring',
        'optimizely#step3.11.start-date',
        'optimizely#step3.11.end',
        'optimizely#step3.11.repeats',
        'optimizely#step3.11.repeat-every',
        'optimizely#step3.11.timing',
        'optimizely#step3.11.time-zone',
        'optimizely#step3.12',
      ],
    },
    {
      id: 'optimizely.troubleshooting',
      kind: 'troubleshooting',
      titleKey: 'steps.troubleshooting.title',
      introKey: 'steps.troubleshooting.intro',
      where: { app: 'odp', englishMenus: true, pathKey: 'steps.troubleshooting.where' },
      instructions: [
        'steps.troubleshooting.do.inspectorOpen',
        'steps.troubleshooting.do.inspectorStart',
        'steps.troubleshooting.do.inspectorRefresh',
        'steps.troubleshooting.do.inspectorDetails',
        'steps.troubleshooting.do.inspectorPrefix',
        'steps.troubleshooting.do.logOpen',
        'steps.troubleshooting.do.logFilter',
        'steps.troubleshooting.do.logDetails',
      ],
      copyValues: [
        {
          id: 'optimizely.troubleshooting.prefix',
          labelKey: 'steps.troubleshooting.copy.prefix',
          value: { literal: '_braze' },
        },
      ],
      inputs: [],
      confirmations: [
        {
          id: 'optimizely.troubleshooting.inspected',
          labelKey: 'steps.troubleshooting.confirm.inspected',
        },
        {
          id: 'optimizely.troubleshooting.logChecked',
          labelKey: 'steps.troubleshooting.confirm.logChecked',
        },
      ],
      checks: [],
      covers: [
        'optimizely#troubleshooting.event-inspector.1',
        'optimizely#troubleshooting.event-inspector.2',
        'optimizely#troubleshooting.event-inspector.3',
        'optimizely#troubleshooting.event-inspector.4',
        'optimizely#troubleshooting.event-inspector.5',
        'optimizely#troubleshooting.activity-log.1',
        'optimizely#troubleshooting.activity-log.2',
        'optimizely#troubleshooting.activity-log.3',
      ],
    },
  ],
};
