import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  auditFrom,
  SAMPLE_BYTES,
  SAMPLE_EVENTS,
} from '../../main/integrations/jacquard/currents/audit.ts';
import { EMAIL_CLICK, hourLabel } from '../../main/integrations/jacquard/currents/keys.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import type { JsonValue } from '../../shared/types/checks.ts';
import { languages } from '../../shared/types/ids.ts';
import {
  avroBombs,
  MOST_BYTES_PER_FILE,
  stopsAtBudget,
  type AvroBomb,
} from '../support/avro-bombs.ts';
import { runCliMeasured } from '../support/cli-process.ts';
import { currentsKey } from '../support/currents-layout.ts';
import { CURRENTS_BUCKET as BUCKET } from '../support/currents-scenarios.ts';
import { runJacquardChecks } from '../support/jacquard-run.ts';
import { startS3TestBed, type S3TestBed } from '../support/s3-gateway.ts';

// Files built to cost a reader without bound, delivered where Currents writes Email Click: the
// audit ends with a finding that names the file and the reason, in every language, and a whole
// `partner-setup check` over them stays within the memory goal.

const creds = {
  accessKeyId: 'AKIABOMBSAUDIT000001',
  secretAccessKey: 'bombs-secret-000000000000000000',
};
const INTEGRATION = '0123456789abcdef01234567';
/** The README's goal for a whole `partner-setup check --only jacquard`; before, one bomb took 4 GB. */
const PEAK_RSS_GOAL_MB = 200;
/**
 * The audit reads the 24 newest files, and none once its event budget is spent: the CLI runs
 * split the refused files between two folders and give the files that spend the budget a third.
 */
const CLI_FOLDERS = ['refused-1', 'refused-2', 'budget'] as const;
const folderOf = (bomb: AvroBomb, i: number) =>
  stopsAtBudget(bomb.expect) ? 'budget' : CLI_FOLDERS[i % 2]!;

interface Placed {
  bomb: AvroBomb;
  key: string;
}

void describe('Avro bombs in the Currents folder', () => {
  let bed: S3TestBed;
  let seedDir: string;
  let alone: Placed[];
  const inFolder = new Map<string, Placed[]>(CLI_FOLDERS.map((f) => [f, []]));

  before(async () => {
    seedDir = await mkdtemp(join(tmpdir(), 'currents-bombs-'));
    const hour = hourLabel(Date.now());
    const place = async (folder: string, bomb: AvroBomb, offset: number): Promise<Placed> => {
      const key = currentsKey(folder, INTEGRATION, EMAIL_CLICK, hour, offset);
      await mkdir(dirname(join(seedDir, key)), { recursive: true });
      await writeFile(join(seedDir, key), bomb.bytes);
      return { bomb, key };
    };
    const bombs = await avroBombs();
    alone = await Promise.all(bombs.map((bomb, i) => place(`bomb-${i}`, bomb, 1000)));
    for (const [i, bomb] of bombs.entries()) {
      const folder = folderOf(bomb, i);
      inFolder.get(folder)!.push(await place(folder, bomb, 1000 + i));
    }
    bed = await startS3TestBed({ buckets: [{ name: BUCKET, seedDir }], keys: [creds] });
  });
  after(async () => {
    await bed?.close();
    await rm(seedDir, { recursive: true, force: true });
  });

  void test('each bomb alone: the audit names the file and why, in every language', async () => {
    const i18n = Object.fromEntries(languages.map((l) => [l, createI18n(l)]));
    for (const [i, { bomb, key }] of alone.entries()) {
      const out = await runJacquardChecks({
        ids: ['currents.delivery'],
        inputs: { 'jacquard.s3Endpoint': bed.endpoint, 'jacquard.s3Folder': `bomb-${i}` },
        secrets: {
          'jacquard.awsAccessKeyId': creds.accessKeyId,
          'jacquard.awsSecretAccessKey': creds.secretAccessKey,
        },
      });
      const delivery = out.byId.get('currents.delivery')!;
      const sample = auditFrom(delivery.details as Record<string, JsonValue>)!.sample!;
      assert.ok(sample.spent.events <= SAMPLE_EVENTS, bomb.name);
      assert.equal(sample.events + sample.duplicates, sample.spent.events, bomb.name);
      if (stopsAtBudget(bomb.expect)) {
        assert.equal(delivery.messageKey, 'checks-jacquard:currents.delivery.okSampleLimit');
        assert.equal(sample.truncated, true, bomb.name);
        if (bomb.expect === 'eventBudget') assert.equal(sample.spent.events, SAMPLE_EVENTS);
        else assert.ok(sample.spent.bytes >= SAMPLE_BYTES, bomb.name);
        continue;
      }
      assert.equal(delivery.status, 'warn', bomb.name);
      assert.equal(delivery.messageKey, 'checks-jacquard:currents.delivery.refused', bomb.name);
      assert.deepEqual(
        { file: delivery.params.file, problem: delivery.params.problem },
        { file: key, problem: bomb.expect },
        bomb.name,
      );
      const [ns, path] = delivery.messageKey.split(':') as [string, string];
      for (const [language, t] of Object.entries(i18n)) {
        const reason = t.t(`${ns}:currents.avro.${bomb.expect}`, delivery.params);
        const message = t.t(`${ns}:${path}`, delivery.params);
        assert.ok(message.includes(key) && message.includes(reason), `${bomb.name} (${language})`);
        assert.doesNotMatch(message, /\{\{|currents\.avro|\$t\(/, `${bomb.name} (${language})`);
      }
    }
  });

  for (const folder of CLI_FOLDERS) {
    void test(`partner-setup check --only jacquard over ${folder}: each file judged, within ${PEAK_RSS_GOAL_MB} MB`, async (t) => {
      const placed = inFolder.get(folder)!;
      const clientFile = join(seedDir, `${folder}.json`);
      await writeFile(
        clientFile,
        JSON.stringify({
          version: 1,
          name: `Client ${folder}`,
          integrations: ['jacquard'],
          jacquard: { s3Folder: folder, s3Endpoint: bed.endpoint },
        }),
      );
      const out = await runCliMeasured(
        [
          ...['check', '--only', 'jacquard', '--json', '--allow-insecure-loopback'],
          ...['--client-file', clientFile],
        ],
        {
          PATH: process.env.PATH ?? '',
          HOME: seedDir,
          PARTNER_SETUP_HOME: seedDir,
          NO_COLOR: '1',
          JACQUARD_AWS_ACCESS_KEY_ID: creds.accessKeyId,
          JACQUARD_AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
        },
        // Ten times what a loaded machine needs: the verdict is the memory and the findings.
        { timeoutMs: 300_000 },
      );
      // A verdict, whichever (no Braze key or connect token is given, so 3 is the usual one):
      // never an error (2) or a process the time limit ended.
      assert.ok([0, 1, 3].includes(out.code ?? -1), `exit ${out.code}: ${out.stderr}`);
      const report = JSON.parse(out.stdout) as {
        checks: Array<{ id: string; status: string; message: string; details?: unknown }>;
      };
      const delivery = report.checks.find((c) => c.id === 'currents.delivery')!;
      const sample = auditFrom(delivery.details as Record<string, JsonValue>)!.sample!;
      t.diagnostic(`peak RSS ${out.peakRssMb} MB, ${sample.spent.bytes} bytes handled`);
      if (folder === 'budget') {
        assert.equal(delivery.status, 'pass', delivery.message);
        assert.match(delivery.message, /at most 50,000 events or 128 MB/);
        assert.ok(sample.spent.events === SAMPLE_EVENTS || sample.spent.bytes >= SAMPLE_BYTES);
      } else {
        assert.equal(delivery.status, 'warn');
        assert.match(delivery.message, /The audit refused .*\.avro: /);
        assert.deepEqual(
          Object.fromEntries(sample.refused.map((r) => [r.key, r.problem])),
          Object.fromEntries(placed.map((p) => [p.key, p.bomb.expect])),
        );
        assert.equal(sample.unreadable, placed.length);
      }
      assert.ok(sample.spent.events <= SAMPLE_EVENTS);
      // The budget, and what the two files being read when it ran out held at most.
      assert.ok(
        sample.spent.bytes <= SAMPLE_BYTES + 2 * MOST_BYTES_PER_FILE,
        `${sample.spent.bytes} bytes handled`,
      );
      assert.ok(
        out.peakRssMb <= PEAK_RSS_GOAL_MB,
        `peak RSS ${out.peakRssMb} MB over ${PEAK_RSS_GOAL_MB} MB`,
      );
    });
  }
});
