import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runChecks } from '../../main/checks/engine.ts';
import { runVerdict } from '../../main/checks/run-verdict.ts';
import type { CheckDefinition, CheckOutcome } from '../../main/checks/types.ts';
import { interruptedExitCode, verdictExitCodes } from '../../main/cli/command.ts';
import { createHttpClient } from '../../main/net/http-client.ts';
import { secretsOf, testClient } from '../support/check-fixtures.ts';

const http = createHttpClient({ allowInsecureLoopback: true });
const outcome = (status: CheckOutcome['status']): CheckOutcome => ({
  status,
  messageKey: `checks:status.${status}`,
});

// Real guide ids, so the per-integration verdicts have something to group.
const def = (id: string, extra: Partial<CheckDefinition> = {}): CheckDefinition => ({
  id,
  requires: { network: false },
  run: () => Promise.resolve(outcome('pass')),
  ...extra,
});

/** What `partner-setup check` exits with after running these definitions through the engine. */
async function exitOf(
  definitions: CheckDefinition[],
  options: { offline?: boolean; optIns?: string[]; cancel?: boolean } = {},
) {
  const controller = new AbortController();
  if (options.cancel) controller.abort();
  const run = await runChecks({
    client: testClient({ braze: { instance: 'US-03' } }),
    definitions,
    secrets: secretsOf({}),
    http,
    offline: options.offline ?? false,
    optIns: options.optIns ?? [],
    signal: controller.signal,
  });
  const verdict = runVerdict(run.results, {
    integrations: ['jacquard', 'optimizely'],
    optIns: options.optIns ?? [],
  });
  return {
    code: run.cancelled ? interruptedExitCode : verdictExitCodes[verdict.overall.verdict],
    verdict,
  };
}

describe('exit status = verdict, from the engine’s own results', () => {
  it('0: every check passed or warned', async () => {
    const { code, verdict } = await exitOf([
      def('braze.api_key'),
      def('s3.bucket', { run: () => Promise.resolve(outcome('warn')) }),
    ]);
    assert.equal(code, 0);
    assert.equal(verdict.byIntegration.jacquard?.verdict, 'verified');
    assert.equal(verdict.byIntegration.optimizely?.verdict, 'verified', 'braze.api_key');
  });

  it('1: a check failed, even beside checks that could not reach a verdict', async () => {
    const { code, verdict } = await exitOf([
      def('braze.api_key', { run: () => Promise.resolve(outcome('fail')) }),
      def('braze.segments', { dependsOn: ['braze.api_key'] }),
      def('odp.api_key', { run: () => Promise.resolve(outcome('inconclusive')) }),
    ]);
    assert.equal(code, 1);
    assert.deepEqual(verdict.overall.reasons, { dependency: 1, inconclusive: 1 });
  });

  const notVerified: [string, CheckDefinition[], { offline?: boolean }][] = [
    [
      'inconclusive',
      [def('braze.api_key', { run: () => Promise.resolve(outcome('inconclusive')) })],
      {},
    ],
    [
      'missingSecret',
      [def('braze.api_key', { requires: { network: false, secrets: ['braze.apiKey'] } })],
      {},
    ],
    [
      'missingInput',
      [def('s3.folder', { requires: { network: false, inputs: ['jacquard.s3Folder'] } })],
      {},
    ],
    [
      'dependency',
      [
        def('braze.api_key', { run: () => Promise.resolve(outcome('inconclusive')) }),
        def('braze.segments', { dependsOn: ['braze.api_key'] }),
      ],
      {},
    ],
    ['offline', [def('braze.api_key', { requires: { network: true } })], { offline: true }],
  ];
  for (const [reason, definitions, options] of notVerified) {
    it(`3: nothing failed, but a check is ${reason}`, async () => {
      const { code, verdict } = await exitOf([def('s3.bucket'), ...definitions], options);
      assert.equal(code, 3);
      assert.equal(verdict.overall.verdict, 'not-verified');
      assert.ok((verdict.overall.reasons[reason as 'offline'] ?? 0) >= 1, JSON.stringify(verdict));
    });
  }

  it('130: cancelled, whatever the results say', async () => {
    const { code, verdict } = await exitOf([def('braze.api_key')], { cancel: true });
    assert.equal(code, interruptedExitCode);
    assert.deepEqual(verdict.overall.reasons, { cancelled: 1 });
  });

  it('0: a check whose opt-in was not given is not requested, and is named as such', async () => {
    const { code, verdict } = await exitOf([
      def('braze.api_key'),
      def('s3.permissions', { requires: { network: false, optIn: 's3.write' } }),
    ]);
    assert.equal(code, 0);
    assert.equal(verdict.overall.notRequested, 1);
    assert.deepEqual(verdict.optInsNotGiven, ['s3.write']);
    const given = await exitOf([def('s3.permissions')], { optIns: ['s3.write'] });
    assert.deepEqual(given.verdict.optInsNotGiven, []);
  });

  it('3: a run in which nothing at all was verified is never exit 0', async () => {
    const { code } = await exitOf([
      def('s3.permissions', { requires: { network: false, optIn: 's3.write' } }),
    ]);
    assert.equal(code, 3);
  });
});
