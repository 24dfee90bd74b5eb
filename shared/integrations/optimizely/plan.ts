import { z } from 'zod';
import { IsoDateSchema } from '../../types/ids.ts';
import { defineArtifact } from '../artifacts.ts';

/**
 * What the CSM plans in the app and then types into Optimizely Data Platform (ODP): segments to
 * sync, field mappings and the ODP → Braze activation. Stored as `client.artifacts['odp.plan']`.
 * The schema describes the shape of a draft (empty strings allowed while the CSM types); the rules
 * (required values, known fields, the 20-field limit, dates) live in `main/integrations/optimizely/plans/` so a half-done
 * plan is saved, never lost, and its problems are listed.
 */

/** ODP allows at most this many additional fields on a Braze touchpoint. */
export const maxActivationFields = 20;
/** Generous bounds so a pasted or imported plan stays small; the rules above are stricter. */
const maxMappings = 200;
const maxSegments = 10_000;

const Text = (max: number) => z.string().max(max);

// ---- ODP fields (artifact `odp.fields`, fetched by the `odp.fields` check) ----

export const odpFieldTypes = ['string', 'number', 'boolean', 'timestamp'] as const;

export const OdpFieldSchema = z.object({
  /** API name, used in Liquid as `{{customer.<name>}}`. */
  name: z.string().min(1).max(200),
  displayName: z.string().max(200),
  /** ODP documents string, number, boolean, timestamp; its SDK adds vector. Kept as sent. */
  type: z.string().max(40),
});
export type OdpField = z.infer<typeof OdpFieldSchema>;

export const OdpFieldsArtifactSchema = z.object({
  fetchedAt: IsoDateSchema,
  region: z.string().max(40),
  fields: z.array(OdpFieldSchema).max(5000),
});
export type OdpFieldsArtifact = z.infer<typeof OdpFieldsArtifactSchema>;

// ---- Segments to sync ----

export const SegmentChoiceSchema = z.object({
  id: z.string().min(1).max(200),
  /** Remembered so the summary reads well offline. */
  name: Text(500),
});
export type SegmentChoice = z.infer<typeof SegmentChoiceSchema>;

export const SegmentsPlanSchema = z.object({
  importAll: z.boolean(),
  segments: z.array(SegmentChoiceSchema).max(maxSegments),
});
export type SegmentsPlan = z.infer<typeof SegmentsPlanSchema>;

// ---- Field mappings (Braze user data field → ODP customer field) ----

export const brazeFieldTypes = ['string', 'number', 'boolean', 'time', 'array'] as const;
export const BrazeFieldTypeSchema = z.enum(brazeFieldTypes);
export type BrazeFieldType = z.infer<typeof BrazeFieldTypeSchema>;

export const FieldMappingSchema = z.object({
  brazeField: Text(200),
  brazeType: BrazeFieldTypeSchema,
  /** ODP field API name (from `odp.fields`). */
  odpField: Text(200),
});
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

// ---- Activation ODP → Braze ----

export const EnrollmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), segment: Text(300) }),
  z.object({
    kind: z.literal('event'),
    filter: Text(500),
    automationRules: Text(5000),
  }),
]);
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export const AddUsersToSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('campaign'), id: Text(200), name: Text(500) }),
  z.object({ kind: z.literal('canvas'), id: Text(200), name: Text(500) }),
  z.object({ kind: z.literal('profileUpdateOnly') }),
]);
export type AddUsersTo = z.infer<typeof AddUsersToSchema>;

export const AdditionalFieldSchema = z.object({
  /** Braze attribute to fill, e.g. `company_name`. */
  brazeField: Text(200),
  /** Liquid over ODP data, e.g. `{{customer.company_name}}`. */
  value: Text(2000),
});
export type AdditionalField = z.infer<typeof AdditionalFieldSchema>;

export const ScheduleSchema = z.object({
  mode: z.literal('recurring'),
  /** Local calendar date `YYYY-MM-DD` in `timeZone`. */
  startDate: Text(10),
  end: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('never') }),
    z.object({ kind: z.literal('on'), date: Text(10) }),
  ]),
  repeats: z.literal('daily'),
  everyDays: z.literal(1),
  /** Local wall-clock time `HH:MM`. */
  time: Text(5),
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: Text(64),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

export const ActivationPlanSchema = z.object({
  name: Text(200),
  campaignType: z.literal('behavioral'),
  enrollment: EnrollmentSchema,
  touchpoint: z.literal('braze'),
  targetIdentifier: Text(200),
  addUsersTo: AddUsersToSchema,
  /** Bounded above the ODP limit so the rules can explain a 21st field instead of a parse error. */
  additionalFields: z.array(AdditionalFieldSchema).max(maxActivationFields + 5),
  /** Only for segment enrollment; event enrollment runs when the event happens. */
  schedule: ScheduleSchema.nullable(),
});
export type ActivationPlan = z.infer<typeof ActivationPlanSchema>;

export const OdpPlanSchema = z.object({
  segments: SegmentsPlanSchema,
  mappings: z.array(FieldMappingSchema).max(maxMappings),
  activation: ActivationPlanSchema.nullable(),
  updatedAt: IsoDateSchema.optional(),
});
export type OdpPlan = z.infer<typeof OdpPlanSchema>;

/** The display name ODP shows for the field Braze's Email maps to by default. */
export const lastSeenEmailDisplayName = 'Last Seen Email';

export const planArtifactKey = 'odp.plan';
export const fieldsArtifactKey = 'odp.fields';
export const odpPlanArtifact = defineArtifact(planArtifactKey, OdpPlanSchema);
export const odpFieldsArtifact = defineArtifact(fieldsArtifactKey, OdpFieldsArtifactSchema);

/** A fresh plan: nothing chosen, the documented default mapping, no activation yet. */
export function emptyOdpPlan(defaultEmailField: string | null): OdpPlan {
  return {
    segments: { importAll: false, segments: [] },
    mappings: [{ brazeField: 'email', brazeType: 'string', odpField: defaultEmailField ?? '' }],
    activation: null,
  };
}

let zonesByLowerCase: Map<string, string> | undefined;

/**
 * An IANA zone of a geographic area, spelled as IANA does: accepted as typed even when the
 * runtime's list still spells it the old way (ICU lists `Asia/Calcutta`, not `Asia/Kolkata`).
 */
const currentZoneName =
  /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(\/[A-Z][A-Za-z0-9_+-]*)+$/;

/**
 * The zone as the runtime's list of IANA names spells it (the list the time zone field offers),
 * or as typed for a current geographic name the list spells the old way (`Asia/Kolkata`), or null.
 * A name in another case or a legacy alias (`US/Eastern`) maps to its listed form, so the CSM can
 * be told which name to type; offsets (`+01:00`) and abbreviations (`EST`, which Intl reads as a
 * zone without daylight saving) match no entry, since ODP asks for a zone name.
 */
export function canonicalTimeZone(name: string): string | null {
  zonesByLowerCase ??= new Map(
    [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone]),
  );
  const text = name.trim();
  const listed = zonesByLowerCase.get(text.toLowerCase());
  if (listed || !text.includes('/')) return listed ?? null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions();
    if (currentZoneName.test(text)) return text;
    return zonesByLowerCase.get(resolved.timeZone.toLowerCase()) ?? null;
  } catch {
    return null;
  }
}

/** The calendar date `YYYY-MM-DD` at `now` in a zone (not UTC's date, which differs near midnight). */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The schedule with its zone set to `timeZone` as typed. A start date that is today in the listed
 * zone the schedule was planned in (`plannedIn`) means "start today", so it becomes today in the
 * new zone: left as it was, it would already be yesterday in a zone ahead (ODP refuses a start in
 * the past) or still tomorrow in one behind. An end date on that same day moves with it; a date
 * the CSM chose is kept, and so is every date while the zone typed is not a listed name yet.
 */
export function withTimeZone(
  schedule: Schedule,
  timeZone: string,
  plannedIn: string | null,
  now: Date,
): Schedule {
  const moved = { ...schedule, timeZone };
  const to = canonicalTimeZone(timeZone);
  const from = plannedIn === null ? null : canonicalTimeZone(plannedIn);
  if (!to || !from) return moved;
  const today = todayIn(from, now);
  if (schedule.startDate !== today) return moved;
  const startDate = todayIn(to, now);
  const endsThatDay = schedule.end.kind === 'on' && schedule.end.date === today;
  return { ...moved, startDate, end: endsThatDay ? { kind: 'on', date: startDate } : schedule.end };
}

/** A new activation filled with the values Braze's partner page suggests. */
export function defaultActivation(timeZone: string, today: string): ActivationPlan {
  return {
    name: 'Braze Data Sync',
    campaignType: 'behavioral',
    enrollment: { kind: 'segment', segment: '' },
    touchpoint: 'braze',
    targetIdentifier: '',
    addUsersTo: { kind: 'profileUpdateOnly' },
    additionalFields: [],
    schedule: {
      mode: 'recurring',
      startDate: today,
      end: { kind: 'never' },
      repeats: 'daily',
      everyDays: 1,
      time: '02:00',
      timeZone,
    },
  };
}

/** One problem the rules found; `messageKey` is in the `odp` namespace. */
export const PlanIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Where in the plan, e.g. `activation.additionalFields.3.value`. */
  path: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type PlanIssue = z.infer<typeof PlanIssueSchema>;

/** One planned run of the activation: the instant and the wall-clock time ODP shows. */
export const RunTimeSchema = z.object({
  /** UTC instant, ISO 8601. */
  at: z.string(),
  /** `YYYY-MM-DD HH:MM` in the schedule's time zone. */
  local: z.string(),
  /** UTC offset in that zone at that instant, e.g. `+02:00`. */
  offset: z.string(),
  /**
   * `gap`: the planned time does not exist that day (clocks jump forward), so it runs after the jump;
   * `overlap`: it exists twice (clocks go back), so the first occurrence is used.
   */
  adjusted: z.enum(['gap', 'overlap']).nullable(),
});
export type RunTime = z.infer<typeof RunTimeSchema>;

/** One numbered "do this in ODP" instruction: an `odp` key, its values, and values worth a copy button. */
export const SummaryStepSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  copy: z.array(z.string()),
});
export type SummaryStep = z.infer<typeof SummaryStepSchema>;

export const SummarySectionSchema = z.object({
  id: z.enum(['segments', 'mappings', 'activation']),
  titleKey: z.string(),
  steps: z.array(SummaryStepSchema),
});
export type SummarySection = z.infer<typeof SummarySectionSchema>;
