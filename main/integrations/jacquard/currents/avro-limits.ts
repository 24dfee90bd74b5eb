/**
 * What the audit reads of one Avro file, at most. Currents files are far inside these: Braze's
 * schemas are about 4 KB with some 40 fields, a file holds at most 100,000 events of at most
 * 900 KB each, and Avro writers cut blocks at about 64 KB. Every length or count a file declares is
 * checked against these and against what is left of the file before anything is allocated for it,
 * so that no file costs more memory than one block, whatever it claims.
 */
export const AVRO_LIMITS = {
  /** Magic, metadata and sync marker. */
  headerBytes: 256 * 1024,
  schemaBytes: 64 * 1024,
  /** Types in the writer's schema, counted as a reader walks them (a type used twice counts twice). */
  schemaTypes: 1_000,
  /** Nesting of records, unions and lists. */
  schemaDepth: 16,
  /** One block, as stored and once decompressed: 128 times what Avro writers put in one. */
  blockBytes: 8 * 1024 * 1024,
} as const;
