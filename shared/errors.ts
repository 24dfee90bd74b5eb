import { z } from 'zod';

/**
 * Every failure that crosses a process boundary (IPC, browser mode, CLI) is one of these codes.
 * The message is already translated for the caller's language; the code is what code branches on.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'STORE_UNAVAILABLE',
  'IMPORT_INVALID',
  'CANCELLED',
  'OFFLINE',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

/** A failure the caller is meant to see: thrown in main, sent across as `{ code, message }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message };
  }
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
