import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';

/** One request as it reached the host: where, and the headers that carry credentials. */
export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string;
  apiKey: string;
}

/**
 * A loopback host that records every request's credentials and refuses them all (401, JSON), so a
 * test can prove which secrets reached it. It stands in for whatever host an edited client names:
 * a refusal is all a check needs to finish quickly.
 */
export interface RecordingHost {
  url: string;
  host: string;
  received: ReceivedRequest[];
  /** Every credential header value received, joined, to search for a secret. */
  credentials(): string;
}

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

export async function startRecordingHost(t: TestContext): Promise<RecordingHost> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    received.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: header(req.headers, 'authorization'),
      apiKey: header(req.headers, 'x-api-key'),
    });
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ message: 'Refused by the recording host' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}`,
    host,
    received,
    credentials: () => received.map((r) => `${r.authorization}\n${r.apiKey}`).join('\n'),
  };
}
