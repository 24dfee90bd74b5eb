import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { SegmentsPageSchema } from './reply-body.ts';

/**
 * One side-effect-free probe per permission the Optimizely integration needs. None can send a
 * message, create or change a user, or start an export: list calls, a deliberately empty body,
 * and ids that cannot exist (fresh random UUIDs), never `broadcast: true`.
 */
export interface PermissionProbe {
  checkId: string;
  /** Braze's permission name (basics.md). */
  permission: string;
  /** How a partner page spells it when it differs, shown with a note. */
  listedAs?: string;
  method: 'GET' | 'POST';
  path: string;
  /** Built per run so ids are never reused. */
  body?: () => Record<string, unknown>;
  query?: Record<string, string | number>;
  /** What a success looks like, for probes that can succeed (the GETs). */
  okBody?: z.ZodType;
}

export const permissionProbes: readonly PermissionProbe[] = [
  {
    checkId: 'braze.permission.users.track',
    permission: 'users.track',
    method: 'POST',
    path: '/users/track',
    // No attributes, events or purchases: Braze rejects it with a 400 about the body.
    body: () => ({}),
  },
  {
    checkId: 'braze.permission.users.export.segment',
    permission: 'users.export.segment',
    listedAs: 'users.export.segments',
    method: 'POST',
    path: '/users/export/segment',
    // An unknown segment and no `fields_to_export` (required): doubly unable to start an export.
    body: () => ({ segment_id: randomUUID() }),
  },
  {
    checkId: 'braze.permission.segments.list',
    permission: 'segments.list',
    method: 'GET',
    path: '/segments/list',
    query: { page: 0 },
    okBody: SegmentsPageSchema,
  },
  {
    checkId: 'braze.permission.campaigns.trigger.send',
    permission: 'campaigns.trigger.send',
    method: 'POST',
    path: '/campaigns/trigger/send',
    // An unknown campaign answers "400 Invalid Campaign ID"; no recipients, never a broadcast.
    body: () => ({ campaign_id: randomUUID(), broadcast: false }),
  },
  {
    checkId: 'braze.permission.canvas.trigger.send',
    permission: 'canvas.trigger.send',
    method: 'POST',
    path: '/canvas/trigger/send',
    body: () => ({ canvas_id: randomUUID(), broadcast: false }),
  },
];

export const probeLabel = (probe: PermissionProbe): string => `${probe.method} ${probe.path}`;
