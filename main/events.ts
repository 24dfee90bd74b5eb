import type { EventName, EventPayload } from '../shared/contract/index.ts';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main → UI messages, fanned out to every window and browser-mode stream. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
