import type { z } from 'zod';
import type { WireResult } from '../errors.ts';
import { appChannels } from './app.ts';
import { checkChannels } from './checks.ts';
import { clientChannels } from './clients.ts';
import { reportChannels } from './reports.ts';
import { secretChannels } from './secrets.ts';
import { events } from './events.ts';
import { integrationChannels } from '../integrations/registry.ts';

/** The single IPC contract: every channel the renderer may call, with its request and response. */
export const contract = {
  ...appChannels,
  ...clientChannels,
  ...secretChannels,
  ...checkChannels,
  ...reportChannels,
  ...integrationChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

export { events };
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

/** What `window.api` offers, whether backed by Electron IPC or by browser mode over HTTP. */
export interface Api {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<WireResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
