import type { Api, Channel, RequestOf, ResponseOf } from '../../../shared/contract/index.ts';
import { ApiError } from './api-error.ts';
import { createHttpApi } from './http-api.ts';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in browser mode. */
    api?: Api;
  }
}

/** The one way the renderer reaches main: Electron IPC when present, browser mode's HTTP otherwise. */
export const api: Api = window.api ?? createHttpApi();

/** Calls a channel and returns its value, or throws an `ApiError` carrying `{ code, message }`. */
export async function call<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await api.invoke(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export { ApiError, isApiError } from './api-error.ts';
