import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { bundleLimits } from '../../shared/bundle/limits.ts';
import { createI18n } from '../../shared/i18n/index.ts';
import { runCli } from '../support/cli-process.ts';
import { tempDir } from '../support/temp-dir.ts';

// `partner-setup import FILE` and `check --client-file FILE` look at what FILE is before reading
// it: a device or a FIFO is refused at once (one translated line, exit 2) instead of being read
// forever or waited on, and a file over the bundle limit is refused without being read.

const commands = {
  import: (file: string) => ['import', file],
  check: (file: string) => ['check', '--client-file', file, '--json'],
};

/**
 * Ends a run that hangs, so a regression fails instead of blocking the suite: a refusal takes a
 * second or two, a CLI start on a busy machine up to 30 s.
 */
const hangLimitMs = 180_000;

/** The CLI on a fresh home, ended by SIGTERM if it hangs. */
const runOn = async (t: TestContext, args: string[]) =>
  runCli(
    args,
    {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NO_COLOR: '1',
      PARTNER_SETUP_HOME: await tempDir(t),
    },
    { timeoutMs: hangLimitMs },
  );

const en = createI18n('en');

describe('files that are not files', () => {
  it('check: the refusal is in the --lang language', async (t) => {
    const ran = await runOn(t, [...commands.check('/dev/null'), '--lang', 'de']);
    assert.equal(ran.code, 2, ran.stderr);
    assert.ok(
      ran.stderr.includes(createI18n('de').t('cli:notAFile', { path: '/dev/null' })),
      ran.stderr,
    );
  });

  for (const [command, args] of Object.entries(commands)) {
    it(`${command}: a character device (/dev/null) is refused as not a file`, async (t) => {
      const ran = await runOn(t, args('/dev/null'));
      assert.equal(ran.code, 2, ran.stderr);
      assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
      assert.ok(
        ran.stderr.includes(en.t('cli:notAFile', { path: '/dev/null' })),
        `not the not-a-file message: ${ran.stderr}`,
      );
    });

    it(`${command}: a FIFO nobody writes to is refused at once, not waited on`, async (t) => {
      const fifo = join(await tempDir(t), 'client.json');
      execFileSync('mkfifo', [fifo]);
      const ran = await runOn(t, args(fifo));
      assert.equal(ran.code, 2, `ended by ${ran.code === null ? 'the hang limit' : ran.stderr}`);
      assert.ok(ran.stderr.includes(en.t('cli:notAFile', { path: fifo })), ran.stderr);
    });

    it(`${command}: a folder is refused as not a file`, async (t) => {
      const folder = join(await tempDir(t), 'bundle.json');
      await mkdir(folder);
      const ran = await runOn(t, args(folder));
      assert.equal(ran.code, 2, ran.stderr);
      assert.ok(ran.stderr.includes(en.t('cli:notAFile', { path: folder })), ran.stderr);
    });

    it(`${command}: a file over the limit is refused by its size, without reading it`, async (t) => {
      // Sparse: 2 GB on paper, no disk used; reading it would take seconds and gigabytes.
      const file = join(await tempDir(t), 'huge.json');
      const handle = await open(file, 'w');
      await handle.truncate(2 * 1024 ** 3);
      await handle.close();
      const ran = await runOn(t, args(file));
      assert.equal(ran.code, 2, ran.stderr);
      assert.equal(ran.stderr.trim().split('\n').length, 1, ran.stderr);
      assert.ok(
        ran.stderr.includes(
          en.t('reports:bundle.problems.tooLarge', { maxMb: bundleLimits.maxBytes / 1024 ** 2 }),
        ),
        ran.stderr,
      );
    });
  }
});
