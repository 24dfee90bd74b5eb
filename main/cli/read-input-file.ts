import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export type InputFile =
  | { ok: true; text: string }
  /** A folder, a device (/dev/urandom), a FIFO or a socket: nothing a CSM means as a JSON file. */
  | { ok: false; reason: 'notAFile' }
  | { ok: false; reason: 'tooLarge' }
  | { ok: false; reason: 'unreadable'; code: string };

/**
 * A file named on the command line, read within a bound. What it is and how large it is are
 * asked of the open handle before a byte is read, so a device is never read without end and a
 * file over `maxBytes` costs nothing; opening without blocking keeps a FIFO nobody writes to from
 * holding the command forever (POSIX; Windows has no FIFOs to open this way).
 */
export async function readInputFile(path: string, maxBytes: number): Promise<InputFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: errorCode(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: 'notAFile' };
    if (stats.size > maxBytes) return { ok: false, reason: 'tooLarge' };
    // Room for one byte more than allowed, so a file that grew after the stat is caught too.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { ok: false, reason: 'tooLarge' };
    }
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: errorCode(error) };
  } finally {
    await handle.close();
  }
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';
