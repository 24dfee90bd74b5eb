import {
  lastSeenEmailDisplayName,
  odpFieldTypes,
  type BrazeFieldType,
  type FieldMapping,
  type OdpField,
  type PlanIssue,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { error, warning } from './issues.ts';

/** The API name of ODP's "Last Seen Email" field (its API name is not documented, so by display name). */
export function defaultEmailField(fields: readonly OdpField[]): string | null {
  const wanted = lastSeenEmailDisplayName.toLowerCase();
  return fields.find((f) => f.displayName.trim().toLowerCase() === wanted)?.name ?? null;
}

/**
 * The plan's mappings with the default Email row pointed at "Last Seen Email" when its ODP field is
 * still empty: a plan saved before ODP's fields were fetched (segments are picked first, in the
 * guide's order) keeps the documented default once they are. A field already mapped stays as is.
 */
export function withDefaultEmailTarget(
  mappings: readonly FieldMapping[],
  fields: readonly OdpField[],
): FieldMapping[] {
  const email = defaultEmailField(fields);
  const row = mappings.findIndex(
    (m) => !m.odpField.trim() && m.brazeField.trim().toLowerCase() === 'email',
  );
  if (!email || row === -1 || mappings.some((m) => m.odpField === email)) return [...mappings];
  return mappings.map((m, i) => (i === row ? { ...m, odpField: email } : m));
}

/** Which Braze value types an ODP field of each type takes without losing meaning. */
const accepts: Readonly<Record<string, readonly BrazeFieldType[]>> = {
  string: ['string', 'number', 'boolean', 'time'],
  number: ['number'],
  boolean: ['boolean'],
  timestamp: ['time'],
};

/**
 * How the sentence names an ODP type: a type ODP documents by its translated label (`odp:ui.types.*`,
 * nested in the message), any other (its SDK's vector …) as ODP spells it.
 */
const odpTypeLabel = (type: string): { odpType: string; odpTypeName: string } =>
  (odpFieldTypes as readonly string[]).includes(type)
    ? { odpType: type, odpTypeName: type }
    : { odpType: 'other', odpTypeName: type || '?' };

export const typesCompatible = (brazeType: BrazeFieldType, odpType: string): boolean =>
  accepts[odpType]?.includes(brazeType) ?? false;

/**
 * Every mapped ODP field must exist and receive one Braze field only; a type mismatch is a
 * warning, since ODP may still coerce the value.
 */
export function validateMappings(
  mappings: readonly FieldMapping[],
  fields: readonly OdpField[],
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const firstRow = new Map<string, number>();
  mappings.forEach((m, index) => {
    const path = `${index}`;
    if (!m.brazeField.trim())
      issues.push(error(`${path}.brazeField`, 'mappings.brazeFieldMissing'));
    if (!m.odpField.trim()) {
      issues.push(error(`${path}.odpField`, 'mappings.odpFieldMissing'));
      return;
    }
    const field = byName.get(m.odpField);
    if (!field) {
      issues.push(error(`${path}.odpField`, 'mappings.unknownOdpField', { field: m.odpField }));
      return;
    }
    const earlier = firstRow.get(m.odpField);
    if (earlier === undefined) firstRow.set(m.odpField, index);
    else {
      issues.push(
        error(`${path}.odpField`, 'mappings.duplicateOdpField', {
          field: field.displayName || field.name,
          row: index + 1,
          firstRow: earlier + 1,
        }),
      );
    }
    if (!typesCompatible(m.brazeType, field.type)) {
      issues.push(
        warning(`${path}.odpField`, 'mappings.typeMismatch', {
          brazeField: m.brazeField,
          brazeType: m.brazeType,
          field: field.displayName || field.name,
          ...odpTypeLabel(field.type),
        }),
      );
    }
  });
  if (!mappings.some((m) => m.brazeField.trim().toLowerCase() === 'email')) {
    issues.push(warning('', 'mappings.emailRemoved'));
  }
  return issues;
}
