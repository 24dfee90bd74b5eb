import { crc32, deflateRaw, inflateRawSync } from 'node:zlib';
import * as snappy from 'snappyjs';
import { AvroRefusal } from './avro-refusal.ts';

/** Decompresses one block; refuses one that would hold more than `maxBytes` once decompressed. */
export type BlockCodec = (data: Buffer, maxBytes: number) => Buffer;

type Callback = (err: Error | null, data?: Buffer) => void;
export type Codec = (buf: Buffer, cb: Callback) => void;

/** Snappy's preamble: the plain length as an unsigned varint of at most 5 bytes. */
function snappyPlainLength(data: Buffer): number {
  let length = 0;
  for (let i = 0; i < 5 && i < data.length; i++) {
    const byte = data[i]!;
    length += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return length;
  }
  throw new AvroRefusal('corrupt');
}

/**
 * Avro block codecs for Currents files. Braze does not document which codec it uses (its samples
 * use none), so null, deflate and snappy are all read. Snappy blocks end with the big-endian CRC32
 * of the plain data. The size a block would decompress to is bounded before it is allocated
 * (snappy says it up front) or while it is produced (deflate).
 */
export const avroDecoders: Record<string, BlockCodec> = {
  null: (data) => data,
  deflate: (data, maxBytes) => {
    try {
      return inflateRawSync(data, { maxOutputLength: maxBytes, chunkSize: maxBytes + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new AvroRefusal('blockTooLarge', { limit: maxBytes });
      }
      throw new AvroRefusal('corrupt');
    }
  },
  snappy: (data, maxBytes) => {
    if (data.length < 5) throw new AvroRefusal('corrupt');
    const compressed = data.subarray(0, data.length - 4);
    if (snappyPlainLength(compressed) > maxBytes) {
      throw new AvroRefusal('blockTooLarge', { limit: maxBytes });
    }
    let plain: Buffer;
    try {
      plain = snappy.uncompress(compressed, maxBytes);
    } catch {
      throw new AvroRefusal('corrupt');
    }
    if (crc32(plain) !== data.readUInt32BE(data.length - 4)) throw new AvroRefusal('corrupt');
    return plain;
  },
};

/** The matching encoders, for the test bed's re-encoded layouts (avsc's BlockEncoder calls them). */
export const avroEncoders: Record<string, Codec> = {
  null: (buf, cb) => cb(null, buf),
  deflate: (buf, cb) => deflateRaw(buf, cb),
  snappy: (buf, cb) => {
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(buf));
    cb(null, Buffer.concat([Buffer.from(snappy.compress(buf)), checksum]));
  },
};
