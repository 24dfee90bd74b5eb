/**
 * A loopback service that quotes back the secret each request carried, the way a gateway, a
 * debugging proxy or a misconfigured custom endpoint does, in the form the test chooses. It answers
 * as Braze, ODP (REST and the Custom Currents endpoint) and S3 would shape an error, so the secret
 * travels the app's real paths: Braze's `message`, ODP's `message` / `detail`, S3's error code and
 * message, an HTML page read as an excerpt.
 *   Braze: `GET /segments/list` 401 "Invalid API key: <secret>"; other GETs 500; POSTs 403
 *   "Access Denied … does not have sufficient permissions: <secret>".
 *   ODP: `/v3/…` 400 `{ title, status, detail: { message } }`; `POST /braze/currents` 400 `{ message }`.
 *   S3 (SigV4 requests): GetBucketLocation answers; for a bucket named `echo-in-code` it is refused
 *   with the secret in the error code, otherwise every other request is refused with it in the
 *   error message.
 * With `answer: 'html'`, every request gets a 200 HTML page quoting the secret instead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { echoForm, echoFormNames, type EchoFormName } from './echo-forms.ts';

export interface EchoingServiceOptions {
  /** Which form each answer quotes the secret in; `every` quotes it in every form, in turn. */
  form: EchoFormName | 'every';
  answer?: 'service' | 'html';
}

export interface EchoingService {
  url: string;
  /** The Custom Currents endpoint (an ODP-like URL on this service). */
  currentsUrl: string;
  /** Every secret quoted back, with the form it was quoted in. */
  echoed: Array<{ secret: string; form: EchoFormName }>;
  close(): Promise<void>;
}

/** The secret a request carries: a bearer token, an ODP key, or the access key id of a signature. */
function secretOf(req: IncomingMessage): string | null {
  const authorization = req.headers.authorization ?? '';
  const credential = /Credential=([^/,\s]+)\//.exec(authorization);
  if (credential) return credential[1] ?? null;
  const bearer = /^Bearer (.+)$/.exec(authorization);
  if (bearer) return bearer[1] ?? null;
  const apiKey = req.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : null;
}

const xml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers as S3; false when the answer (a bucket's location) quotes nothing. */
function sendS3(req: IncomingMessage, res: ServerResponse, quoted: string): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  const bucket = url.pathname.split('/')[1] ?? '';
  const headers = { 'content-type': 'application/xml', date: new Date().toUTCString() };
  if (url.searchParams.has('location') && bucket !== 'echo-in-code') {
    res.writeHead(200, headers);
    res.end('<?xml version="1.0" encoding="UTF-8"?><LocationConstraint/>');
    return false;
  }
  const [code, message] =
    bucket === 'echo-in-code'
      ? [`KeyRefused.${quoted}`, 'Refused.']
      : ['RequestRefused', `The request signed with ${quoted} was refused.`];
  res.writeHead(400, headers);
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${xml(code)}</Code>` +
      `<Message>${xml(message)}</Message><RequestId>echo</RequestId></Error>`,
  );
  return true;
}

/** Answers as the service the request was meant for; false when the answer quotes nothing. */
function sendService(req: IncomingMessage, res: ServerResponse, quoted: string): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if ((req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256')) {
    return sendS3(req, res, quoted);
  }
  if (path === '/braze/currents') {
    sendJson(res, 400, { message: `Bearer token ${quoted} is not accepted here` });
  } else if (path.startsWith('/v3/')) {
    sendJson(res, 400, {
      title: 'Bad Request',
      status: 400,
      detail: { message: `x-api-key ${quoted} is not valid for this account` },
    });
  } else if (req.method === 'POST') {
    sendJson(res, 403, {
      message: `Access Denied. The REST API key does not have sufficient permissions: ${quoted}`,
    });
  } else if (path === '/segments/list') {
    sendJson(res, 401, { message: `Invalid API key: ${quoted}` });
  } else {
    sendJson(res, 500, { message: `Upstream refused Authorization: Bearer ${quoted}` });
  }
  return true;
}

export async function startEchoingService(options: EchoingServiceOptions): Promise<EchoingService> {
  const echoed: EchoingService['echoed'] = [];
  let turn = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const secret = secretOf(req);
      if (secret === null) return sendJson(res, 404, { message: 'Invalid URL.' });
      const form =
        options.form === 'every' ? echoFormNames[turn % echoFormNames.length]! : options.form;
      const quoted = echoForm(secret, form);
      if (options.answer === 'html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><body><h1>Request blocked</h1><p>Credential: ${quoted}</p></body></html>`);
      } else if (!sendService(req, res, quoted)) return;
      echoed.push({ secret, form });
      turn++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    currentsUrl: `${url}/braze/currents`,
    echoed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
