import avro from 'avsc';
import { AVRO_LIMITS } from './avro-limits.ts';
import { AvroRefusal } from './avro-refusal.ts';

/**
 * The writer's schema of a Currents file, as avsc types, once it is known to be shaped as Currents
 * schemas are: a record of at most AVRO_LIMITS types and levels that never refers to itself, whose
 * events take at least one byte, whose lists hold plain values, and whose fields the audit reads
 * are text. A schema that is not is refused: decoding it could cost without bound.
 */

/** What avsc hands a type's skip method: the block's bytes and a position in them. */
interface Tap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  skipString(): void;
}
interface Skipper {
  _skip(tap: Tap): void;
}

/**
 * Lists and maps are written as blocks of items, each block led by its item count. avsc skips the
 * items of a list one by one for as many as the count says, even past the end of the bytes, so a
 * count of 2^50 would run for days. Here a count is first checked against the bytes left: each
 * item takes at least one (the schema check refuses lists of values that take none).
 */
function skipBlocks(tap: Tap, skipItem: () => void): void {
  for (;;) {
    const count = tap.readLong();
    if (count === 0) return;
    const left = tap.buf.length - tap.pos;
    if (count < 0) {
      // A negative count is followed by the block's size in bytes, which lets a reader jump it.
      const size = tap.readLong();
      if (size < 0 || size > left) throw new AvroRefusal('corrupt');
      tap.pos += size;
      continue;
    }
    if (count > left) throw new AvroRefusal('corrupt');
    for (let i = 0; i < count; i++) skipItem();
  }
}

class BoundedArrayType extends avro.types.ArrayType {
  _skip(tap: Tap): void {
    const items = this.itemsType as unknown as Skipper;
    skipBlocks(tap, () => items._skip(tap));
  }
}

class BoundedMapType extends avro.types.MapType {
  _skip(tap: Tap): void {
    const values = this.valuesType as Skipper;
    skipBlocks(tap, () => {
      tap.skipString();
      values._skip(tap);
    });
  }
}

function boundedLists(schema: avro.Schema, opts: avro.ForSchemaOptions): avro.Type | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined;
  const kind = (schema as { type?: unknown }).type;
  if (kind === 'array') return new BoundedArrayType(schema, opts);
  if (kind === 'map') return new BoundedMapType(schema, opts);
  return undefined;
}

const tooLarge = () =>
  new AvroRefusal('schemaTooLarge', {
    maxBytes: AVRO_LIMITS.schemaBytes,
    maxTypes: AVRO_LIMITS.schemaTypes,
    maxDepth: AVRO_LIMITS.schemaDepth,
  });
const unsupported = (field: string) => new AvroRefusal('schemaUnsupported', { field });

const isUnion = (type: avro.Type) => type.typeName.startsWith('union');
const branches = (type: avro.Type) => (type as avro.types.UnwrappedUnionType).types;
const isNested = (type: avro.Type): boolean =>
  ['record', 'error', 'array', 'map'].includes(type.typeName) ||
  (isUnion(type) && branches(type).some(isNested));

interface Walk {
  types: number;
  /** Records being walked: meeting one again means the schema refers to itself. */
  open: Set<avro.Type>;
}

/** The fewest bytes a value of `type` takes; throws when the type is not shaped as Currents'. */
function minBytes(type: avro.Type, field: string, depth: number, walk: Walk): number {
  if (walk.open.has(type)) throw unsupported(field);
  if (++walk.types > AVRO_LIMITS.schemaTypes || depth > AVRO_LIMITS.schemaDepth) throw tooLarge();
  switch (type.typeName) {
    case 'null':
      return 0;
    case 'boolean':
    case 'int':
    case 'long':
    case 'string':
    case 'bytes':
    case 'enum':
      return 1;
    case 'float':
      return 4;
    case 'double':
      return 8;
    case 'fixed':
      return (type as avro.types.FixedType).size;
    case 'record':
    case 'error': {
      walk.open.add(type);
      let sum = 0;
      for (const f of (type as avro.types.RecordType).fields) {
        sum += minBytes(f.type, field ? `${field}.${f.name}` : f.name, depth + 1, walk);
      }
      walk.open.delete(type);
      return sum;
    }
    case 'array':
    case 'map': {
      const items =
        type.typeName === 'array'
          ? (type as avro.types.ArrayType).itemsType
          : ((type as avro.types.MapType).valuesType as avro.Type);
      if (isNested(items) || minBytes(items, field, depth + 1, walk) === 0)
        throw unsupported(field);
      return 1;
    }
    default: {
      if (!isUnion(type)) throw unsupported(field);
      // The branch index takes a byte, then the smallest branch.
      return 1 + Math.min(...branches(type).map((b) => minBytes(b, field, depth + 1, walk)));
    }
  }
}

const isText = (type: avro.Type) =>
  type.typeName === 'string' ||
  (isUnion(type) &&
    branches(type).every((b) => b.typeName === 'string' || b.typeName === 'null') &&
    branches(type).some((b) => b.typeName === 'string'));

/**
 * Parses and checks the writer's schema; `textFields` are the fields the audit reads, which must
 * be text (or null) when present.
 */
export function writerType(schema: string, textFields: readonly string[]): avro.types.RecordType {
  if (Buffer.byteLength(schema) > AVRO_LIMITS.schemaBytes) throw tooLarge();
  let type: avro.Type;
  try {
    type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema, { typeHook: boundedLists });
  } catch {
    throw new AvroRefusal('schemaInvalid');
  }
  if (type.typeName !== 'record') throw unsupported(type.typeName);
  const record = type as avro.types.RecordType;
  // Fields are named from the event down (`suspected_bot_click_reason`), the event by its short name.
  if (minBytes(record, '', 0, { types: 0, open: new Set() }) === 0) {
    throw unsupported(record.name?.split('.').pop() ?? 'record');
  }
  for (const f of record.fields) {
    if (textFields.includes(f.name) && !isText(f.type)) throw unsupported(f.name);
  }
  return record;
}
