import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/**
 * Reads a request body as UTF-8, refusing as soon as it passes `limit` bytes. The rest is read and
 * dropped rather than the connection cut: a client still sending when the socket closes gets a
 * reset instead of the refusal, and the CSM would see "not answering" instead of "too large".
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = (): void => {
      req.removeAllListeners('data');
      req.resume();
      reject(new BodyTooLarge());
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse();
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks = [];
      refuse();
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
