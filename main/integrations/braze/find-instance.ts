import type { BrazeInstance } from '../../../shared/integrations/braze/instances.ts';
import { mapLimited } from '../../checks/limiter.ts';
import { isNetError } from '../../net/errors.ts';
import type { HttpClient } from '../../net/types.ts';
import { keyProbe } from './api-key-check.ts';
import { classifyReply } from './classify.ts';
import { createBrazeRestClient } from './rest-client.ts';

export interface InstanceAttempt {
  instance: string;
  restEndpoint: string;
  /** accepted: the key authenticated there; rejected: 401; error: no usable answer (none, or not Braze's). */
  verdict: 'accepted' | 'rejected' | 'inactive' | 'error';
  httpStatus: number | null;
}

/**
 * "Find my instance": only when the CSM asks, sends the key's read-only probe to each candidate
 * instance and reports which accepted it (Braze answers 401 to a key on the wrong instance).
 */
export async function findInstance(options: {
  http: HttpClient;
  apiKey: string;
  candidates: readonly BrazeInstance[];
  signal?: AbortSignal;
  concurrency?: number;
}): Promise<InstanceAttempt[]> {
  const { http, apiKey, signal } = options;
  const bound: HttpClient = {
    policy: http.policy,
    request: (req, own, bounds) => http.request(req, own ?? signal, bounds),
  };
  return mapLimited(options.candidates, options.concurrency ?? 6, async (instance) => {
    const base = { instance: instance.id, restEndpoint: instance.restEndpoint };
    try {
      const reply = await createBrazeRestClient(bound, instance.restEndpoint, apiKey).get(
        keyProbe.path,
        keyProbe.query,
      );
      const kind = classifyReply(reply, keyProbe.okBody);
      const verdict =
        kind === 'invalid_key'
          ? 'rejected'
          : kind === 'inactive'
            ? 'inactive'
            : kind === 'ok' || kind === 'bad_request' || kind === 'permission_denied'
              ? 'accepted'
              : 'error';
      return { ...base, verdict, httpStatus: reply.status };
    } catch (error) {
      if (isNetError(error) && error.kind === 'cancelled') throw error;
      return { ...base, verdict: 'error', httpStatus: null };
    }
  });
}
