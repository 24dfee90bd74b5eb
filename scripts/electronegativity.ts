// Electronegativity over the Electron main process, the preload, shared/ and the renderer: fails on any
// HIGH or MEDIUM finding that security/electronegativity-suppressions.json does not explain.
//
//   node scripts/electronegativity.ts [--root <project folder>]
//
// The tool's CLI cannot be used as installed: it expects an older `commander` than the one npm
// hoists (it prints its usage and exits), and it always exits 0. So its runner is called directly.
// Its SARIF report carries no severity (only "warning"/"note"), so the gate reads the runner's own
// findings, and the SARIF goes to test-results/ for people and CI annotations.
import { access, cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  line: number;
  sample: string;
}

const SuppressionsSchema = z.object({
  suppressions: z.array(
    z
      .object({
        check: z.string().regex(/^[A-Z_]+_CHECK$/),
        file: z.string().min(1),
        /** Part of the flagged line, so the excuse covers that code and not whatever comes next. */
        code: z.string().min(8),
        reason: z.string().min(20),
      })
      .strict(),
  ),
});
export type Suppression = z.infer<typeof SuppressionsSchema>['suppressions'][number];

export const suppressionsFile = join('security', 'electronegativity-suppressions.json');
const blockingSeverities = new Set(['HIGH', 'MEDIUM']);

export interface Verdict {
  failing: Finding[];
  suppressed: Finding[];
  /** Suppressions that no longer match a finding: the reviewed file must not keep dead excuses. */
  stale: Suppression[];
}

export function judge(findings: Finding[], suppressions: Suppression[]): Verdict {
  const blocking = findings.filter((f) => blockingSeverities.has(f.severity));
  const covers = (s: Suppression, f: Finding): boolean =>
    s.check === f.check && s.file === f.file && f.sample.includes(s.code);
  return {
    failing: blocking.filter((f) => !suppressions.some((s) => covers(s, f))),
    suppressed: blocking.filter((f) => suppressions.some((s) => covers(s, f))),
    stale: suppressions.filter((s) => !blocking.some((f) => covers(s, f))),
  };
}

export async function readSuppressions(root: string): Promise<Suppression[]> {
  const text = await readFile(join(root, suppressionsFile), 'utf8');
  return SuppressionsSchema.parse(JSON.parse(text)).suppressions;
}

/**
 * Copies what ships in the Electron app (main/, preload/, shared/, the renderer's sources and HTML,
 * and package.json for the Electron version) into one folder, so the global checks (navigation,
 * permission handler) see the whole app at once and nothing else (tests, fakes, bundles) adds noise.
 */
async function stage(root: string, into: string): Promise<string[]> {
  const copied: string[] = [];
  // The renderer's sources too: a React component can still open windows, navigate or embed.
  for (const dir of ['main', 'preload', 'shared', join('renderer', 'src')]) {
    await cp(join(root, dir), join(into, dir), { recursive: true });
    copied.push(`${dir}/`);
  }
  // Modules beside renderer/src are bundled into the renderer too; Vite's config is not.
  const rendererModules = (await readdir(join(root, 'renderer'))).filter(
    (name) => /\.tsx?$/.test(name) && !name.endsWith('.config.ts'),
  );
  for (const name of rendererModules) {
    await cp(join(root, 'renderer', name), join(into, 'renderer', name));
    copied.push(`renderer/${name}`);
  }
  // The built HTML when there is a build; before `npm run build` the source it is built from.
  const htmlDirs = [join('out', 'renderer'), 'renderer'];
  for (const dir of htmlDirs) {
    const html = await htmlFiles(join(root, dir));
    if (html.length === 0) continue;
    await mkdir(join(into, dir), { recursive: true });
    for (const name of html) await cp(join(root, dir, name), join(into, dir, name));
    copied.push(...html.map((name) => `${dir}/${name}`));
    break;
  }
  await cp(join(root, 'package.json'), join(into, 'package.json'));
  return copied;
}

async function htmlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.html'));
  } catch {
    return [];
  }
}

interface RunnerIssue {
  id: string;
  file: string;
  severity: { name: string };
  location: { line: number };
  sample?: string;
}
type Runner = (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{
  issues: RunnerIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}>;

/**
 * Loads the runner with its HTTP client replaced by one that fails at once: the tool would
 * otherwise fetch translations and Electron's release list from GitHub on every run (and its
 * HTTP client crashes on Node 24). The release list only feeds a "newer Electron exists" hint.
 */
function loadRunner(): Runner {
  const require = createRequire(import.meta.url);
  const pkg = '@doyensec/electronegativity/dist';
  for (const user of [
    `${pkg}/locales/i18n.js`,
    `${pkg}/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js`,
  ]) {
    const gotPath = createRequire(require.resolve(user)).resolve('got');
    const offline = Object.assign(() => Promise.reject(new Error('offline by design')), {
      head: () => Promise.reject(new Error('offline by design')),
    });
    const stub = new Module(gotPath);
    stub.filename = gotPath;
    stub.loaded = true;
    stub.exports = offline;
    require.cache[gotPath] = stub;
  }
  return require(`${pkg}/runner.js`) as Runner;
}

export async function scan(root: string, sarifPath: string): Promise<Finding[]> {
  const staging = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  try {
    const copied = await stage(root, staging);
    console.log(`electronegativity: scanning ${copied.join(', ')}`);
    const run = loadRunner();
    const result = await run(
      {
        input: staging,
        output: sarifPath,
        isSarif: true,
        isRelative: true,
        customScan: [],
        excludeFromScan: [],
        parserPlugins: [],
      },
      false,
    );
    const broken = result.errors.filter((e) => !e.tolerable);
    if (broken.length > 0) {
      // A file the tool could not parse is a file it did not check.
      throw new Error(
        `electronegativity could not parse: ${broken.map((e) => `${e.file}: ${e.message}`).join('; ')}`,
      );
    }
    return result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      file: issue.file.split('\\').join('/'),
      line: issue.location.line,
      sample: issue.sample ?? '',
    }));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

const describe = (f: Finding): string =>
  `  ${f.severity} ${f.check} ${f.file}:${f.line}  ${f.sample.slice(0, 160)}`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { root: { type: 'string' } } });
  const root = resolve(values.root ?? join(import.meta.dirname, '..'));
  await access(join(root, 'package.json'));
  const sarifDir = join(root, 'test-results');
  await mkdir(sarifDir, { recursive: true });
  const sarif = join(sarifDir, 'electronegativity.sarif');
  const suppressions = await readSuppressions(root);
  const findings = await scan(root, sarif);
  const verdict = judge(findings, suppressions);
  const minor = findings.filter((f) => !blockingSeverities.has(f.severity));
  if (minor.length)
    console.log(`Low/informational (not blocking):\n${minor.map(describe).join('\n')}`);
  if (verdict.suppressed.length) {
    console.log(
      `Suppressed (see ${suppressionsFile}):\n${verdict.suppressed.map(describe).join('\n')}`,
    );
  }
  let failed = false;
  if (verdict.failing.length) {
    failed = true;
    console.error(
      `Electronegativity: ${verdict.failing.length} HIGH/MEDIUM finding(s). Fix the code, or ` +
        `add a reviewed entry with its reason to ${suppressionsFile}:\n` +
        verdict.failing.map(describe).join('\n'),
    );
  }
  if (verdict.stale.length) {
    failed = true;
    console.error(
      `Suppressions that match nothing any more (remove them from ${suppressionsFile}):\n` +
        verdict.stale.map((s) => `  ${s.check} ${s.file}`).join('\n'),
    );
  }
  console.log(`electronegativity: ${failed ? 'FAILED' : 'passed'} (SARIF report: ${sarif})`);
  return failed ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main();
