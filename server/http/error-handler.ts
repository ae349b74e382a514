import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiErrorBody } from '../../shared/errors.js';
import { HttpError } from './http-error.js';

export interface ErrorHandlerOptions {
  log?: (error: unknown) => void;
}

/** The one place errors become responses: JSON, the right status, never a stack trace. */
export function createErrorHandler({ log = (error) => console.error(error) }: ErrorHandlerOptions = {}) {
  return function handleError(error: Error, c: Context): Response {
    if (error instanceof HttpError) {
      const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
      if (error.details !== undefined) body.error.details = error.details;
      return c.json(body, error.status, error.headers);
    }
    // Hono's own middleware (body limit, etc.) throws HTTPException.
    if (error instanceof HTTPException && error.status === 413) {
      return c.json(
        { error: { code: 'payload_too_large', message: 'The request body is too large' } } satisfies ApiErrorBody,
        413,
      );
    }
    log(error);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side' } } satisfies ApiErrorBody, 500);
  };
}
