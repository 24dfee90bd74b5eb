/**
 * Bytes as they arrive from a stream, read from the front. Chunks are kept as they came and copied
 * once, into the buffer a read asks for: joining every new chunk to what is waiting would copy a
 * large block over and over (quadratic in its size).
 */
export class ByteQueue {
  #chunks: Buffer[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  /**
   * The zigzag varint at the front (an Avro int or long) and how many bytes it takes; null while
   * its last byte has not arrived. A varint of more than 10 bytes is not one: `tooLong` is then
   * true. Values beyond 2^53 lose precision; every caller refuses such sizes anyway.
   */
  peekLong(): { value: number; size: number } | { tooLong: true } | null {
    let unsigned = 0;
    let scale = 1;
    let size = 0;
    for (const chunk of this.#chunks) {
      for (const byte of chunk) {
        unsigned += (byte & 0x7f) * scale;
        size++;
        if ((byte & 0x80) === 0) {
          const value = unsigned % 2 === 0 ? unsigned / 2 : -(unsigned + 1) / 2;
          return { value, size };
        }
        if (size === 10) return { tooLong: true };
        scale *= 128;
      }
    }
    return null;
  }

  /**
   * Removes and returns the first `n` bytes (n ≤ length): a view when one chunk holds them,
   * else a copy of their own (`copied`), which no one else refers to.
   */
  take(n: number): { bytes: Buffer; copied: boolean } {
    if (n > this.#length) throw new RangeError(`take(${n}) with ${this.#length} bytes queued`);
    this.#length -= n;
    const first = this.#chunks[0];
    if (first && first.length >= n) {
      if (first.length === n) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(n);
      return { bytes: first.subarray(0, n), copied: false };
    }
    // Never from Node's shared pool of small buffers: the caller may release this one.
    const out = Buffer.allocUnsafeSlow(n);
    let filled = 0;
    while (filled < n) {
      const chunk = this.#chunks[0]!;
      const used = Math.min(chunk.length, n - filled);
      chunk.copy(out, filled, 0, used);
      filled += used;
      if (used === chunk.length) this.#chunks.shift();
      else this.#chunks[0] = chunk.subarray(used);
    }
    return { bytes: out, copied: true };
  }
}
