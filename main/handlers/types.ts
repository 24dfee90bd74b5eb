import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract/index.ts';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** One function per channel of the contract; a missing or extra channel is a type error. */
export type HandlerTable = { [C in Channel]: Handler<C> };

/** The slice of the table one domain file provides. */
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
