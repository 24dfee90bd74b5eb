import {
  maxActivationFields,
  type ActivationPlan,
  type AdditionalField,
  type OdpField,
  type PlanIssue,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { error, under, warning } from './issues.ts';
import { readLiquidVariables } from './liquid-fields.ts';
import { validateSchedule } from './schedule.ts';

/** Checks one additional field's Liquid value against ODP's customer fields (null: not fetched). */
function validateFieldValue(
  field: AdditionalField,
  path: string,
  odpFieldNames: ReadonlySet<string> | null,
): PlanIssue[] {
  if (!field.value.trim()) return [error(`${path}.value`, 'activation.valueMissing')];
  const reading = readLiquidVariables(field.value);
  if (!reading.ok) {
    return [error(`${path}.value`, 'activation.liquidInvalid', { message: reading.message })];
  }
  const issues: PlanIssue[] = [];
  for (const segments of reading.variables) {
    const [root, property] = segments;
    const expression = segments.join('.');
    if (root !== 'customer') {
      issues.push(
        warning(`${path}.value`, 'activation.notCustomerVariable', { variable: expression }),
      );
    } else if (property === undefined) {
      issues.push(error(`${path}.value`, 'activation.customerWithoutField'));
    } else if (odpFieldNames && !odpFieldNames.has(String(property))) {
      issues.push(
        error(`${path}.value`, 'activation.unknownCustomerField', { field: String(property) }),
      );
    }
  }
  return issues;
}

function validateAdditionalFields(
  fields: readonly AdditionalField[],
  odpFields: readonly OdpField[] | null,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (fields.length > maxActivationFields) {
    issues.push(
      error('', 'activation.tooManyFields', { max: maxActivationFields, count: fields.length }),
    );
  }
  const names = odpFields ? new Set(odpFields.map((f) => f.name)) : null;
  if (!names && fields.length > 0) issues.push(warning('', 'activation.fieldsNotFetched'));
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const path = `${index}`;
    const brazeField = field.brazeField.trim();
    if (!brazeField) issues.push(error(`${path}.brazeField`, 'activation.brazeFieldMissing'));
    else if (seen.has(brazeField)) {
      issues.push(
        warning(`${path}.brazeField`, 'activation.brazeFieldTwice', { field: brazeField }),
      );
    }
    seen.add(brazeField);
    issues.push(...validateFieldValue(field, path, names));
  });
  return issues;
}

/** Everything ODP's behavioural campaign with a Braze touchpoint needs, checked before the CSM types it. */
export function validateActivation(
  plan: ActivationPlan,
  odpFields: readonly OdpField[] | null,
  now: Date,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (!plan.name.trim()) issues.push(error('name', 'activation.nameMissing'));
  const enrollment = plan.enrollment;
  if (enrollment.kind === 'segment') {
    if (!enrollment.segment.trim())
      issues.push(error('enrollment.segment', 'activation.segmentMissing'));
    if (!plan.schedule) issues.push(error('schedule', 'activation.scheduleMissing'));
    else issues.push(...under('schedule', validateSchedule(plan.schedule, now)));
  } else if (!enrollment.filter.trim()) {
    issues.push(error('enrollment.filter', 'activation.filterMissing'));
  }
  if (!plan.targetIdentifier.trim()) {
    issues.push(error('targetIdentifier', 'activation.targetIdentifierMissing'));
  }
  const target = plan.addUsersTo;
  if (target.kind !== 'profileUpdateOnly' && !target.id.trim()) {
    issues.push(error('addUsersTo.id', `activation.${target.kind}Missing`));
  }
  issues.push(
    ...under('additionalFields', validateAdditionalFields(plan.additionalFields, odpFields)),
  );
  return issues;
}
