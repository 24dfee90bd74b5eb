import { z } from 'zod';
import { patterns } from './guides/patterns.ts';
import { InputValueSchema } from './types/ids.ts';

/** A described, non-empty text field of a client-file section. */
export const textField = (description: string) => InputValueSchema.min(1).meta({ description });

/**
 * https, or plain http to a loopback host only: the same rule as the guides' inputs, so the JSON
 * Schema refuses `http://remote.example` too. Whether plain http may be used at all is decided
 * at run time (`--allow-insecure-loopback`).
 */
export const webUrlField = (description: string) =>
  z
    .url({ protocol: /^https?$/ })
    .regex(new RegExp(patterns.url))
    .max(2000)
    .meta({ description });
