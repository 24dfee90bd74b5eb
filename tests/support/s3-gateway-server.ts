import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { pipeline } from 'node:stream';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  KeyRefusal,
  LoggedRequest,
  S3Action,
  S3TestBedOptions,
  TestBucket,
  TestKey,
} from './s3-gateway-types.ts';

/**
 * The gateway in front of s3rver: adds what S3 documents and s3rver lacks. SigV4 signatures are
 * recomputed with the key's secret (@smithy/signature-v4), per-key actions (optionally limited to
 * key prefixes) act as an IAM policy, temporary keys need their session token, keys may be refused
 * (expired or unknown token, disabled account, no S3 sign-up), buckets may live in
 * another region (301 PermanentRedirect + `x-amz-bucket-region`), apply SSE-KMS by default (named
 * in every object answer too) or fail with 500 InternalError, and the server's clock may be off.
 * Allowed requests go on to s3rver.
 */

const MAX_SKEW_MS = 15 * 60 * 1000;

interface S3Failure {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

const failures = {
  accessDenied: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
  unknownKey: {
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
  },
  badSignature: {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message:
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  },
  skewed: {
    status: 403,
    code: 'RequestTimeTooSkewed',
    message: 'The difference between the request time and the current time is too large.',
  },
  invalidToken: {
    status: 400,
    code: 'InvalidToken',
    message: 'The provided token is malformed or otherwise invalid.',
  },
  expiredToken: {
    status: 400,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
  },
  allAccessDisabled: {
    status: 403,
    code: 'AllAccessDisabled',
    message: 'All access to this Amazon S3 resource has been disabled.',
  },
  notSignedUp: {
    status: 403,
    code: 'NotSignUp',
    message: 'Your account is not signed up for the Amazon S3 service.',
  },
  internalError: {
    status: 500,
    code: 'InternalError',
    message: 'We encountered an internal error. Please try again.',
  },
} satisfies Record<string, S3Failure>;

const refusals: Record<KeyRefusal, S3Failure> = {
  ExpiredToken: failures.expiredToken,
  InvalidToken: failures.invalidToken,
  AllAccessDisabled: failures.allAccessDisabled,
  NotSignUp: failures.notSignedUp,
};

function classify(
  method: string,
  bucket: string,
  key: string,
  query: URLSearchParams,
): S3Action | 'other' {
  if (!bucket) return method === 'GET' ? 's3:ListAllMyBuckets' : 'other';
  if (!key) {
    if (method === 'GET' && query.has('location')) return 's3:GetBucketLocation';
    if (method === 'GET' && query.has('encryption')) return 's3:GetEncryptionConfiguration';
    if (method === 'POST' && query.has('delete')) return 's3:DeleteObject';
    if (method === 'HEAD') return 's3:ListBucket';
    if (method === 'GET' && [...query.keys()].every((k) => listParams.has(k)))
      return 's3:ListBucket';
    return 'other';
  }
  if (method === 'PUT') return 's3:PutObject';
  if (method === 'GET' || method === 'HEAD') return 's3:GetObject';
  if (method === 'DELETE') return 's3:DeleteObject';
  return 'other';
}

const listParams = new Set([
  'list-type',
  'prefix',
  'delimiter',
  'max-keys',
  'continuation-token',
  'start-after',
  'marker',
  'encoding-type',
  'fetch-owner',
]);

/** Query parameters exactly as sent (`+` stays `+`, unlike URLSearchParams). */
function rawQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent(eq === -1 ? part : part.slice(0, eq));
    out[name] = eq === -1 ? '' : decodeURIComponent(part.slice(eq + 1));
  }
  return out;
}

interface ParsedAuth {
  accessKeyId: string;
  region: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string | undefined): ParsedAuth | null {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
      header ?? '',
    );
  if (!m) return null;
  return {
    accessKeyId: m[1]!,
    region: m[2]!,
    signedHeaders: m[3]!.split(';'),
    signature: m[4]!,
  };
}

function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

function headerValue(req: http.IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : (v ?? '');
}

async function signatureMatches(
  req: http.IncomingMessage,
  url: URL,
  auth: ParsedAuth,
  key: TestKey,
  signingDate: Date,
): Promise<boolean> {
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(key.sessionToken ? { sessionToken: key.sessionToken } : {}),
    },
    region: auth.region,
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: true,
  });
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = headerValue(req, name);
  const signed = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: rawQuery(url.search),
      headers,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const computed = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
  const a = createHash('sha256').update(computed).digest();
  const b = createHash('sha256').update(auth.signature).digest();
  return a.equals(b);
}

function sendXml(
  res: http.ServerResponse,
  method: string,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/xml', ...headers });
  res.end(method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function sendFailure(res: http.ServerResponse, method: string, f: S3Failure): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  sendXml(
    res,
    method,
    f.status,
    `<Error><Code>${f.code}</Code><Message>${f.message}</Message><RequestId>${requestId}</RequestId></Error>`,
    { 'x-amz-request-id': requestId, ...f.headers },
  );
}

const KMS_KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/test-bed';

function encryptionXml(algorithm: 'AES256' | 'aws:kms'): string {
  const kmsKey = algorithm === 'aws:kms' ? `<KMSMasterKeyID>${KMS_KEY_ARN}</KMSMasterKeyID>` : '';
  return `<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${algorithm}</SSEAlgorithm>${kmsKey}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`;
}

/** The headers S3 adds to an object's GET/PUT answer for the bucket's default encryption. */
function objectEncryptionHeaders(bucket: TestBucket): Record<string, string> {
  const algorithm = bucket.encryption ?? 'AES256';
  if (algorithm === 'none') return {};
  return {
    'x-amz-server-side-encryption': algorithm,
    ...(algorithm === 'aws:kms'
      ? { 'x-amz-server-side-encryption-aws-kms-key-id': KMS_KEY_ARN }
      : {}),
  };
}

/** Decides what S3 would answer before anything reaches s3rver; null lets the request through. */
async function gatekeep(
  req: http.IncomingMessage,
  url: URL,
  action: S3Action | 'other',
  target: { bucket: string; key: string },
  options: S3TestBedOptions,
  now: number,
): Promise<{ failure: S3Failure | null; accessKeyId: string | null; region: string }> {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) return { failure: failures.accessDenied, accessKeyId: null, region: 'us-east-1' };
  const deny = (failure: S3Failure) => ({
    failure,
    accessKeyId: auth.accessKeyId,
    region: auth.region,
  });
  const key = options.keys.find((k) => k.accessKeyId === auth.accessKeyId);
  if (!key) return deny(failures.unknownKey);
  const signingDate = parseAmzDate(headerValue(req, 'x-amz-date'));
  if (!signingDate) return deny(failures.accessDenied);
  if (Math.abs(signingDate.getTime() - now) > MAX_SKEW_MS) return deny(failures.skewed);
  if (key.sessionToken !== undefined) {
    const token = headerValue(req, 'x-amz-security-token');
    if (token === '') return deny(failures.unknownKey);
    if (token !== key.sessionToken) return deny(failures.invalidToken);
  }
  if (!(await signatureMatches(req, url, auth, key, signingDate)))
    return deny(failures.badSignature);
  if (key.refusal) return deny(refusals[key.refusal]);
  if (action === 'other') return deny(failures.accessDenied);
  if (key.buckets && target.bucket && !key.buckets.includes(target.bucket))
    return deny(failures.accessDenied);
  if (key.actions && !key.actions.includes(action)) return deny(failures.accessDenied);
  const prefixes = key.objectPrefixes?.[action];
  if (prefixes && !prefixes.some((p) => target.key.startsWith(p)))
    return deny(failures.accessDenied);
  return { failure: null, accessKeyId: auth.accessKeyId, region: auth.region };
}

export function createGateway(
  options: S3TestBedOptions,
  upstreamPort: number,
  log: LoggedRequest[],
): http.Server {
  const buckets = new Map<string, TestBucket>(options.buckets.map((b) => [b.name, b]));
  const toDrop = new Set(options.dropFirstDownload ?? []);
  const latencyMs = options.latencyMs ?? 0;
  const server = http.createServer((req, res) => {
    if (latencyMs > 0) setTimeout(() => serve(req, res), latencyMs);
    else serve(req, res);
  });
  return server;

  function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (url.pathname === '/__testbed__/log') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(log));
      return;
    }
    const now = Date.now() + (options.clockOffsetMs ?? 0);
    // S3 stamps every answer with its own clock; clients compare it with theirs.
    if (options.hideServerClock) res.sendDate = false;
    else res.setHeader('date', new Date(now).toUTCString());
    const method = req.method ?? 'GET';
    const [, rawBucket = '', ...rest] = url.pathname.split('/');
    const bucketName = decodeURIComponent(rawBucket);
    const key = decodeURIComponent(rest.join('/'));
    const action = classify(method, bucketName, key, url.searchParams);
    const entry: LoggedRequest = {
      method,
      action,
      bucket: bucketName,
      key,
      accessKeyId: null,
      status: 0,
    };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));

    void gatekeep(req, url, action, { bucket: bucketName, key }, options, now).then(
      ({ failure, accessKeyId, region }) => {
        entry.accessKeyId = accessKeyId;
        if (failure) return sendFailure(res, method, failure);
        const bucket = buckets.get(bucketName);
        if (bucket?.internalError) return sendFailure(res, method, failures.internalError);
        const bucketRegion = bucket?.region ?? 'us-east-1';
        if (bucket && action === 's3:GetBucketLocation' && bucketRegion !== 'us-east-1') {
          return sendXml(
            res,
            method,
            200,
            `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${bucketRegion}</LocationConstraint>`,
          );
        }
        if (bucket && action !== 's3:GetBucketLocation' && region !== bucketRegion) {
          return sendFailure(res, method, {
            status: 301,
            code: 'PermanentRedirect',
            message:
              'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
            headers: { 'x-amz-bucket-region': bucketRegion },
          });
        }
        if (bucket && action === 's3:GetEncryptionConfiguration') {
          const algorithm = bucket.encryption ?? 'AES256';
          if (algorithm === 'none') {
            return sendFailure(res, method, {
              status: 404,
              code: 'ServerSideEncryptionConfigurationNotFoundError',
              message: 'The server side encryption configuration was not found',
            });
          }
          return sendXml(res, method, 200, encryptionXml(algorithm));
        }
        forward(req, res, upstreamPort, {
          headers: bucket ? { 'x-amz-bucket-region': bucketRegion } : {},
          objectHeaders:
            bucket && (action === 's3:GetObject' || action === 's3:PutObject')
              ? objectEncryptionHeaders(bucket)
              : {},
          dropBody: action === 's3:GetObject' && toDrop.delete(key),
        });
      },
      (err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      },
    );
  }
}

interface ForwardOptions {
  /** Added to every answer. */
  headers: Record<string, string>;
  /** Added to successful answers only, as S3 describes an object only when it serves it. */
  objectHeaders: Record<string, string>;
  dropBody: boolean;
}

function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  upstreamPort: number,
  { headers: extraHeaders, objectHeaders, dropBody }: ForwardOptions,
): void {
  const headers = { ...req.headers };
  // s3rver would try its own (incomplete) signature check; the gateway has already done it.
  delete headers.authorization;
  const upstream = http.request(
    { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers },
    (up) => {
      const status = up.statusCode ?? 502;
      const out = { ...up.headers, ...extraHeaders, ...(status < 300 ? objectHeaders : {}) };
      delete out.date;
      res.writeHead(status, out);
      if (!dropBody) {
        // A client that stops reading early (the sample's event budget) ends the upstream answer
        // too: left paused, its connection would hold s3rver's close, and the test bed, forever.
        pipeline(up, res, () => undefined);
        return;
      }
      // The client has the headers and the first bytes before the connection goes.
      up.once('data', (chunk: Buffer) => {
        up.destroy();
        res.write(chunk.subarray(0, 8), () => setTimeout(() => res.destroy(), 50));
      });
    },
  );
  upstream.on('error', (err) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502);
    res.end(String(err));
  });
  req.pipe(upstream);
}
