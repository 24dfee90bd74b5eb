import { z } from 'zod';
import type { OdpField } from '../../../shared/integrations/optimizely/plan.ts';
import { textExcerpt } from '../../net/excerpt.ts';
import type { HttpClient, HttpResponse } from '../../net/types.ts';
import type { OdpTarget } from './region.ts';

/** ODP's field as its API sends it (snake_case; extra properties ignored). */
const RawFieldSchema = z.object({
  name: z.string().min(1),
  display_name: z.string().nullish(),
  type: z.string().nullish(),
});

// The spec's example shows a single object where the API returns an array: accept both.
const FieldsBodySchema = z.union([z.array(RawFieldSchema), RawFieldSchema.transform((f) => [f])]);

/** ODP's refusal of a key (odp.md §1): 403 `{"message":"Forbidden"}`. */
const ForbiddenBodySchema = z.object({ message: z.string() });

/** ODP's documented error bodies: `{message}` (403) or `{title, status, detail}` (400, 404). */
const ErrorBodySchema = z.union([
  ForbiddenBodySchema,
  z.object({ title: z.string(), status: z.number() }),
]);

export type OdpCallResult<T> =
  | { kind: 'ok'; value: T; status: number }
  /** ODP's answer to a bad key, a public key or the wrong region: 403 `{"message":"Forbidden"}`. */
  | { kind: 'forbidden'; status: number }
  | { kind: 'unexpected'; status: number; message: string }
  /** An answer ODP would not give (a portal's page, a proxy's error): it says nothing about the key. */
  | { kind: 'notOdp'; status: number; excerpt: string };

/**
 * What the server said, short enough for a message parameter (a key it echoed back is removed
 * where the check's outcome leaves for the engine).
 */
export function shownMessage(res: HttpResponse): string {
  const body = res.body;
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return textExcerpt(body.message);
  }
  if (body && typeof body === 'object' && 'detail' in body) {
    return textExcerpt(JSON.stringify(body.detail) ?? '');
  }
  return textExcerpt(res.text);
}

const notOdp = (res: HttpResponse): OdpCallResult<never> => ({
  kind: 'notOdp',
  status: res.status,
  excerpt: textExcerpt(res.text),
});

/** Read-only: lists the `customers` object's fields. ODP fields can never be deleted, so no writes. */
export async function listCustomerFields(
  http: HttpClient,
  target: OdpTarget,
  apiKey: string,
  signal: AbortSignal,
): Promise<OdpCallResult<OdpField[]>> {
  const res = await http.request(
    {
      method: 'GET',
      url: `${target.base}/v3/schema/objects/customers/fields`,
      headers: { 'x-api-key': apiKey, accept: 'application/json' },
    },
    signal,
  );
  if (res.status === 403 || res.status === 401) {
    // A proxy's or a portal's 403 page is not ODP refusing the key.
    return ForbiddenBodySchema.safeParse(res.body).success
      ? { kind: 'forbidden', status: res.status }
      : notOdp(res);
  }
  if (res.status >= 500 || res.status === 429) {
    // Read from the status alone, whoever wrote the body: a busy or failing server, say so as is.
    return { kind: 'unexpected', status: res.status, message: shownMessage(res) };
  }
  if (res.status < 200 || res.status > 299) {
    return ErrorBodySchema.safeParse(res.body).success
      ? { kind: 'unexpected', status: res.status, message: shownMessage(res) }
      : notOdp(res);
  }
  const parsed = FieldsBodySchema.safeParse(res.body);
  if (!parsed.success) return notOdp(res);
  return {
    kind: 'ok',
    status: res.status,
    value: parsed.data.map((f) => ({
      name: f.name,
      displayName: f.display_name ?? '',
      type: f.type ?? '',
    })),
  };
}
