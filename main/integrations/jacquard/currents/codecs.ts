import { crc32, deflateRaw, inflateRawSync } from 'node:zlib';
import * as snappy from 'snappyjs';

type Callback = (err: Error | null, data?: Buffer) => void;
export type Codec = (buf: Buffer, cb: Callback) => void;

/** A block that inflates past this is refused rather than allowed to fill memory. */
const MAX_BLOCK_BYTES = 64 * 1024 * 1024;

/**
 * Avro block codecs for Currents files. Braze does not document which codec it uses (its samples
 * use none), so null, deflate and snappy are all read. avsc replaces its defaults with what is
 * given here, hence `null` too. Snappy blocks end with the big-endian CRC32 of the plain data.
 */
export const avroDecoders: Record<string, Codec> = {
  null: (buf, cb) => cb(null, buf),
  // Inline rather than on libuv's pool: a block inflates in well under a millisecond, less than a
  // hop to a pool thread and back costs.
  deflate: (buf, cb) => {
    try {
      cb(null, inflateRawSync(buf, { maxOutputLength: MAX_BLOCK_BYTES }));
    } catch (err) {
      cb(err as Error);
    }
  },
  snappy: (buf, cb) => {
    try {
      const data = Buffer.from(snappy.uncompress(buf.subarray(0, buf.length - 4)));
      if (crc32(data) !== buf.readUInt32BE(buf.length - 4)) {
        return cb(new Error('snappy block checksum mismatch'));
      }
      cb(null, data);
    } catch (err) {
      cb(err as Error);
    }
  },
};

/** The matching encoders, for the test bed's re-encoded layouts. */
export const avroEncoders: Record<string, Codec> = {
  null: (buf, cb) => cb(null, buf),
  deflate: (buf, cb) => deflateRaw(buf, cb),
  snappy: (buf, cb) => {
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(buf));
    cb(null, Buffer.concat([Buffer.from(snappy.compress(buf)), checksum]));
  },
};
