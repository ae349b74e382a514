import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiErrorBody, ErrorCode } from '../../shared/errors.js';
import { HttpError } from './http-error.js';

const HONO_ERRORS: Partial<Record<number, { code: ErrorCode; message: string }>> = {
  400: { code: 'validation_failed', message: 'The request is not valid' },
  403: { code: 'forbidden', message: 'This request came from another site and was refused' },
  413: { code: 'payload_too_large', message: 'The request body is too large' },
};

export interface ErrorHandlerOptions {
  log?: (error: unknown) => void;
}

/**
 * Hono hands only Error instances to `onError`; anything else thrown (a
 * string, a rejected promise's bare value) would escape as a bodiless 500.
 * Placed first, this turns such values into Errors so `onError` answers them.
 */
export const catchThrownValues: MiddlewareHandler = async function catchThrownValues(_c, next) {
  try {
    await next();
  } catch (thrown) {
    if (thrown instanceof Error) throw thrown;
    throw new Error(`A non-Error value was thrown: ${describe(thrown)}`, { cause: thrown });
  }
};

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The one place errors become responses: JSON, the right status, never a stack trace. */
export function createErrorHandler({ log = (error) => console.error(error) }: ErrorHandlerOptions = {}) {
  return function handleError(error: Error, c: Context): Response {
    if (error instanceof HttpError) {
      const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
      if (error.details !== undefined) body.error.details = error.details;
      return c.json(body, error.status, error.headers);
    }
    // Hono's own middleware (CSRF origin check, etc.) throws HTTPException.
    if (error instanceof HTTPException && error.status in HONO_ERRORS) {
      const { code, message } = HONO_ERRORS[error.status]!;
      return c.json({ error: { code, message } } satisfies ApiErrorBody, error.status);
    }
    log(error);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side' } } satisfies ApiErrorBody, 500);
  };
}
