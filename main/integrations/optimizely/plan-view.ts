import {
  emptyOdpPlan,
  maxActivationFields,
  type OdpPlan,
} from '../../../shared/integrations/optimizely/plan.ts';
import type { OdpPlanView } from '../../../shared/integrations/optimizely/contract.ts';
import type { Client } from '../../../shared/types/client.ts';
import { readBrazeSegments, readFields, savedPlan } from './artifacts.ts';
import { defaultEmailField, withDefaultEmailTarget } from './plans/mappings.ts';
import { nextRuns } from './plans/schedule.ts';
import { planSummary } from './plans/summary.ts';
import { validatePlan } from './plans/validate.ts';

/** Everything the plan editor shows for a client, computed from what is saved with it. */
export function planView(client: Client, now: Date, draft?: OdpPlan): OdpPlanView {
  const fields = readFields(client);
  const emailField = fields ? defaultEmailField(fields.fields) : null;
  const saved = savedPlan(client);
  const base = draft ?? (saved.kind === 'ok' ? saved.plan : emptyOdpPlan(emailField));
  const plan = fields
    ? { ...base, mappings: withDefaultEmailTarget(base.mappings, fields.fields) }
    : base;
  const segments = readBrazeSegments(client);
  const schedule = plan.activation?.enrollment.kind === 'segment' ? plan.activation.schedule : null;
  return {
    plan,
    saved: saved.kind === 'ok',
    unreadable: saved.kind === 'unreadable' ? saved.field : null,
    fields,
    defaultEmailField: emailField,
    issues: validatePlan(plan, {
      fields: fields?.fields ?? null,
      brazeSegmentIds: segments ? new Set(segments.map((s) => s.id)) : null,
      now,
    }),
    summary: planSummary(plan, fields?.fields ?? null, now),
    nextRuns: schedule ? nextRuns(schedule, now) : [],
  };
}

/** How many additional fields over ODP's limit a plan has (0 when within it). */
export const extraActivationFields = (plan: OdpPlan): number =>
  Math.max(0, (plan.activation?.additionalFields.length ?? 0) - maxActivationFields);
