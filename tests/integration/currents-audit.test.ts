import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  SAMPLE_EVENTS,
  type AuditSummary,
  type HourlySeries,
} from '../../main/integrations/jacquard/currents/audit.ts';
import { MAX_FILES_PER_HOUR } from '../../main/integrations/jacquard/currents/discover.ts';
import { EMAIL_CLICK } from '../../main/integrations/jacquard/currents/keys.ts';
import type { CheckResult } from '../../shared/types/checks.ts';
import type { LayoutInfo } from '../support/currents-layout.ts';
import {
  CURRENTS_BUCKET as BUCKET,
  currentsScenarios,
  writeCurrentsScenarios,
  type CurrentsScenario,
} from '../support/currents-scenarios.ts';
import { runJacquardChecks } from '../support/jacquard-run.ts';
import { startS3TestBed, type S3TestBed } from '../support/s3-gateway.ts';

// The Currents audit through the engine, on layouts built from Braze's sample files.

const creds = {
  accessKeyId: 'AKIAAUDITKEY00000001',
  secretAccessKey: 'audit-secret-000000000000000000',
};
/** May find the bucket but neither list nor read it. */
const locateOnly = {
  accessKeyId: 'AKIAAUDITLOCATEONLY1',
  secretAccessKey: 'audit-locate-only-0000000000000',
  actions: ['s3:GetBucketLocation', 's3:GetEncryptionConfiguration'] as const,
};
/** May list the bucket but not read a file in it (no s3:GetObject). */
const listOnly = {
  accessKeyId: 'AKIAAUDITLISTONLY001',
  secretAccessKey: 'audit-list-only-000000000000000',
  actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetEncryptionConfiguration'] as const,
};
const secrets = {
  'jacquard.awsAccessKeyId': creds.accessKeyId,
  'jacquard.awsSecretAccessKey': creds.secretAccessKey,
};
/**
 * The audit's clock, pinned: the layouts' hours are counted back from it and the audit judges ages
 * by it, so an hour that ends while the test runs cannot turn "1 hour ago" into 2.
 */
const now = new Date('2026-12-07T23:05:00Z');

const currentsIds = [
  'currents.delivery',
  'currents.event_types',
  'currents.pii',
  'currents.anonymous',
];

void describe('Currents audit', () => {
  let bed: S3TestBed;
  let seedDir: string;
  let layouts: Record<CurrentsScenario, LayoutInfo>;

  before(async () => {
    seedDir = await mkdtemp(join(tmpdir(), 'currents-audit-'));
    layouts = await writeCurrentsScenarios(
      seedDir,
      Object.keys(currentsScenarios) as CurrentsScenario[],
      now.getTime(),
    );
    bed = await startS3TestBed({
      buckets: [{ name: BUCKET, seedDir }, { name: 'empty-bucket' }],
      keys: [creds, locateOnly, listOnly],
      dropFirstDownload: [layouts.dropped.keys[0]!],
    });
  });
  after(async () => {
    await bed.close();
    await rm(seedDir, { recursive: true, force: true });
  });

  const audit = async (folder: string, keys: typeof secrets = secrets) => {
    const progress: Array<{ id: string; done: number; total: number | null }> = [];
    const out = await runJacquardChecks({
      ids: currentsIds,
      inputs: {
        'jacquard.s3Endpoint': bed.endpoint,
        'jacquard.s3Folder': folder,
      },
      secrets: keys,
      onProgress: (id, done, total) => progress.push({ id, done, total }),
      now: () => now,
    });
    const get = (id: string): CheckResult => {
      const r = out.byId.get(id);
      assert.ok(r, id);
      return r;
    };
    const summary = (get('currents.delivery').details as { audit?: AuditSummary } | undefined)
      ?.audit;
    return { get, summary, artifacts: out.artifacts, progress };
  };

  void test('a fresh Email Click Current passes every check, duplicates counted once', async () => {
    const { get, summary, progress } = await audit('fresh');
    assert.equal(get('currents.delivery').status, 'pass');
    assert.equal(get('currents.delivery').params.hours, 0);
    assert.equal(get('currents.event_types').status, 'pass');
    assert.equal(get('currents.pii').messageKey, 'checks-jacquard:currents.pii.redacted');
    assert.equal(get('currents.anonymous').status, 'pass');
    // The sample reads the newest hours' files; the 50-hour-old file is outside the window.
    const sampled = layouts.fresh;
    assert.equal(summary?.sample?.files, 7);
    assert.equal(summary?.sample?.events, sampled.uniqueEvents - 40);
    assert.equal(summary?.sample?.duplicates, 20);
    assert.deepEqual(summary?.sample?.codecs, ['deflate', 'null', 'snappy']);
    assert.ok(
      progress.some((p) => p.id === 'currents.delivery'),
      'progress is reported',
    );
  });

  void test('the 48-hour series is saved for the chart, Email Click apart from the rest', async () => {
    const { artifacts } = await audit('mixed');
    const hourly = artifacts['currents.hourly'] as unknown as HourlySeries;
    assert.equal(hourly.hours.length, 48);
    const byAge = [...hourly.hours].reverse();
    assert.deepEqual(byAge[1], { hour: byAge[1]!.hour, emailClick: 3, other: 6, capped: false });
    assert.equal(byAge[3]?.other, 1);
    assert.equal(
      hourly.hours.reduce((n, h) => n + h.emailClick + h.other, 0),
      3 + 6 + 1,
      'the 70-hour-old banner file is outside the window',
    );
  });

  void test('other event types, other Click types included, are listed with counts', async () => {
    const { get } = await audit('mixed');
    const types = get('currents.event_types');
    assert.equal(types.status, 'warn');
    assert.equal(types.params.count, 4);
    assert.match(String(types.params.types), /users\.messages\.inappmessage\.Click \(2\)/);
    assert.match(String(types.params.types), /users\.messages\.contentcard\.Click \(1\)/);
    assert.match(String(types.params.types), /users\.messages\.email\.Send \(4\)/);
    assert.match(String(types.params.types), /users\.messages\.banner\.Click/);
  });

  void test("every other type Braze documents is listed with its count, Email Click's sample included", async () => {
    const expected = currentsScenarios.allTypes
      .filter((b) => b.type !== EMAIL_CLICK)
      .map((b) => `${b.type} (${b.files})`);
    assert.equal(expected.length, 93, 'Braze ships 94 sample types, Email Click among them');
    const { get, summary } = await audit('allTypes');
    assert.equal(summary?.types.length, 94);
    assert.equal(get('currents.delivery').status, 'pass');
    const types = get('currents.event_types');
    assert.equal(types.status, 'warn');
    assert.equal(types.messageKey, 'checks-jacquard:currents.event_types.unexpected');
    assert.equal(types.params.count, 93);
    assert.deepEqual(String(types.params.types).split(', ').sort(), expected.sort());
  });

  void test('a stale Current warns with the newest hour and its age', async () => {
    const { get } = await audit('stale');
    const delivery = get('currents.delivery');
    assert.equal(delivery.messageKey, 'checks-jacquard:currents.delivery.stale');
    assert.equal(delivery.params.hours, 59);
    // Its newest files are still sampled.
    assert.equal(get('currents.pii').status, 'pass');
  });

  void test('nothing delivered yet: advice to send test events, the rest inconclusive', async () => {
    const { get } = await audit('not-launched');
    assert.equal(get('currents.delivery').messageKey, 'checks-jacquard:currents.delivery.none');
    assert.equal(get('currents.delivery').status, 'warn');
    assert.equal(get('currents.event_types').status, 'inconclusive');
    assert.equal(get('currents.pii').status, 'inconclusive');
    assert.equal(get('currents.anonymous').status, 'inconclusive');
  });

  void test('other types but no Email Click: the Current misses the one event Jacquard needs', async () => {
    const { get } = await audit('onlyOthers');
    assert.equal(
      get('currents.delivery').messageKey,
      'checks-jacquard:currents.delivery.noEmailClick',
    );
    assert.equal(
      get('currents.event_types').messageKey,
      'checks-jacquard:currents.event_types.noEmailClick',
    );
  });

  void test('real email addresses fail the PII check; the addresses never reach the result', async () => {
    const { get } = await audit('realEmails');
    const pii = get('currents.pii');
    assert.equal(pii.status, 'fail');
    assert.equal(pii.params.real, layouts.realEmails.uniqueEvents);
    assert.ok(!JSON.stringify([pii, get('currents.delivery')]).includes('@example.com'));
  });

  void test('a file that is not readable Avro is named in a warning; the rest is still judged', async () => {
    const { get, summary } = await audit('cutShort');
    const delivery = get('currents.delivery');
    assert.equal(delivery.status, 'warn');
    assert.equal(delivery.messageKey, 'checks-jacquard:currents.delivery.refused');
    assert.equal(delivery.params.unreadable, 1);
    assert.equal(delivery.params.sampled, 3);
    // Cut 12 bytes in, inside the name of its first metadata entry.
    assert.equal(delivery.params.file, layouts.cutShort.keys.at(-1));
    assert.equal(delivery.params.problem, 'lengthBeyondEnd');
    assert.equal(delivery.params.remaining, 6);
    assert.equal(summary?.sample?.files, 2);
    const pii = get('currents.pii');
    assert.equal(pii.messageKey, 'checks-jacquard:currents.pii.redacted');
    assert.equal(pii.params.events, layouts.cutShort.uniqueEvents);
  });

  void test('a download that breaks off before its first event is read again, not lost', async () => {
    const { get, summary } = await audit('dropped');
    assert.equal(get('currents.delivery').messageKey, 'checks-jacquard:currents.delivery.ok');
    assert.equal(summary?.sample?.unreadable, 0);
    assert.equal(get('currents.pii').params.events, layouts.dropped.uniqueEvents);
    const broken = layouts.dropped.keys[0]!;
    const downloads = (await bed.requests()).filter(
      (r) => r.action === 's3:GetObject' && r.key === broken,
    );
    assert.equal(downloads.length, 2, 'the broken download was tried again');
  });

  void test('hashed addresses pass, with user ids reported as information', async () => {
    const pii = (await audit('hashedEmails')).get('currents.pii');
    assert.equal(pii.messageKey, 'checks-jacquard:currents.pii.hashed');
    assert.equal(pii.params.userIds, 120);
    assert.equal(pii.params.externalIds, 80);
  });

  void test('no anonymous event in a large sample warns; a tiny sample is inconclusive', async () => {
    assert.equal((await audit('noAnonymous')).get('currents.anonymous').status, 'warn');
    assert.equal((await audit('tinySample')).get('currents.anonymous').status, 'inconclusive');
  });

  void test('the number of requests grows with hours and types, not with files', async () => {
    const many = (await audit('manyFiles')).summary;
    const few = (await audit('fewFiles')).summary;
    assert.equal(few?.types[0]?.filesInWindow, 200);
    // 500 files an hour: each hour costs one page of MAX_FILES_PER_HOUR keys, and says it is capped.
    assert.equal(many?.types[0]?.filesInWindow, 4 * MAX_FILES_PER_HOUR);
    assert.equal(many?.types[0]?.cappedHours.length, 4);
    assert.ok(many && few);
    assert.equal(many.requests - many.sample!.files, few.requests - few.sample!.files);
  });

  void test('an hour within the limit is counted whole; one past it says so', async () => {
    const { get, summary, artifacts } = await audit('busyHour');
    const byType = new Map(summary?.types.map((t) => [t.type, t]));
    const clicks = byType.get('users.messages.email.Click');
    const sends = byType.get('users.messages.email.Send');
    assert.equal(clicks?.filesInWindow, 80, 'every Email Click file of the hour counted');
    assert.deepEqual(clicks?.cappedHours, []);
    assert.equal(sends?.filesInWindow, MAX_FILES_PER_HOUR);
    assert.equal(sends?.cappedHours.length, 1);
    assert.equal(summary?.complete, false);

    const hourly = artifacts['currents.hourly'] as unknown as HourlySeries;
    const busy = hourly.hours.find((h) => h.hour === sends?.cappedHours[0]);
    assert.deepEqual(busy, {
      hour: sends?.cappedHours[0],
      emailClick: 80,
      other: MAX_FILES_PER_HOUR,
      capped: true,
    });
    assert.equal(hourly.hours.filter((h) => h.capped).length, 1);

    const delivery = get('currents.delivery');
    assert.equal(delivery.status, 'pass');
    assert.equal(delivery.messageKey, 'checks-jacquard:currents.delivery.okCapped');
    assert.equal(delivery.params.cappedHours, sends?.cappedHours[0]);
    assert.equal(delivery.params.limit, MAX_FILES_PER_HOUR);
    const types = get('currents.event_types');
    assert.equal(types.messageKey, 'checks-jacquard:currents.event_types.unexpectedCapped');
    assert.equal(types.params.types, `users.messages.email.Send (${MAX_FILES_PER_HOUR}+)`);
  });

  void test('a file with more events than the sample reads: the first 50,000 are judged, and said so', async () => {
    const { get, summary } = await audit('hugeFile');
    assert.equal(layouts.hugeFile.uniqueEvents, 50_100);
    assert.equal(summary?.sample?.events, SAMPLE_EVENTS);
    assert.equal(summary?.sample?.duplicates, 0);
    assert.equal(summary?.sample?.truncated, true);
    const delivery = get('currents.delivery');
    assert.equal(delivery.messageKey, 'checks-jacquard:currents.delivery.okSampleLimit');
    assert.equal(delivery.params.events, SAMPLE_EVENTS);
    const pii = get('currents.pii');
    assert.equal(pii.params.events, SAMPLE_EVENTS);
    assert.equal((pii.details as { truncated?: boolean }).truncated, true);
  });

  void test('keys that may locate the bucket but not list it: the output cannot be read', async () => {
    const { get } = await audit('fresh', {
      'jacquard.awsAccessKeyId': locateOnly.accessKeyId,
      'jacquard.awsSecretAccessKey': locateOnly.secretAccessKey,
    });
    const delivery = get('currents.delivery');
    assert.equal(delivery.status, 'fail');
    assert.equal(delivery.messageKey, 'checks-jacquard:currents.cannotList');
    assert.equal(delivery.params.folder, 'fresh');
    for (const id of ['currents.event_types', 'currents.pii', 'currents.anonymous']) {
      assert.equal(get(id).status, 'skipped', id);
    }
  });

  void test('keys that may list but not read: delivery and types judged, the sample checks name s3:GetObject', async () => {
    const { get, summary } = await audit('fresh', {
      'jacquard.awsAccessKeyId': listOnly.accessKeyId,
      'jacquard.awsSecretAccessKey': listOnly.secretAccessKey,
    });
    assert.equal(get('currents.delivery').status, 'pass');
    assert.equal(get('currents.delivery').messageKey, 'checks-jacquard:currents.delivery.ok');
    assert.equal(get('currents.event_types').status, 'pass');
    for (const id of ['currents.pii', 'currents.anonymous']) {
      assert.equal(get(id).status, 'inconclusive', id);
      assert.equal(get(id).messageKey, `checks-jacquard:${id}.readDenied`, id);
      assert.equal(get(id).params.folder, 'fresh', id);
    }
    assert.equal(summary?.sample?.readDenied, true);
    assert.equal(summary?.sample?.events, 0);
    // The first refusal ends the sample: each of the two readers is refused once at most.
    const reads = (await bed.requests()).filter(
      (r) => r.action === 's3:GetObject' && r.accessKeyId === listOnly.accessKeyId,
    );
    assert.ok(reads.length >= 1 && reads.length <= 2, `${reads.length} reads`);
  });

  void test('hashed and redacted addresses side by side pass as mixed', async () => {
    const pii = (await audit('hashedAndRedacted')).get('currents.pii');
    assert.equal(pii.status, 'pass');
    assert.equal(pii.messageKey, 'checks-jacquard:currents.pii.mixed');
    assert.equal(pii.params.events, layouts.hashedAndRedacted.uniqueEvents);
  });

  void test('events whose email_address is empty pass with no address to report', async () => {
    const pii = (await audit('noAddresses')).get('currents.pii');
    assert.equal(pii.status, 'pass');
    assert.equal(pii.messageKey, 'checks-jacquard:currents.pii.noAddresses');
    assert.equal(pii.params.real, 0);
  });

  void test('cancelling stops the audit', async () => {
    const controller = new AbortController();
    const out = runJacquardChecks({
      ids: currentsIds,
      inputs: { 'jacquard.s3Endpoint': bed.endpoint, 'jacquard.s3Folder': 'manyFiles' },
      secrets,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const { byId, cancelled } = await out;
    assert.equal(cancelled, true);
    assert.equal(byId.get('currents.delivery')?.status, 'skipped');
    assert.equal(byId.get('currents.pii')?.status, 'skipped');
  });
});
