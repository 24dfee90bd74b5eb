import { z } from 'zod';
import type { OdpField } from '../../shared/odp-plan.ts';
import type { HttpClient, HttpResponse } from '../net/types.ts';
import type { OdpTarget } from './region.ts';

/** ODP's field as its API sends it (snake_case; extra properties ignored). */
const RawFieldSchema = z.object({
  name: z.string().min(1),
  display_name: z.string().nullish(),
  type: z.string().nullish(),
});

// The spec's example shows a single object where the API returns an array: accept both.
const FieldsBodySchema = z.union([z.array(RawFieldSchema), RawFieldSchema.transform((f) => [f])]);

export type OdpCallResult<T> =
  | { kind: 'ok'; value: T; status: number }
  /** ODP's answer to a bad key, a public key or the wrong region: 403 `{"message":"Forbidden"}`. */
  | { kind: 'forbidden'; status: number }
  | { kind: 'unexpected'; status: number; message: string };

/** A short, secret-free excerpt of what the server said, for details shown to the CSM. */
export function responseMessage(res: HttpResponse): string {
  const body = res.body;
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message.slice(0, 300);
  }
  if (body && typeof body === 'object' && 'detail' in body) {
    return JSON.stringify(body.detail).slice(0, 300);
  }
  return res.text.slice(0, 300);
}

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
  if (res.status === 403 || res.status === 401) return { kind: 'forbidden', status: res.status };
  if (res.status < 200 || res.status > 299) {
    return { kind: 'unexpected', status: res.status, message: responseMessage(res) };
  }
  const parsed = FieldsBodySchema.safeParse(res.body);
  if (!parsed.success) {
    return { kind: 'unexpected', status: res.status, message: 'unexpected body' };
  }
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
