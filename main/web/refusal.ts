import type { ServerResponse } from 'node:http';
import type { ErrorCode, WireResult } from '../../shared/errors.ts';
import { isApiPath } from '../../shared/web-protocol.ts';
import { escapeHtml } from '../reports/escape.ts';
import { securityHeaders } from '../security/headers.ts';
import type { Services } from '../services.ts';

interface Refusal {
  status: number;
  /** What the renderer branches on: it shows the message that comes with it. */
  code: ErrorCode;
  key: string;
}

/** Every way browser mode turns a request away. */
export const refusals = {
  linkUsed: { status: 403, code: 'FORBIDDEN', key: 'app:browserMode.linkUsed' },
  sessionMissing: { status: 401, code: 'FORBIDDEN', key: 'app:browserMode.sessionMissing' },
  wrongHost: { status: 421, code: 'FORBIDDEN', key: 'app:browserMode.wrongHost' },
  foreignOrigin: { status: 403, code: 'FORBIDDEN', key: 'app:browserMode.foreignOrigin' },
  missingApiHeader: { status: 403, code: 'FORBIDDEN', key: 'app:browserMode.notAppRequest' },
  notJson: { status: 415, code: 'BAD_REQUEST', key: 'app:browserMode.notAppRequest' },
  wrongMethod: { status: 405, code: 'BAD_REQUEST', key: 'app:browserMode.notAppRequest' },
  tooLarge: { status: 413, code: 'BAD_REQUEST', key: 'app:browserMode.tooLarge' },
  notFound: { status: 404, code: 'NOT_FOUND', key: 'app:browserMode.notFound' },
  /** A channel name that is not even valid percent-encoding: it cannot name any channel. */
  malformedChannel: { status: 400, code: 'UNKNOWN_CHANNEL', key: 'errors:request.unknownChannel' },
  internal: { status: 500, code: 'INTERNAL', key: 'app:errors.codes.INTERNAL' },
} as const satisfies Record<string, Refusal>;

export type RefusalReason = keyof typeof refusals;

/**
 * Answers a refusal in the CSM's language: the renderer's API calls get the `WireResult` error it
 * already shows, a page load gets a small page a person can read.
 */
export function refuse(
  res: ServerResponse,
  path: string,
  reason: RefusalReason,
  services: Pick<Services, 't' | 'store'>,
  params: Record<string, string | number> = {},
): void {
  const { status, code, key } = refusals[reason];
  const language = services.store.settings().language;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const message = services.t(
    key,
    Object.fromEntries(
      Object.entries(params).map(([name, v]) => [
        name,
        typeof v === 'number' ? number.format(v) : v,
      ]),
    ),
  );
  if (isApiPath(path)) {
    const body: WireResult<never> = { ok: false, error: { code, message } };
    res.writeHead(status, {
      ...securityHeaders,
      'content-type': 'application/json; charset=utf-8',
    });
    res.end(JSON.stringify(body));
    return;
  }
  const title = escapeHtml(services.t('app:browserMode.pageTitle'));
  res.writeHead(status, { ...securityHeaders, 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>${title}</title>` +
      `<h1>${title}</h1><p>${escapeHtml(message)}</p></html>\n`,
  );
}
