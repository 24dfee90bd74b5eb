import { AVRO_LIMITS } from './avro-limits.ts';
import { AvroRefusal } from './avro-refusal.ts';
import { ByteQueue } from './byte-queue.ts';

/**
 * Reads an Avro object container file (header, then blocks: count, size, bytes, sync marker) from
 * a stream, block by block. avsc's own stream decoder trusts what a file declares and joins its
 * buffer to every chunk, so a file that lies about a length costs unbounded time and memory: this
 * reader checks each declared length and count against the limits and against what is left of the
 * file before it waits for those bytes, and holds at most one block. avsc still decodes the events.
 */

export interface AvroHeader {
  schema: string;
  codec: string;
  sync: Buffer;
}

export interface AvroBlock {
  /** Events the block declares. */
  count: number;
  /** As stored, before its codec. */
  data: Buffer;
  /** `data` is a copy of its own, which its reader may release once done with the block. */
  copied: boolean;
}

const MAGIC = Buffer.from('Obj\x01', 'latin1');
const SYNC_BYTES = 16;
/** A metadata entry is at least a key length and a value length. */
const MIN_ENTRY_BYTES = 2;
/** A codec name is quoted in the refusal; a real one is a word. */
const MAX_QUOTED_CODEC = 40;

export class AvroContainerReader {
  readonly #chunks: AsyncIterator<Buffer>;
  readonly #queue = new ByteQueue();
  readonly #size: number | undefined;
  readonly #onBytes: (bytes: number) => void;
  #ended = false;
  /** Bytes taken from the front of the file so far. */
  #offset = 0;
  #sync: Buffer | null = null;

  /**
   * `size`: the file's length when the server said it. `onBytes` hears of every chunk received,
   * so the caller can count what the file cost.
   */
  constructor(
    chunks: AsyncIterable<Buffer>,
    options: { size?: number; onBytes?: (bytes: number) => void } = {},
  ) {
    this.#chunks = chunks[Symbol.asyncIterator]();
    this.#size = options.size;
    this.#onBytes = options.onBytes ?? (() => undefined);
  }

  async header(): Promise<AvroHeader> {
    const magic = await this.#take(MAGIC.length, 'header');
    if (!magic.equals(MAGIC)) throw new AvroRefusal('notAvro');
    const meta = new Map<string, Buffer>();
    for (;;) {
      let count = await this.#long();
      if (count === 0) break;
      if (count < 0) {
        // A negative count is followed by the byte size of the entries (the spec's "blocked" form).
        count = -count;
        this.#bound(await this.#long(), 'header');
      }
      const left = this.#headerLeft();
      if (count * MIN_ENTRY_BYTES > left) {
        throw new AvroRefusal('metadataCount', { count, bytes: left });
      }
      for (let i = 0; i < count; i++) {
        const key = (
          await this.#take(this.#bound(await this.#long(), 'header'), 'header')
        ).toString();
        const value = await this.#take(this.#bound(await this.#long(), 'header'), 'header');
        // Only what the audit reads is kept; the other entries are counted and dropped.
        if (key === 'avro.schema' || key === 'avro.codec') meta.set(key, value);
      }
    }
    this.#sync = await this.#take(SYNC_BYTES, 'header');
    const schema = meta.get('avro.schema');
    if (!schema) throw new AvroRefusal('schemaInvalid');
    const codec = meta.get('avro.codec')?.toString() ?? 'null';
    return { schema: schema.toString(), codec: codec.slice(0, MAX_QUOTED_CODEC), sync: this.#sync };
  }

  /** True once the file has ended cleanly between blocks. */
  async ended(): Promise<boolean> {
    return !(await this.#fill(1));
  }

  /** The next block, or null where the file ends cleanly between blocks. */
  async block(): Promise<AvroBlock | null> {
    if (!this.#sync) throw new Error('read the header first');
    if (await this.ended()) return null;
    const count = await this.#long();
    const size = this.#bound(await this.#long(), 'block');
    if (count < 0) throw new AvroRefusal('corrupt');
    const { bytes: data, copied } = await this.#takeBytes(size, 'block');
    const sync = await this.#take(SYNC_BYTES, 'block');
    if (!sync.equals(this.#sync)) throw new AvroRefusal('syncMismatch');
    return { count, data, copied };
  }

  /** Bytes left in the file, when its size is known. */
  #inFile(): number {
    return this.#size === undefined ? Infinity : this.#size - this.#offset;
  }

  /** Bytes the header may still take: its allowance, or the file's end if nearer. */
  #headerLeft(): number {
    return Math.min(this.#inFile(), AVRO_LIMITS.headerBytes - this.#offset);
  }

  /** A declared length, refused before any byte of it is awaited when it cannot be true. */
  #bound(declared: number, part: 'header' | 'block'): number {
    if (declared < 0 || !Number.isSafeInteger(declared)) throw new AvroRefusal('corrupt');
    const remaining = this.#inFile();
    if (declared > remaining) throw new AvroRefusal('lengthBeyondEnd', { declared, remaining });
    if (part === 'header' && declared > AVRO_LIMITS.headerBytes - this.#offset) {
      throw new AvroRefusal('headerTooLarge', { limit: AVRO_LIMITS.headerBytes });
    }
    if (part === 'block' && declared > AVRO_LIMITS.blockBytes) {
      throw new AvroRefusal('blockTooLarge', { limit: AVRO_LIMITS.blockBytes });
    }
    return declared;
  }

  async #long(): Promise<number> {
    for (;;) {
      const peeked = this.#queue.peekLong();
      if (peeked && 'tooLong' in peeked) throw new AvroRefusal('corrupt');
      if (peeked) {
        this.#queue.take(peeked.size);
        this.#offset += peeked.size;
        return peeked.value;
      }
      if (!(await this.#more())) throw new AvroRefusal('truncated');
    }
  }

  async #take(n: number, part: 'header' | 'block'): Promise<Buffer> {
    return (await this.#takeBytes(n, part)).bytes;
  }

  async #takeBytes(
    n: number,
    part: 'header' | 'block',
  ): Promise<{ bytes: Buffer; copied: boolean }> {
    if (part === 'header' && this.#offset + n > AVRO_LIMITS.headerBytes) {
      throw new AvroRefusal('headerTooLarge', { limit: AVRO_LIMITS.headerBytes });
    }
    if (!(await this.#fill(n))) throw new AvroRefusal('truncated');
    this.#offset += n;
    return this.#queue.take(n);
  }

  /** Waits until `n` bytes are queued; false when the file ends first. */
  async #fill(n: number): Promise<boolean> {
    while (this.#queue.length < n) {
      if (!(await this.#more())) return false;
    }
    return true;
  }

  async #more(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#chunks.next();
    if (next.done) {
      this.#ended = true;
      return false;
    }
    this.#onBytes(next.value.length);
    this.#queue.push(next.value);
    return true;
  }
}
