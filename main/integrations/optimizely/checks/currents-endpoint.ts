import type { Client } from '../../../../shared/types/client.ts';
import type { CheckContext, CheckDefinition, CheckOutcome } from '../../../checks/types.ts';
import { skipped } from '../../../checks/outcomes.ts';
import { shownMessage } from '../api.ts';
import { textExcerpt } from '../../../net/excerpt.ts';
import { isCurrentsEndpointAnswer } from './currents-answer.ts';
import { ns } from './shared.ts';

/** The opt-in that allows one empty POST to the ingestion URL. */
export const currentsLiveOptIn = 'odp.currentsLive';

/** RFC 6750 `b64token`: Braze sends the token as `Authorization: Bearer <token>`. */
const b64token = /^[A-Za-z0-9\-._~+/]+=*$/;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

type UrlVerdict = { ok: true; url: URL; local: boolean } | { ok: false; reason: string };

/**
 * Braze can only post to https. Plain http is accepted for a loopback host only where the app was
 * started to rehearse on local services (`--allow-insecure-loopback`, the demo and the tests).
 */
export function inspectCurrentsUrl(text: string, allowLoopback: boolean): UrlVerdict {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'notUrl' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentialsInUrl' };
  if (url.protocol === 'https:') return { ok: true, url, local: false };
  if (allowLoopback && url.protocol === 'http:' && loopbackHosts.has(url.hostname))
    return { ok: true, url, local: true };
  return { ok: false, reason: 'notHttps' };
}

export const isBearerToken = (token: string): boolean => b64token.test(token);

function currentsHost(client: Client): string | null {
  const verdict = inspectCurrentsUrl(client.inputs['odp.currentsUrl'] ?? '', true);
  return verdict.ok ? verdict.url.host : null;
}

/**
 * What Braze's Custom Currents contract says an endpoint must do with an empty batch: check the
 * bearer token and do nothing. ODP does not document its behaviour, so the verdict is a hint.
 */
async function probe(ctx: CheckContext, url: URL, token: string): Promise<CheckOutcome> {
  const res = await ctx.http.request(
    {
      method: 'POST',
      url: url.toString(),
      headers: {
        authorization: `Bearer ${token}`,
        'braze-currents-version': '1',
        'content-type': 'application/json',
      },
      body: { events: [] },
      retry: false,
    },
    ctx.signal,
  );
  const params = { status: res.status, host: url.host };
  const details = { live: true, hint: true, status: res.status };
  // A 404 means no endpoint at this path whoever wrote the page (an HTML "Not Found" is typical).
  if (res.status === 404) {
    return { status: 'fail', messageKey: `${ns}:currents.liveNotFound`, params, details };
  }
  // 5xx say the server failed, whoever wrote the page: worded below like any unexpected status.
  if (res.status < 500 && !isCurrentsEndpointAnswer(res)) {
    const excerpt = textExcerpt(res.text);
    return {
      status: 'inconclusive',
      messageKey: `${ns}:currents.liveNotOdp`,
      params: { ...params, excerpt: excerpt || '—' },
      details: { ...details, answer: 'not ODP', bodyExcerpt: excerpt },
    };
  }
  if (res.status >= 200 && res.status < 300) {
    return { status: 'pass', messageKey: `${ns}:currents.liveAccepted`, params, details };
  }
  if (res.status === 401 || res.status === 403) {
    return { status: 'fail', messageKey: `${ns}:currents.liveTokenRejected`, params, details };
  }
  return {
    status: 'inconclusive',
    messageKey: `${ns}:currents.liveUnexpected`,
    params: { ...params, message: shownMessage(res) },
    details,
  };
}

export const currentsEndpointCheck: CheckDefinition = {
  id: 'odp.currents_endpoint',
  requires: { inputs: ['odp.currentsUrl'], secrets: ['odp.currentsToken'], network: false },
  host: currentsHost,
  async run(ctx) {
    const verdict = inspectCurrentsUrl(
      ctx.client.inputs['odp.currentsUrl'] ?? '',
      ctx.http.policy.allowInsecureLoopback,
    );
    if (!verdict.ok) {
      return { status: 'fail', messageKey: `${ns}:currents.url.${verdict.reason}` };
    }
    const token = await ctx.secrets.get('odp.currentsToken');
    if (!token) return { status: 'fail', messageKey: `${ns}:currents.tokenMissing` };
    if (!isBearerToken(token)) {
      return {
        status: 'fail',
        messageKey: `${ns}:currents.tokenInvalid`,
        params: { length: token.length },
      };
    }
    if (ctx.optIns.has(currentsLiveOptIn)) {
      // Asked for, but impossible now: the last live result stays rather than a weaker one.
      return ctx.offline ? skipped('offline') : probe(ctx, verdict.url, token);
    }
    if (verdict.local) {
      return {
        status: 'pass',
        messageKey: `${ns}:currents.localUrl`,
        params: { host: verdict.url.host },
        details: { live: false },
      };
    }
    return {
      status: 'pass',
      messageKey: `${ns}:currents.formatOk`,
      params: { host: verdict.url.host },
      details: { live: false },
    };
  },
};
