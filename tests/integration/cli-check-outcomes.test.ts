import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBrazeFake, type BrazeFake, type FakeKey } from '../support/braze-fake.ts';
import { acme, brazeJsonArgs, cli, clientFile, type JsonReport } from '../support/cli-check.ts';

/** Each key is its own name, so a row's requests can be told apart in `fake.requests`. */
const keys = {
  'inactive-account-key-0001': { inactive: true },
  'no-segments-list-key-0001': {
    permissions: [
      'users.track',
      'users.export.segment',
      'campaigns.trigger.send',
      'canvas.trigger.send',
    ],
  },
  'rate-limited-once-key-0001': { rateLimitFirst: 1 },
  'server-error-twice-key-001': { failFirst: 2 },
  'never-answers-key-00000001': { hang: true },
} satisfies Record<string, FakeKey>;
type KeyName = keyof typeof keys | 'not-a-known-key-000000001';

let fake: BrazeFake;
before(async () => {
  fake = await startBrazeFake({ keys });
});
after(async () => {
  await fake.close();
  assert.deepEqual(fake.sideEffects(), []);
});

type Expected = [status: string, message: RegExp];

interface Row {
  name: string;
  key: KeyName;
  extraArgs?: string[];
  code: number;
  /** What every check reports, but for those in `except`. */
  checks: Expected;
  except?: Record<string, Expected>;
  /** A status the fake must have answered with, so a passing row proves the retry happened. */
  fakeAnswered?: number;
  /** Bounds of each check's duration, to tell the `--timeout` given from the 10 s default. */
  durationMs?: { atLeast: number; below: number };
}

const everyCheckPasses: Expected = [
  'pass',
  /accepted the key|has the .* permission|Segments found/,
];

const rows: Row[] = [
  {
    name: 'an unknown key: 401, the key check fails, the others cannot tell',
    key: 'not-a-known-key-000000001',
    code: 1,
    checks: [
      'inconclusive',
      /^Could not tell: 127\.0\.0\.1:\d+ refused the key \(401 “Invalid API key\.”/,
    ],
    except: { 'braze.api_key': ['fail', /refused the key \(401 “Invalid API key\.”\)/] },
  },
  {
    name: 'an inactive account: 403 rate plan, not a missing permission',
    key: 'inactive-account-key-0001',
    code: 1,
    checks: [
      'inconclusive',
      /^Could not tell: Braze answered 403 “The rate plan doesn't support.*”: the account is inactive/,
    ],
    except: {
      'braze.api_key': ['fail', /rate plan does not include API access.*not a missing permission/],
    },
  },
  {
    name: 'a missing permission: its check and the segment list fail, the rest pass',
    key: 'no-segments-list-key-0001',
    code: 1,
    checks: everyCheckPasses,
    except: {
      'braze.permission.segments.list': [
        'fail',
        /^The key does not have the segments\.list permission\./,
      ],
      'braze.segments': ['fail', /^Segments cannot be listed: .* segments\.list permission/],
    },
  },
  {
    name: 'a 429 first: waited out, then every check passes',
    key: 'rate-limited-once-key-0001',
    code: 0,
    checks: everyCheckPasses,
    fakeAnswered: 429,
  },
  {
    name: 'two 503s first: retried, then every check passes',
    key: 'server-error-twice-key-001',
    code: 0,
    checks: everyCheckPasses,
    fakeAnswered: 503,
  },
  {
    // Nothing failed, but nothing was verified either: exit 3, never 0.
    name: 'no answer: --timeout ends each request, inconclusive, not failed: not verified',
    key: 'never-answers-key-00000001',
    extraArgs: ['--timeout', '300'],
    code: 3,
    checks: ['inconclusive', /^127\.0\.0\.1:\d+ did not answer in time\.$/],
    durationMs: { atLeast: 300, below: 10_000 },
  },
];

const verdictOfCode: Record<number, string> = { 0: 'verified', 1: 'failing', 3: 'not-verified' };

const brazeCheckIds = [
  'braze.api_key',
  'braze.permission.users.track',
  'braze.permission.users.export.segment',
  'braze.permission.segments.list',
  'braze.permission.campaigns.trigger.send',
  'braze.permission.canvas.trigger.send',
  'braze.segments',
];

// One CLI process per row, two at a time: the machine has two cores.
describe('partner-setup check: every Braze outcome, spawned, as JSON', { concurrency: 2 }, () => {
  for (const row of rows) {
    it(row.name, async (t) => {
      const file = await clientFile(t, acme(fake.url));
      const ran = await cli([...brazeJsonArgs(file), ...(row.extraArgs ?? [])], {
        BRAZE_API_KEY: row.key,
      });
      assert.equal(ran.code, row.code, ran.stderr);
      assert.equal(ran.stderr, '');
      const report = JSON.parse(ran.stdout) as JsonReport;
      // The document says the verdict the exit status is.
      assert.equal(report.verdict, verdictOfCode[row.code]);
      assert.equal(report.integrations.optimizely?.verdict, verdictOfCode[row.code]);
      assert.deepEqual(
        report.checks.map((c) => c.id),
        brazeCheckIds,
      );
      for (const check of report.checks) {
        const [status, message] = row.except?.[check.id] ?? row.checks;
        assert.equal(check.status, status, `${check.id}: ${check.message}`);
        assert.match(check.message, message, check.id);
        if (row.durationMs) {
          const { atLeast, below } = row.durationMs;
          assert.ok(check.durationMs >= atLeast && check.durationMs < below, `${check.durationMs}`);
        }
      }
      if (row.fakeAnswered !== undefined) {
        const answered = fake.requests.filter((r) => r.key === row.key).map((r) => r.status);
        assert.ok(answered.includes(row.fakeAnswered), `statuses: ${answered.join(', ')}`);
      }
    });
  }
});

describe('partner-setup check: Ctrl-C', () => {
  it('exits 130 with one line saying so, and still prints the JSON with the cancelled checks', async (t) => {
    const key = 'never-answers-key-00000001';
    const file = await clientFile(t, acme(fake.url));
    const seen = fake.requests.length;
    const interrupt = new AbortController();
    const running = cli(
      brazeJsonArgs(file),
      { BRAZE_API_KEY: key },
      { interrupt: interrupt.signal },
    );
    while (!fake.requests.slice(seen).some((r) => r.key === key)) await sleep(20);
    interrupt.abort();
    const ran = await running;

    assert.equal(ran.code, 130, ran.stderr);
    assert.deepEqual(ran.stderr.trim().split('\n'), [
      'partner-setup check: interrupted; 7 of 7 checks did not finish.',
    ]);
    const report = JSON.parse(ran.stdout) as JsonReport;
    assert.deepEqual(
      report.checks.map((c) => [c.id, c.status, c.message]),
      brazeCheckIds.map((id) => [id, 'skipped', 'Cancelled before it finished.']),
    );
    assert.equal(report.verdict, 'not-verified');
    assert.deepEqual(report.summary.reasons, { cancelled: 7 });
  });
});
