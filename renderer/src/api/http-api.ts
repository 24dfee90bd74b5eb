import type { Api, EventName, EventPayload } from '../../../shared/contract/index.ts';
import type { WireResult } from '../../../shared/errors.ts';
import { apiHeader, webPaths } from '../../../shared/web-protocol.ts';

type Listener = (payload: unknown) => void;

interface EventMessage {
  event: string;
  payload: unknown;
}

const isEventMessage = (value: unknown): value is EventMessage =>
  typeof value === 'object' && value !== null && 'event' in value && 'payload' in value;

/**
 * `window.api` for browser mode: the same contract over same-origin HTTP. The session cookie
 * travels with every request; the custom header makes cross-site form posts impossible.
 */
export function createHttpApi(): Api {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  const openEvents = (): void => {
    if (source) return;
    source = new EventSource(webPaths.events);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!isEventMessage(parsed)) return;
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
    };
  };

  return {
    async invoke(channel, request) {
      let response: Response;
      try {
        response = await fetch(webPaths.invoke + encodeURIComponent(channel), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', [apiHeader.name]: apiHeader.value },
          body: JSON.stringify(request),
        });
      } catch {
        // The message is filled in by the UI from the code: this layer has no translations.
        return { ok: false, error: { code: 'OFFLINE', message: '' } };
      }
      try {
        return (await response.json()) as WireResult<never>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '' } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      openEvents();
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
