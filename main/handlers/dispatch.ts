import { ZodError } from 'zod';
import { contract, isChannel } from '../../shared/contract/index.ts';
import { AppError, type WireResult } from '../../shared/errors.ts';
import { controlCharactersIssue } from '../../shared/types/client.ts';
import { logError } from '../log.ts';
import type { Translate } from '../translate.ts';
import type { HandlerTable } from './types.ts';

type AnyHandler = (request: unknown) => Promise<unknown>;

/**
 * The single entry into the handler table for every transport: checks the channel, validates the
 * request against the contract, runs the handler and turns any failure into `{ code, message }`.
 */
export async function dispatch(
  table: HandlerTable,
  channelName: string,
  payload: unknown,
  t: Translate,
): Promise<WireResult<unknown>> {
  if (!isChannel(channelName)) {
    return failure(new AppError('UNKNOWN_CHANNEL', t('errors:request.unknownChannel')));
  }
  const parsed = contract[channelName].request.safeParse(payload);
  if (!parsed.success) return failure(invalidRequest(parsed.error, t));
  try {
    const handler = table[channelName] as AnyHandler;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    if (error instanceof ZodError) return failure(invalidRequest(error, t));
    logError(`handler ${channelName}`, error);
    return failure(new AppError('INTERNAL', t('errors:internal')));
  }
}

const failure = (error: AppError): WireResult<never> => ({ ok: false, error: error.toJSON() });

/** What was wrong, said as precisely as the issue allows; never quoting the value. */
function invalidRequest(error: ZodError, t: Translate): AppError {
  const issue = error.issues[0];
  if (issue?.code === 'custom' && issue.params?.reason === controlCharactersIssue.reason) {
    return new AppError('BAD_REQUEST', t('errors:request.nameControl'));
  }
  return new AppError('BAD_REQUEST', t('errors:request.invalid', { field: fieldOf(error) }));
}

/** The first offending field's path, e.g. `integrations.0`; never the offending value. */
function fieldOf(error: ZodError): string {
  const path = error.issues[0]?.path ?? [];
  return path.length ? path.map(String).join('.').slice(0, 120) : '(request)';
}
