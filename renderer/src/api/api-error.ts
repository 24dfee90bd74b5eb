import type { AppErrorShape, ErrorCode } from '../../../shared/errors.ts';

/** A failed call as the UI sees it: the code to branch on, the message main already translated. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
