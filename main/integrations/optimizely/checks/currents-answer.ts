import type { HttpResponse } from '../../../net/types.ts';

/**
 * Fields by which gateways and proxies report a failure inside a JSON body, even under a 2xx:
 * `{"error": …}`, `{"errors": [...]}`, `{"fault": …}` (Apigee), `{"success": false, …}`.
 */
const failureFields = ['error', 'errors', 'fault'] as const;
const statusFields = ['status', 'statusCode', 'code'] as const;

const isJsonType = (res: HttpResponse): boolean =>
  /[/+]json\b/i.test(res.headers.get('content-type') ?? '');

/** A JSON object or array that parsed whole (the client keeps unparsable text as a string). */
const isCompleteJson = (res: HttpResponse): boolean =>
  isJsonType(res) && typeof res.body === 'object' && res.body !== null;

function reportsFailure(body: object): boolean {
  if (Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  if (failureFields.some((field) => Object.hasOwn(record, field))) return true;
  if (record.success === false || record.ok === false) return true;
  return statusFields.some((field) => {
    const value = record[field];
    return typeof value === 'number' && value >= 400;
  });
}

/**
 * Whether an answer to the live test can be the Custom Currents endpoint's own. Braze's contract
 * fixes what the statuses mean (2xx taken, 401/403 bad credentials, 404 wrong URL) and ODP
 * documents no body, so a status is read only from an answer shaped like an API's: no body at
 * all, or one complete JSON document labelled as JSON, and for a 2xx one that reports no failure.
 * A web page, a proxy's text, a gateway's JSON error and JSON cut short are something in the way,
 * never the endpoint's verdict on the token.
 */
export function isCurrentsEndpointAnswer(res: HttpResponse): boolean {
  if (res.text.trim() === '') return true;
  if (!isCompleteJson(res)) return false;
  const ok = res.status >= 200 && res.status < 300;
  return !ok || !reportsFailure(res.body as object);
}
