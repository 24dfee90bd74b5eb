import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { startBrazeFake, type BrazeFake } from '../support/braze-fake.ts';
import { acme, brazeJsonArgs, cli, clientFile, type JsonReport } from '../support/cli-check.ts';
import { cliBin } from '../support/cli-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const noCanvasKey = 'no-canvas-key-0123456789';
const limitedOnceKey = 'limited-once-key-0123456789';

let fake: BrazeFake;
before(async () => {
  fake = await startBrazeFake({
    keys: {
      [noCanvasKey]: {
        permissions: [
          'users.track',
          'users.export.segment',
          'segments.list',
          'campaigns.trigger.send',
        ],
      },
      // Its first request is answered 429 with a reset 2 s ahead, every later one as usual.
      [limitedOnceKey]: { rateLimitFirst: 1, rateLimitResetInS: 2 },
    },
  });
});
after(() => fake.close());

/**
 * The CLI with stderr on a real terminal (util-linux `script` gives it a pseudo-terminal) and
 * stdout redirected to a file, as in `partner-setup check --json > report.json` typed in a shell.
 * Paths travel as variables so that the shell command needs no quoting of its own.
 */
async function checkOnTerminal(t: TestContext, env: Record<string, string>) {
  const out = join(await tempDir(t), 'report.json');
  const command = `"$CLI_NODE" "$CLI_BIN" ${brazeJsonArgs('"$CLI_FILE"').join(' ')} > "$CLI_OUT"`;
  const ran = await cli(
    ['-qec', command, '/dev/null'],
    {
      CLI_NODE: process.execPath,
      CLI_BIN: cliBin,
      CLI_FILE: await clientFile(t, acme(fake.url)),
      CLI_OUT: out,
      BRAZE_API_KEY: noCanvasKey,
      ...env,
    },
    { command: 'script', prefix: [] },
  );
  const report = JSON.parse(await readFile(out, 'utf8')) as JsonReport;
  // The terminal ends lines with CR LF.
  return { code: ran.code, terminal: ran.stdout.replaceAll('\r\n', '\n'), report };
}

const statusWords: Record<string, [word: string, colour: string]> = {
  pass: ['Passed', '32'],
  fail: ['Failed', '31'],
};

/** One `[n/total] Status check.id (N ms)` line per check, in the order they finished. */
function assertProgressLines(terminal: string, report: JsonReport, coloured: boolean): void {
  const lines = terminal.trimEnd().split('\n');
  assert.equal(lines.length, report.checks.length, terminal);
  const finished = lines.map((line, i) => {
    // Escape codes made visible, so the pattern below holds no control character.
    const visible = line.replaceAll('\u001b[', '<ESC>');
    const match = /^\[(\d+)\/(\d+)\] (?:<ESC>(\d+)m)?(\w+)(?:<ESC>0m)? ([\w.]+) \(\d+ ms\)$/.exec(
      visible,
    );
    assert.ok(match, JSON.stringify(line));
    const [, done, total, colour, word, id] = match;
    assert.deepEqual([Number(done), Number(total)], [i + 1, report.checks.length]);
    const [expectedWord, expectedColour] =
      statusWords[report.checks.find((c) => c.id === id)?.status ?? ''] ?? [];
    assert.deepEqual([word, colour], [expectedWord, coloured ? expectedColour : undefined], line);
    return id;
  });
  assert.deepEqual(finished.sort(), report.checks.map((c) => c.id).sort());
}

describe('partner-setup check with stderr on a terminal', () => {
  it('writes one coloured progress line per check; the JSON on stdout has no colour', async (t) => {
    const { code, terminal, report } = await checkOnTerminal(t, {});
    assert.equal(code, 1, terminal);
    assert.ok(report.checks.some((c) => c.status === 'fail'));
    assertProgressLines(terminal, report, true);
    assert.ok(!JSON.stringify(report).includes('\u001b'));
  });

  it('says when a check waits for Braze’s rate limit, once, besides the progress lines', async (t) => {
    const { code, terminal, report } = await checkOnTerminal(t, {
      NO_COLOR: '1',
      BRAZE_API_KEY: limitedOnceKey,
    });
    assert.equal(code, 0, terminal);
    const host = new URL(fake.url).host.replaceAll('.', '\\.');
    const wait = new RegExp(
      `^ +braze\\.[\\w.]+: waiting \\d+ s: ${host} asked for a pause \\(rate limit\\)$`,
    );
    const lines = terminal.trimEnd().split('\n');
    const waits = lines.filter((line) => wait.test(line));
    assert.equal(waits.length, 1, terminal);
    assertProgressLines(lines.filter((line) => !wait.test(line)).join('\n'), report, false);
  });

  it('honours NO_COLOR: the same lines without escape codes', async (t) => {
    const { code, terminal, report } = await checkOnTerminal(t, { NO_COLOR: '1' });
    assert.equal(code, 1, terminal);
    assert.ok(!terminal.includes('\u001b'), JSON.stringify(terminal));
    assertProgressLines(terminal, report, false);
  });
});
