import { randomUUID } from 'node:crypto';
import { bundleLimits } from '../../../shared/bundle/limits.ts';
import { parseBundle } from '../../../shared/bundle/parse.ts';
import { bundleProblemText } from '../../../shared/bundle/problems.ts';
import { tooLargeProblem } from '../../../shared/bundle/size.ts';
import { clientFromFile } from '../../../shared/client-file.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import type { Client } from '../../../shared/types/client.ts';
import { checksForClient, recordRun, runClientChecks } from '../../checks/client-run.ts';
import { checkOwners } from '../../checks/registry.ts';
import { runVerdict } from '../../checks/run-verdict.ts';
import type { SecretReader } from '../../checks/types.ts';
import { EnvSecretStore } from '../../keychain/env-store.ts';
import { createHttpClient } from '../../net/http-client.ts';
import type { Translate } from '../../translate.ts';
import { readInputFile } from '../read-input-file.ts';
import { interruptedExitCode, UsageError, verdictExitCodes, type CliIo } from '../command.ts';
import type { CheckOptions } from './check-options.ts';
import { jsonReport, progressLine, rateLimitWaitLines, textReport } from './check-report.ts';

interface LoadedClient {
  client: Client;
  secrets: SecretReader;
  source: 'file' | 'saved';
  /** Stores the results with a saved client (nothing for a client file). */
  save(record: (draft: Client) => void): Promise<void>;
}

/** A client file is an exported bundle, so it goes through the import's own validation. */
async function loadFromFile(
  path: string,
  env: NodeJS.ProcessEnv,
  t: Translate,
): Promise<LoadedClient> {
  const file = await readInputFile(path, bundleLimits.maxBytes);
  if (!file.ok) {
    if (file.reason === 'notAFile') throw new UsageError(t('cli:notAFile', { path }));
    if (file.reason === 'unreadable') {
      throw new UsageError(t('cli:check.cannotRead', { path, code: file.code }));
    }
    const problem = bundleProblemText(tooLargeProblem, t);
    throw new UsageError(t('cli:check.clientFile', { path, problem }));
  }
  // A file written by hand may leave the checksum out; one present is always verified.
  const parsed = await parseBundle(file.text, { requireChecksum: false });
  if (!parsed.ok) {
    const problem = bundleProblemText(parsed.problem, t);
    // The checksum catches damage; an export edited on purpose (pointed at local services) trips
    // it too, so say how to run such a file.
    const hint =
      parsed.problem.key === 'checksumMismatch' ? ` ${t('reports:bundle.editedClientFile')}` : '';
    throw new UsageError(t('cli:check.clientFile', { path, problem: `${problem}${hint}` }));
  }
  const envSecrets = new EnvSecretStore(env);
  return {
    client: clientFromFile(parsed.bundle, randomUUID()),
    secrets: { get: (name) => envSecrets.get('', name) },
    source: 'file',
    save: () => Promise.resolve(),
  };
}

async function loadSaved(name: string, io: CliIo, t: Translate): Promise<LoadedClient> {
  // Loaded only here: a client-file run never opens the store or the keychain.
  const { openCliServices } = await import('../cli-services.ts');
  const services = await openCliServices(io);
  const client = services.store.findByName(name);
  if (!client) throw new UsageError(t('cli:check.noSavedClient', { name }));
  return {
    client,
    secrets: { get: (secret) => services.keychain.get(client.id, secret) },
    source: 'saved',
    save: async (record) => {
      await services.store.update(client.id, record);
    },
  };
}

/** Runs the checks of the client the options name; the options were checked already. */
export async function runCheck(options: CheckOptions, io: CliIo, t: Translate): Promise<number> {
  const i18n = createI18n(options.lang);
  const loaded =
    options.clientFile !== undefined
      ? await loadFromFile(options.clientFile, io.env, t)
      : await loadSaved(options.client ?? '', io, t);
  const filter = options.only !== undefined ? { only: options.only } : {};
  const total = checksForClient(loaded.client, filter).length;
  if (options.only !== undefined && total === 0) {
    const owners = checksForClient(loaded.client).flatMap((def) => checkOwners.get(def.id) ?? []);
    const choices = [...new Set([...loaded.client.integrations, ...owners])].join(', ');
    throw new UsageError(t('cli:check.only', { value: options.only, choices }));
  }
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  let finished = 0;
  const waits = rateLimitWaitLines();
  try {
    const outcome = await runClientChecks({
      client: loaded.client,
      ...filter,
      secrets: loaded.secrets,
      http: createHttpClient({
        allowInsecureLoopback: options.allowInsecureLoopback,
        timeoutMs: options.timeoutMs,
      }),
      optIns: options.optIns,
      signal: controller.signal,
      onEvent: (event) => {
        if (!io.stderr.isTTY) return;
        if (event.state === 'done') {
          io.stderr.lines(progressLine(++finished, total, event.result, i18n.t));
        } else if (event.state === 'running' && event.rateLimitWait) {
          const line = waits.line(event.checkId, event.rateLimitWait, i18n.t);
          if (line !== null) io.stderr.lines(line);
        }
      },
    });
    await loaded.save((draft) => recordRun(draft, outcome));
    const verdict = runVerdict(outcome.results, {
      integrations: loaded.client.integrations,
      optIns: options.optIns,
    });
    const report = { client: loaded.client, results: outcome.results, verdict };
    io.stdout.lines(
      ...(options.json
        ? jsonReport(report, loaded.source, createI18n('en'))
        : textReport(report, i18n.t)),
    );
    if (outcome.cancelled) {
      const unfinished = outcome.results.filter(
        (r) => r.messageKey === 'checks:skip.cancelled',
      ).length;
      io.stderr.lines(`partner-setup check: ${t('cli:check.interrupted', { unfinished, total })}`);
      return interruptedExitCode;
    }
    return verdictExitCodes[verdict.overall.verdict];
  } finally {
    process.off('SIGINT', onSigint);
  }
}
