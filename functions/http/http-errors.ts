import { QueryError } from '../query/query-errors.js';

/** The one place errors become HTTP answers: a status and a plain message, never a stack trace. */
export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const status = error instanceof QueryError ? error.status : 500;
  const message =
    error instanceof QueryError
      ? error.message
      : 'The server could not answer this request. The error has been logged.';
  if (!(error instanceof QueryError)) console.error(error);
  const retryAfter = error instanceof QueryError && error.retryAfterSeconds ? error.retryAfterSeconds : undefined;
  return new Response(`${message}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      ...(retryAfter ? { 'Retry-After': String(retryAfter) } : {}),
      ...headers,
    },
  });
}
