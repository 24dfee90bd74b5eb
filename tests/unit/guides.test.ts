import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allConfirmations,
  allInputs,
  allSteps,
  checkIdsFor,
  confirmationById,
  guideFor,
  guideOfStep,
  guides,
  inputById,
  stepById,
  type Guide,
  type InputDef,
  type Step,
} from '../../shared/guides/index.ts';
import { brazeInstances } from '../../shared/integrations/braze/instances.ts';
import {
  brazeApiKeyInput,
  brazeInstanceInput,
  brazeRestEndpointInput,
} from '../../shared/integrations/braze/guide-inputs.ts';
import { namespaces } from '../../shared/i18n/namespaces.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { ItemIdSchema, languages } from '../../shared/types/ids.ts';
import { integrationIds, secretNames } from '../../shared/integrations/lists.ts';
import { documentedBrazeInstanceIds } from '../support/braze-reference.ts';
import { flattenLocale, type LocaleTree } from '../support/locale-tree.ts';

/**
 * Every step and sub-step of Braze's partner pages (shared/seeds/jacquard.*.md, optimizely.fr.md),
 * written out so a reviewer can hold it against the pages. Each must be covered by a guide step.
 */
const seedChecklist = [
  // Jacquard: prerequisites table
  'jacquard#prerequisites.account',
  'jacquard#prerequisites.connect-token',
  'jacquard#prerequisites.currents',
  // Step 1: ask the Jacquard CSM for the dedicated bucket and its credentials
  'jacquard#step1.request',
  'jacquard#step1.bucket-provisioned',
  // Step 2: create the Current
  'jacquard#step2.1', // Currents > Create New Current > Amazon S3 Data Export
  'jacquard#step2.2.name',
  'jacquard#step2.2.email',
  'jacquard#step2.3.access-key-id',
  'jacquard#step2.3.secret-access-key',
  'jacquard#step2.3.bucket', // phrasee-braze-currents-exports
  'jacquard#step2.4.folder', // from the Jacquard CSM, likely the company name
  'jacquard#step2.5.anonymous-users', // General Settings
  'jacquard#step2.5.email-click', // Manage Engagement Events
  'jacquard#step2.6', // Launch Current
  // Step 3: PII removal request to the Braze account team
  'jacquard#step3.request',
  'jacquard#step3.default-pii-attributes',
  // Step 4: Jacquard X Connected Content snippets (language + tracking pixel)
  'jacquard#step4.request',
  'jacquard#step4.connected-content',

  // Optimizely: prerequisites table
  'optimizely#prerequisites.odp-account',
  'optimizely#prerequisites.rest-key',
  'optimizely#prerequisites.rest-key.users-track',
  'optimizely#prerequisites.rest-key.users-export-segment',
  'optimizely#prerequisites.rest-key.segments-list',
  'optimizely#prerequisites.rest-key.campaigns-trigger-send',
  'optimizely#prerequisites.rest-key.canvas-trigger-send',
  'optimizely#prerequisites.currents',
  'optimizely#prerequisites.odp-url-token',
  // Step 1: set up the integration
  'optimizely#step1.1', // App Directory > Braze > Install App
  'optimizely#step1.2.rest-key', // Settings > Authorization
  'optimizely#step1.2.instance-url',
  'optimizely#step1.2.verify',
  'optimizely#step1.3', // Braze > Currents
  'optimizely#step1.4', // Create New Current > Custom Currents Export
  'optimizely#step1.5', // endpoint + token from ODP
  'optimizely#step1.6.segments-to-sync',
  'optimizely#step1.6.import-all-customers',
  'optimizely#step1.7', // additional field mappings
  'optimizely#step1.8', // Save
  'optimizely#step1.tip.no-segment-no-profiles',
  // Step 2: field mappings
  'optimizely#step2.default-email', // Email → Last Seen Email
  'optimizely#step2.add.1', // Braze User Data Fields
  'optimizely#step2.add.2', // ODP Customer Fields
  'optimizely#step2.add.3', // Save Field Map
  'optimizely#step2.delete.1', // Field Map
  'optimizely#step2.delete.2', // Delete Field Map
  // Step 3: ODP → Braze activation
  'optimizely#step3.1', // Activation > Engage > Create New Campaign
  'optimizely#step3.2', // Behavioral
  'optimizely#step3.3', // Create From Scratch, name (e.g. Braze Data Sync)
  'optimizely#step3.4.segment', // enrollment by segment
  'optimizely#step3.4.event', // enrollment by event: Filter + Automation Rules
  'optimizely#step3.5', // Touchpoints > Touchpoint 1 > Braze
  'optimizely#step3.6', // Targeting > Target Identifier
  'optimizely#step3.7.campaign', // Configure > Add Users To
  'optimizely#step3.7.canvas',
  'optimizely#step3.7.profile-update-only',
  'optimizely#step3.8.field', // up to 20: Field # = Braze field
  'optimizely#step3.8.field-value', // Field # Value, e.g. {{customer.company_name}}
  'optimizely#step3.9', // Save, back through the breadcrumb
  'optimizely#step3.10', // start time and schedule (segment enrollment only)
  'optimizely#step3.11.recurring',
  'optimizely#step3.11.start-date',
  'optimizely#step3.11.end', // Never by default
  'optimizely#step3.11.repeats', // Daily
  'optimizely#step3.11.repeat-every', // 1 day
  'optimizely#step3.11.timing',
  'optimizely#step3.11.time-zone',
  'optimizely#step3.12', // Apply, Save, Go Live
  // Troubleshooting
  'optimizely#troubleshooting.event-inspector.1', // Account Settings > Event Inspector
  'optimizely#troubleshooting.event-inspector.2', // Start Inspector
  'optimizely#troubleshooting.event-inspector.3', // count next to Refresh
  'optimizely#troubleshooting.event-inspector.4', // View Details
  'optimizely#troubleshooting.event-inspector.5', // fields start with _braze
  'optimizely#troubleshooting.activity-log.1', // Account Settings > Activity Log
  'optimizely#troubleshooting.activity-log.2', // filter by Braze
  'optimizely#troubleshooting.activity-log.3', // View Details, number of matches
];

/** The check ids the team brief fixes; domains implement them, guides reference them. */
const briefCheckIds = [
  'braze.api_key',
  'braze.permission.users.track',
  'braze.permission.users.export.segment',
  'braze.permission.segments.list',
  'braze.permission.campaigns.trigger.send',
  'braze.permission.canvas.trigger.send',
  'braze.segments',
  's3.credentials',
  's3.bucket',
  's3.permissions',
  's3.folder',
  'currents.delivery',
  'currents.event_types',
  'currents.pii',
  'currents.anonymous',
  'jacquard.token',
  'jacquard.snippets',
  'odp.api_key',
  'odp.fields',
  'odp.currents_endpoint',
  'odp.braze_key',
  'odp.segments',
  'odp.mappings',
  'odp.activation',
];

/** Non-secret input ids the team brief fixes (stored in `client.inputs[id]`). */
const briefInputIds = [
  'braze.instance',
  'braze.restEndpoint',
  'jacquard.currentName',
  'jacquard.contactEmail',
  'jacquard.s3Bucket',
  'jacquard.s3Folder',
  'jacquard.s3Endpoint',
  'jacquard.snippets',
  'odp.region',
  'odp.apiBase',
  'odp.currentsUrl',
];

const guideList = Object.values(guides);

function step(id: string): Step {
  const found = stepById(id);
  assert.ok(found, `step ${id} exists`);
  return found;
}

function input(id: string): InputDef {
  const found = inputById(id);
  assert.ok(found, `input ${id} exists`);
  return found;
}

function matches(inputId: string, value: string): boolean {
  const def = input(inputId);
  assert.ok(
    def.kind !== 'choice' && def.kind !== 'secret' && def.pattern,
    `${inputId} has a pattern`,
  );
  return new RegExp(def.pattern).test(value);
}

/** Every i18n key a guide names, with where it is named (for readable failures). */
function keysNamedBy(guide: Guide): Map<string, string> {
  const keys = new Map<string, string>([
    [guide.titleKey, 'guide title'],
    [guide.summaryKey, 'guide summary'],
  ]);
  for (const s of guide.steps) {
    const add = (key: string | undefined, what: string) => key && keys.set(key, `${s.id} ${what}`);
    add(s.titleKey, 'title');
    add(s.introKey, 'intro');
    add(s.where?.pathKey, 'where');
    add(s.warningKey, 'warning');
    s.instructions.forEach((key, i) => add(key, `instruction ${i + 1}`));
    for (const c of s.copyValues) add(c.labelKey, `copy value ${c.id}`);
    for (const c of s.confirmations) add(c.labelKey, `confirmation ${c.id}`);
    for (const i of s.inputs) {
      add(i.labelKey, `input ${i.id} label`);
      add(i.helpKey, `input ${i.id} help`);
      if (i.kind === 'choice') for (const o of i.options) add(o.labelKey, `option ${o.value}`);
      else if (i.kind !== 'secret') add(i.patternMessageKey, `input ${i.id} pattern message`);
    }
  }
  return keys;
}

describe('guides cover the partner pages', () => {
  const covered = allSteps().flatMap((s) => s.covers);

  it('covers every step and sub-step of both seed pages', () => {
    assert.deepEqual(
      seedChecklist.filter((item) => !covered.includes(item)),
      [],
    );
  });

  it('covers nothing that is not on the checklist', () => {
    assert.deepEqual(
      covered.filter((item) => !seedChecklist.includes(item)),
      [],
    );
  });

  it('keeps each guide to its own seed page', () => {
    for (const guide of guideList) {
      for (const s of guide.steps) {
        for (const item of s.covers) assert.ok(item.startsWith(`${guide.id}#`), `${s.id}: ${item}`);
      }
    }
  });

  it('has the step order of the pages', () => {
    assert.deepEqual(
      guideFor('jacquard').steps.map((s) => s.id),
      [
        'jacquard.prerequisites',
        'jacquard.credentials',
        'jacquard.current',
        'jacquard.pii',
        'jacquard.connectedContent',
      ],
    );
    assert.deepEqual(
      guideFor('optimizely').steps.map((s) => s.id),
      [
        'optimizely.prerequisites',
        'optimizely.install',
        'optimizely.currents',
        'optimizely.segments',
        'optimizely.mappings',
        'optimizely.activation',
        'optimizely.schedule',
        'optimizely.troubleshooting',
      ],
    );
    for (const guide of guideList) {
      assert.equal(guide.steps[0]?.kind, 'prerequisites', guide.id);
    }
  });
});

describe('guide ids', () => {
  it('has one guide per integration, under its own id', () => {
    assert.deepEqual(Object.keys(guides).sort(), [...integrationIds].sort());
    for (const id of integrationIds) assert.equal(guideFor(id).id, id);
  });

  it('uses valid, unique ids for steps, confirmations and copy values, scoped by owner', () => {
    const seen = new Set<string>();
    const claim = (id: string) => {
      assert.ok(ItemIdSchema.safeParse(id).success, `${id} is a valid item id`);
      assert.ok(!seen.has(id), `${id} is unique`);
      seen.add(id);
    };
    for (const guide of guideList) {
      for (const s of guide.steps) {
        claim(s.id);
        assert.ok(s.id.startsWith(`${guide.id}.`), `${s.id} starts with its guide id`);
        for (const c of [...s.confirmations, ...s.copyValues]) {
          claim(c.id);
          assert.ok(c.id.startsWith(`${s.id}.`), `${c.id} starts with its step id`);
        }
      }
    }
  });

  it('gives each input one definition, one step per guide, and ids distinct from other items', () => {
    const otherIds = new Set(
      allSteps().flatMap((s) => [
        s.id,
        ...s.confirmations.map((c) => c.id),
        ...s.copyValues.map((c) => c.id),
      ]),
    );
    const byId = new Map<string, InputDef>();
    for (const guide of guideList) {
      const inGuide = guide.steps.flatMap((s) => s.inputs.map((i) => i.id));
      assert.equal(
        new Set(inGuide).size,
        inGuide.length,
        `${guide.id}: an input appears in one step`,
      );
      for (const i of guide.steps.flatMap((s) => s.inputs)) {
        assert.ok(ItemIdSchema.safeParse(i.id).success, `${i.id} is a valid item id`);
        assert.ok(!otherIds.has(i.id), `${i.id} is not also a step, confirmation or copy id`);
        const earlier = byId.get(i.id);
        assert.ok(earlier === undefined || earlier === i, `${i.id} is defined once and shared`);
        byId.set(i.id, i);
      }
    }
  });

  it('defines the fixed input ids of the brief', () => {
    for (const id of briefInputIds) {
      const def = input(id);
      assert.notEqual(def.kind, 'secret', id);
    }
  });

  it('asks for every secret once, under the secret name', () => {
    const secrets = allInputs().filter((i) => i.kind === 'secret');
    assert.deepEqual(secrets.map((i) => i.secret).sort(), [...secretNames].sort());
    for (const s of secrets) assert.equal(s.id, s.secret);
  });
});

describe('guide checks', () => {
  it('references only the check ids of the brief, and every one of them', () => {
    const referenced = checkIdsFor();
    assert.deepEqual(
      referenced.filter((id) => !briefCheckIds.includes(id)),
      [],
    );
    assert.deepEqual(
      briefCheckIds.filter((id) => !referenced.includes(id)),
      [],
    );
    for (const id of referenced) assert.ok(ItemIdSchema.safeParse(id).success, id);
  });

  it('lists each check once per step', () => {
    for (const s of allSteps()) assert.equal(new Set(s.checks).size, s.checks.length, s.id);
  });

  it('verifies each step with the checks the brief assigns to it', () => {
    assert.deepEqual([...step('jacquard.prerequisites').checks].sort(), [
      'braze.api_key',
      'jacquard.token',
    ]);
    assert.deepEqual([...step('jacquard.current').checks].sort(), [
      'currents.anonymous',
      'currents.delivery',
      'currents.event_types',
      's3.bucket',
      's3.credentials',
      's3.folder',
      's3.permissions',
    ]);
    assert.deepEqual(step('jacquard.pii').checks, ['currents.pii']);
    assert.deepEqual(step('jacquard.connectedContent').checks, ['jacquard.snippets']);
    assert.deepEqual([...step('optimizely.prerequisites').checks].sort(), [
      'braze.api_key',
      'braze.permission.campaigns.trigger.send',
      'braze.permission.canvas.trigger.send',
      'braze.permission.segments.list',
      'braze.permission.users.export.segment',
      'braze.permission.users.track',
      'odp.api_key',
      'odp.braze_key',
    ]);
    assert.deepEqual(step('optimizely.currents').checks, ['odp.currents_endpoint']);
    assert.deepEqual([...step('optimizely.segments').checks].sort(), [
      'braze.segments',
      'odp.segments',
    ]);
    assert.deepEqual([...step('optimizely.mappings').checks].sort(), [
      'odp.fields',
      'odp.mappings',
    ]);
    assert.deepEqual(step('optimizely.activation').checks, ['odp.activation']);
    assert.deepEqual(step('optimizely.schedule').checks, ['odp.activation']);
  });

  it('scopes check ids to the integrations a client picked', () => {
    assert.ok(checkIdsFor(['jacquard']).includes('s3.bucket'));
    assert.ok(!checkIdsFor(['jacquard']).includes('odp.activation'));
    assert.ok(!checkIdsFor(['optimizely']).includes('s3.bucket'));
    assert.equal(
      checkIdsFor(['jacquard', 'optimizely']).filter((id) => id === 'braze.api_key').length,
      1,
    );
  });
});

describe('guide texts', () => {
  for (const guide of guideList) {
    const named = keysNamedBy(guide);

    it(`${guide.id}: its namespace is registered`, () => {
      assert.ok(guide.namespace in namespaces, guide.namespace);
    });

    for (const language of languages) {
      it(`${guide.id}: every key it names exists and is non-empty in ${language}`, () => {
        const i18n = createI18n(language);
        const missing = [...named]
          .filter(([key]) => {
            const text: unknown = i18n.getResource(language, guide.namespace, key);
            return typeof text !== 'string' || text.trim() === '';
          })
          .map(([key, where]) => `${key} (${where})`);
        assert.deepEqual(missing, []);
      });
    }

    it(`${guide.id}: has no English text that no step uses`, () => {
      const byLanguage = namespaces[guide.namespace] as Record<string, unknown>;
      const english = flattenLocale((byLanguage.en ?? {}) as LocaleTree);
      assert.deepEqual(
        [...english.keys()].filter((key) => !named.has(key)),
        [],
      );
    });

    it(`${guide.id}: texts are plain: no {{…}} for i18next to swallow, no markdown to show raw`, () => {
      const byLanguage = namespaces[guide.namespace] as Record<string, unknown>;
      for (const language of languages) {
        for (const [key, text] of flattenLocale((byLanguage[language] ?? {}) as LocaleTree)) {
          assert.doesNotMatch(String(text), /\{\{|\*\*|`/, `${language} ${key}`);
        }
      }
    });
  }

  it('words the shared Braze inputs identically in both guides', () => {
    const jacquard = namespaces['guide-jacquard'] as Record<string, { braze?: unknown }>;
    const optimizely = namespaces['guide-optimizely'] as Record<string, { braze?: unknown }>;
    for (const language of languages) {
      assert.ok(jacquard[language]?.braze, language);
      assert.deepEqual(optimizely[language]?.braze, jacquard[language]?.braze, language);
    }
  });

  it('tells the CSM the real name of the segment-export permission', () => {
    const warning = step('optimizely.prerequisites').warningKey;
    assert.ok(warning);
    for (const language of languages) {
      const text = createI18n(language).t(warning, { ns: 'guide-optimizely' });
      assert.match(text, /users\.export\.segment\b(?!s)/, language);
      assert.match(text, /users\.export\.segments/, language);
    }
  });

  it('warns that selecting no segment imports no profiles', () => {
    assert.ok(step('optimizely.segments').warningKey);
  });
});

describe('guide inputs', () => {
  it('offers every Braze instance of the docs, plus custom', () => {
    assert.deepEqual(
      brazeInstanceInput.options.map((o) => o.value),
      [...documentedBrazeInstanceIds, 'custom'],
    );
    for (const { restEndpoint } of brazeInstances) {
      assert.ok(matches('braze.restEndpoint', restEndpoint), restEndpoint);
    }
  });

  it('shares the Braze inputs between both guides', () => {
    for (const guide of guideList) {
      const inputs = guide.steps.flatMap((s) => s.inputs);
      for (const shared of [brazeInstanceInput, brazeRestEndpointInput, brazeApiKeyInput]) {
        assert.ok(inputs.includes(shared), `${guide.id} uses ${shared.id}`);
      }
    }
    assert.equal(allInputs().filter((i) => i.id === 'braze.instance').length, 1);
  });

  it('gives each default a value its own validation accepts', () => {
    for (const i of allInputs()) {
      if (i.kind === 'secret' || i.default === undefined) continue;
      if (i.kind === 'choice') {
        assert.ok(
          i.options.some((o) => o.value === i.default),
          i.id,
        );
      } else if (i.pattern) {
        assert.match(i.default, new RegExp(i.pattern), i.id);
      }
      if (i.kind !== 'choice' && i.maxLength !== undefined) {
        assert.ok(i.default.length <= i.maxLength, i.id);
      }
    }
  });

  it('validates every text-like input with a pattern and a message, except free text', () => {
    for (const i of allInputs()) {
      if (i.kind === 'secret' || i.kind === 'choice' || i.kind === 'multiline') continue;
      assert.ok(i.pattern && i.patternMessageKey, i.id);
      assert.doesNotThrow(() => new RegExp(i.pattern ?? ''), i.id);
    }
  });

  it('defaults the bucket to Jacquard’s and suggests a Current name', () => {
    const bucket = input('jacquard.s3Bucket');
    assert.ok(bucket.kind === 'text');
    assert.equal(bucket.default, 'phrasee-braze-currents-exports');
    const region = input('odp.region');
    assert.ok(region.kind === 'choice');
    assert.deepEqual(
      region.options.map((o) => o.value),
      ['auto', 'us', 'eu', 'au'],
    );
  });

  it('accepts and rejects the values a CSM would type', () => {
    const cases: [string, string, boolean][] = [
      ['jacquard.s3Folder', 'acme-retail', true],
      ['jacquard.s3Folder', 'acme/retail', true],
      ['jacquard.s3Folder', '/acme', false],
      ['jacquard.s3Folder', 'acme/', false],
      ['jacquard.s3Folder', 'acme//retail', false],
      ['jacquard.s3Folder', 'acme retail', false],
      ['jacquard.s3Bucket', 'Phrasee-Braze', false],
      ['jacquard.s3Bucket', 'ab', false],
      ['jacquard.contactEmail', 'csm@acme.com', true],
      ['jacquard.contactEmail', 'csm@acme', false],
      ['jacquard.contactEmail', 'csm acme@acme.com', false],
      ['jacquard.currentName', 'Jacquard clicks', true],
      ['jacquard.currentName', ' Jacquard', false],
      ['jacquard.currentName', '   ', false],
      ['braze.restEndpoint', 'https://rest.fra-01.braze.eu', true],
      ['braze.restEndpoint', 'https://rest.fra-01.braze.eu/', true],
      ['braze.restEndpoint', 'http://rest.fra-01.braze.eu', false],
      ['braze.restEndpoint', 'https://rest.fra-01.braze.eu/users/track', false],
      ['braze.restEndpoint', 'rest.fra-01.braze.eu', false],
      ['braze.restEndpoint', 'http://127.0.0.1:4010', true],
      ['braze.restEndpoint', 'http://localhost.attacker.example', false],
      ['jacquard.s3Endpoint', 'http://127.0.0.1:9000', true],
      ['odp.apiBase', 'https://api.eu1.odp.optimizely.com', true],
      ['odp.currentsUrl', 'https://function.zaius.app/braze?x=1', true],
      ['odp.currentsUrl', 'http://function.zaius.app/braze', false],
      ['odp.currentsUrl', 'https://function.zaius.app/braze token', false],
    ];
    for (const [id, value, ok] of cases) assert.equal(matches(id, value), ok, `${id}: ${value}`);
  });

  it('fills copy values from inputs of the same guide, or literals', () => {
    for (const guide of guideList) {
      const ids = new Set(guide.steps.flatMap((s) => s.inputs.map((i) => i.id)));
      for (const c of guide.steps.flatMap((s) => s.copyValues)) {
        if ('fromInput' in c.value)
          assert.ok(ids.has(c.value.fromInput), `${c.id} → ${c.value.fromInput}`);
        else assert.ok(c.value.literal.length > 0, c.id);
      }
    }
  });

  it('offers the values the pages tell the CSM to type', () => {
    const copies = allSteps().flatMap((s) => s.copyValues);
    const literal = (id: string) => {
      const c = copies.find((x) => x.id === id);
      assert.ok(c && 'literal' in c.value, id);
      return c.value.literal;
    };
    const bucket = copies.find((c) => c.id === 'jacquard.current.bucket');
    assert.deepEqual(bucket?.value, {
      fromInput: 'jacquard.s3Bucket',
      fallback: 'phrasee-braze-currents-exports',
    });
    assert.deepEqual(copies.find((c) => c.id === 'jacquard.current.folder')?.value, {
      fromInput: 'jacquard.s3Folder',
    });
    assert.equal(literal('optimizely.activation.fieldValue'), '{{customer.company_name}}');
    assert.equal(literal('optimizely.activation.name'), 'Braze Data Sync');
    assert.equal(literal('optimizely.troubleshooting.prefix'), '_braze');
    assert.deepEqual(
      step('optimizely.prerequisites').copyValues.map((c) =>
        'literal' in c.value ? c.value.literal : '',
      ),
      [
        'users.track',
        'users.export.segment',
        'segments.list',
        'campaigns.trigger.send',
        'canvas.trigger.send',
      ],
    );
  });
});

describe('guide lookups', () => {
  it('finds steps, inputs and confirmations by id, and the guide a step belongs to', () => {
    assert.equal(stepById('jacquard.current')?.titleKey, 'steps.current.title');
    assert.equal(stepById('nope'), undefined);
    assert.equal(inputById('braze.apiKey'), brazeApiKeyInput);
    assert.equal(inputById('nope'), undefined);
    assert.equal(
      confirmationById('jacquard.current.anonymousTicked')?.labelKey,
      'steps.current.confirm.anonymousTicked',
    );
    assert.equal(guideOfStep('optimizely.schedule')?.id, 'optimizely');
    assert.equal(guideOfStep('nope'), undefined);
  });

  it('lists the inputs and confirmations of the picked integrations only', () => {
    const jacquardOnly = allInputs(['jacquard']).map((i) => i.id);
    assert.ok(jacquardOnly.includes('braze.instance'));
    assert.ok(jacquardOnly.includes('jacquard.s3Folder'));
    assert.ok(!jacquardOnly.includes('odp.currentsUrl'));
    const confirmations = allConfirmations(['optimizely']).map((c) => c.id);
    assert.ok(confirmations.includes('optimizely.schedule.live'));
    assert.ok(!confirmations.some((id) => id.startsWith('jacquard.')));
  });
});

/**
 * What each checklist item must say, in the dashboards' own words (the labels a CSM clicks or the
 * values they type), so a step cannot keep its `covers` tag while its text loses the item.
 */
const seedLabels: Record<string, readonly string[]> = {
  'jacquard#step2.1': ['Currents', 'Amazon S3'],
  'jacquard#step2.3.bucket': ['phrasee-braze-currents-exports'],
  'jacquard#step2.5.anonymous-users': ['anonymous users'],
  'jacquard#step2.5.email-click': ['Email Click'],
  'jacquard#step2.6': ['Launch Current'],
  'jacquard#step4.connected-content': ['Connected Content'],
  'optimizely#step1.1': ['App Directory', 'Install App'],
  'optimizely#step1.4': ['Custom Currents Export'],
  'optimizely#step1.6.import-all-customers': ['Import All Customers'],
  'optimizely#step2.default-email': ['Last Seen Email'],
  'optimizely#step2.add.3': ['Save Field Map'],
  'optimizely#step2.delete.2': ['Delete Field Map'],
  'optimizely#step3.4.event': ['Automation Rules'],
  'optimizely#step3.6': ['Target Identifier'],
  'optimizely#step3.7.profile-update-only': ['Profile Update Only'],
  'optimizely#step3.11.repeat-every': ['Repeat Every'],
  'optimizely#step3.11.time-zone': ['Time Zone'],
  'optimizely#troubleshooting.event-inspector.1': ['Event Inspector'],
  'optimizely#troubleshooting.event-inspector.5': ['_braze'],
  'optimizely#troubleshooting.activity-log.1': ['Activity Log'],
};

/** Everything a step shows, in one language: texts, copyable values and field labels. */
function stepText(guide: Guide, s: Step, language: (typeof languages)[number]): string {
  const { t } = createI18n(language);
  const text = (key: string | undefined) => (key ? t(`${guide.namespace}:${key}`) : '');
  return [
    text(s.titleKey),
    text(s.introKey),
    text(s.where?.pathKey),
    text(s.warningKey),
    ...s.instructions.map(text),
    ...s.copyValues.flatMap((c) => [
      text(c.labelKey),
      'literal' in c.value ? c.value.literal : (c.value.fallback ?? ''),
    ]),
    ...s.confirmations.map((c) => text(c.labelKey)),
    ...s.inputs.map((i) => text(i.labelKey)),
  ].join('\n');
}

describe('guide steps say what the partner pages say', () => {
  it('names each checklist item’s dashboard labels and values in the step that covers it', () => {
    const missing: string[] = [];
    for (const [item, labels] of Object.entries(seedLabels)) {
      assert.ok(seedChecklist.includes(item), `${item} is on the checklist`);
      const covering = allSteps().find((s) => s.covers.includes(item));
      assert.ok(covering, item);
      const guide = guideOfStep(covering.id);
      assert.ok(guide, covering.id);
      const text = stepText(guide, covering, 'en');
      for (const label of labels) if (!text.includes(label)) missing.push(`${item}: “${label}”`);
    }
    assert.deepEqual(missing, []);
  });

  it('words every instruction in each language, not in English', () => {
    for (const guide of guideList) {
      for (const s of guide.steps) {
        const en = createI18n('en').t;
        for (const language of languages.filter((l) => l !== 'en')) {
          const { t } = createI18n(language);
          for (const key of [s.introKey, ...s.instructions]) {
            const id = `${guide.namespace}:${key}`;
            assert.notEqual(t(id), en(id), `${language} ${s.id} ${key}`);
          }
        }
      }
    }
  });
});
