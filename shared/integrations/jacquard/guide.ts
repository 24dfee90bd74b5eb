import type { Guide, PlainInput, SecretInput } from '../../guides/types.ts';
import { brazeInputs } from '../braze/guide-inputs.ts';
import { patterns } from '../../guides/patterns.ts';

/** The bucket Jacquard provisions for every client (the Braze partner page names it). */
export const JACQUARD_BUCKET = 'phrasee-braze-currents-exports';

const connectToken: SecretInput = {
  id: 'jacquard.connectToken',
  kind: 'secret',
  secret: 'jacquard.connectToken',
  labelKey: 'inputs.connectToken.label',
  helpKey: 'inputs.connectToken.help',
  required: true,
  minLength: 16,
};

const currentName: PlainInput = {
  id: 'jacquard.currentName',
  kind: 'text',
  labelKey: 'inputs.currentName.label',
  helpKey: 'inputs.currentName.help',
  required: true,
  default: 'Jacquard click tracking',
  pattern: patterns.name,
  patternMessageKey: 'inputs.currentName.invalid',
  maxLength: 100,
};

const contactEmail: PlainInput = {
  id: 'jacquard.contactEmail',
  kind: 'email',
  labelKey: 'inputs.contactEmail.label',
  helpKey: 'inputs.contactEmail.help',
  required: true,
  placeholder: 'csm@example.com',
  pattern: patterns.email,
  patternMessageKey: 'inputs.contactEmail.invalid',
  maxLength: 254,
};

const awsAccessKeyId: SecretInput = {
  id: 'jacquard.awsAccessKeyId',
  kind: 'secret',
  secret: 'jacquard.awsAccessKeyId',
  labelKey: 'inputs.awsAccessKeyId.label',
  helpKey: 'inputs.awsAccessKeyId.help',
  required: true,
  // AWS access key ids are at least 16 characters.
  minLength: 16,
};

const awsSecretAccessKey: SecretInput = {
  id: 'jacquard.awsSecretAccessKey',
  kind: 'secret',
  secret: 'jacquard.awsSecretAccessKey',
  labelKey: 'inputs.awsSecretAccessKey.label',
  helpKey: 'inputs.awsSecretAccessKey.help',
  required: true,
  minLength: 16,
};

const s3Bucket: PlainInput = {
  id: 'jacquard.s3Bucket',
  kind: 'text',
  labelKey: 'inputs.s3Bucket.label',
  helpKey: 'inputs.s3Bucket.help',
  required: true,
  default: JACQUARD_BUCKET,
  pattern: patterns.s3Bucket,
  patternMessageKey: 'inputs.s3Bucket.invalid',
  maxLength: 63,
};

const s3Folder: PlainInput = {
  id: 'jacquard.s3Folder',
  kind: 'text',
  labelKey: 'inputs.s3Folder.label',
  helpKey: 'inputs.s3Folder.help',
  required: true,
  placeholder: 'acme-retail',
  pattern: patterns.s3Folder,
  patternMessageKey: 'inputs.s3Folder.invalid',
  maxLength: 200,
};

const s3Endpoint: PlainInput = {
  id: 'jacquard.s3Endpoint',
  kind: 'url',
  labelKey: 'inputs.s3Endpoint.label',
  helpKey: 'inputs.s3Endpoint.help',
  // Advanced: only for a local S3-compatible service; AWS is used when empty.
  required: false,
  pattern: patterns.baseUrl,
  patternMessageKey: 'inputs.s3Endpoint.invalid',
  maxLength: 200,
};

const snippets: PlainInput = {
  id: 'jacquard.snippets',
  kind: 'multiline',
  labelKey: 'inputs.snippets.label',
  helpKey: 'inputs.snippets.help',
  required: true,
  maxLength: 100_000,
};

export const jacquardGuide: Guide = {
  id: 'jacquard',
  namespace: 'guide-jacquard',
  titleKey: 'title',
  summaryKey: 'summary',
  steps: [
    {
      id: 'jacquard.prerequisites',
      kind: 'prerequisites',
      titleKey: 'steps.prerequisites.title',
      introKey: 'steps.prerequisites.intro',
      where: { app: 'braze', englishMenus: true, pathKey: 'steps.prerequisites.where' },
      instructions: [
        'steps.prerequisites.do.account',
        'steps.prerequisites.do.token',
        'steps.prerequisites.do.currents',
        'steps.prerequisites.do.apiKey',
      ],
      copyValues: [],
      inputs: [...brazeInputs, connectToken],
      confirmations: [
        { id: 'jacquard.prerequisites.account', labelKey: 'steps.prerequisites.confirm.account' },
        {
          id: 'jacquard.prerequisites.currentsEnabled',
          labelKey: 'steps.prerequisites.confirm.currentsEnabled',
        },
      ],
      checks: ['braze.api_key', 'jacquard.token'],
      covers: [
        'jacquard#prerequisites.account',
        'jacquard#prerequisites.connect-token',
        'jacquard#prerequisites.currents',
      ],
    },
    {
      id: 'jacquard.credentials',
      kind: 'step',
      titleKey: 'steps.credentials.title',
      introKey: 'steps.credentials.intro',
      where: { app: 'email', pathKey: 'steps.credentials.where' },
      instructions: [
        'steps.credentials.do.ask',
        'steps.credentials.do.receive',
        'steps.credentials.do.store',
      ],
      copyValues: [],
      inputs: [],
      confirmations: [
        { id: 'jacquard.credentials.requested', labelKey: 'steps.credentials.confirm.requested' },
        { id: 'jacquard.credentials.received', labelKey: 'steps.credentials.confirm.received' },
      ],
      checks: [],
      covers: ['jacquard#step1.request', 'jacquard#step1.bucket-provisioned'],
    },
    {
      id: 'jacquard.current',
      kind: 'step',
      titleKey: 'steps.current.title',
      introKey: 'steps.current.intro',
      where: { app: 'braze', englishMenus: true, pathKey: 'steps.current.where' },
      instructions: [
        'steps.current.do.open',
        'steps.current.do.nameAndEmail',
        'steps.current.do.credentials',
        'steps.current.do.bucket',
        'steps.current.do.folder',
        'steps.current.do.anonymous',
        'steps.current.do.emailClick',
        'steps.current.do.launch',
      ],
      copyValues: [
        {
          id: 'jacquard.current.name',
          labelKey: 'steps.current.copy.name',
          value: { fromInput: currentName.id, fallback: currentName.default },
        },
        {
          id: 'jacquard.current.email',
          labelKey: 'steps.current.copy.email',
          value: { fromInput: 'jacquard.contactEmail' },
        },
        {
          id: 'jacquard.current.bucket',
          labelKey: 'steps.current.copy.bucket',
          // The override exists for local test services; real clients keep Jacquard's bucket.
          value: { fromInput: 'jacquard.s3Bucket', fallback: JACQUARD_BUCKET },
        },
        {
          id: 'jacquard.current.folder',
          labelKey: 'steps.current.copy.folder',
          value: { fromInput: 'jacquard.s3Folder' },
        },
      ],
      inputs: [
        currentName,
        contactEmail,
        awsAccessKeyId,
        awsSecretAccessKey,
        s3Bucket,
        s3Folder,
        s3Endpoint,
      ],
      confirmations: [
        {
          id: 'jacquard.current.anonymousTicked',
          labelKey: 'steps.current.confirm.anonymousTicked',
        },
        {
          id: 'jacquard.current.emailClickTicked',
          labelKey: 'steps.current.confirm.emailClickTicked',
        },
        { id: 'jacquard.current.launched', labelKey: 'steps.current.confirm.launched' },
      ],
      checks: [
        's3.credentials',
        's3.bucket',
        's3.permissions',
        's3.folder',
        'currents.delivery',
        'currents.event_types',
        'currents.anonymous',
      ],
      covers: [
        'jacquard#step2.1',
        'jacquard#step2.2.name',
        'jacquard#step2.2.email',
        'jacquard#step2.3.access-key-id',
        'jacquard#step2.3.secret-access-key',
        'jacquard#step2.3.bucket',
        'jacquard#step2.4.folder',
        'jacquard#step2.5.anonymous-users',
        'jacquard#step2.5.email-click',
        'jacquard#step2.6',
      ],
    },
    {
      id: 'jacquard.pii',
      kind: 'step',
      titleKey: 'steps.pii.title',
      introKey: 'steps.pii.intro',
      where: { app: 'email', pathKey: 'steps.pii.where' },
      instructions: ['steps.pii.do.contact', 'steps.pii.do.scope', 'steps.pii.do.wait'],
      warningKey: 'steps.pii.warning',
      copyValues: [],
      inputs: [],
      confirmations: [
        { id: 'jacquard.pii.requested', labelKey: 'steps.pii.confirm.requested' },
        { id: 'jacquard.pii.confirmed', labelKey: 'steps.pii.confirm.confirmed' },
      ],
      checks: ['currents.pii'],
      covers: ['jacquard#step3.request', 'jacquard#step3.default-pii-attributes'],
    },
    {
      id: 'jacquard.connectedContent',
      kind: 'step',
      titleKey: 'steps.connectedContent.title',
      introKey: 'steps.connectedContent.intro',
      where: { app: 'jacquard', pathKey: 'steps.connectedContent.where' },
      instructions: [
        'steps.connectedContent.do.ask',
        'steps.connectedContent.do.paste',
        'steps.connectedContent.do.place',
        'steps.connectedContent.do.test',
      ],
      copyValues: [],
      inputs: [snippets],
      confirmations: [
        {
          id: 'jacquard.connectedContent.received',
          labelKey: 'steps.connectedContent.confirm.received',
        },
        {
          id: 'jacquard.connectedContent.placed',
          labelKey: 'steps.connectedContent.confirm.placed',
        },
      ],
      checks: ['jacquard.snippets'],
      covers: ['jacquard#step4.request', 'jacquard#step4.connected-content'],
    },
  ],
};
