/** Base of every error a query can end with; `status` is the HTTP status the app answers with. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Seconds a client should wait before asking again (the Retry-After header), for busy answers. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The query does not parse; the message carries the line and the position. */
export class QuerySyntaxError extends QueryError {
  constructor(message: string) {
    super(message, 400);
  }
}

/** The endpoint is read-only: every form of SPARQL Update is refused. */
export class UpdateNotAllowedError extends QueryError {
  constructor(operation: string) {
    super(`This endpoint is read-only: SPARQL Update (${operation}) is not allowed.`, 403);
  }
}

/** A query, a body or a parameter outside the configured limits or the protocol. */
export class BadQueryRequestError extends QueryError {
  constructor(message: string, status = 400) {
    super(message, status);
  }
}

/** No result format the client accepts fits the query form. */
export class NotAcceptableError extends QueryError {
  constructor(form: string, offered: readonly string[]) {
    super(`None of the accepted media types fits a ${form} result; offered: ${offered.join(', ')}.`, 406);
  }
}

/** The query ran (or waited for a worker) past the configured time and was stopped. */
export class QueryTimeoutError extends QueryError {
  constructor(timeoutMs: number, queued = false) {
    super(
      queued
        ? `The query waited ${timeoutMs / 1000} s for a free worker, the time limit of this endpoint: the endpoint is busy. Try again later.`
        : `The query was stopped after ${timeoutMs / 1000} s, the time limit of this endpoint. Narrow it down or add a LIMIT.`,
      503,
      Math.max(1, Math.ceil(timeoutMs / 1000)),
    );
  }
}

/** Queries of this shape were stopped at a limit several times in a row: refused for a while (shape-breaker). */
export class ShapeRefusedError extends QueryError {
  constructor(stops: number, timeoutMs: number, retryAfterSeconds: number) {
    super(
      `Queries of this shape were stopped at the limits of this endpoint (${timeoutMs / 1000} s) ${stops} times in a row lately, so it refuses them for ${retryAfterSeconds} s more. Narrow the query down or add a LIMIT.`,
      503,
      retryAfterSeconds,
    );
  }
}

/** The query queue is full: the endpoint sheds load instead of letting every client wait. */
export class QueueFullError extends QueryError {
  constructor(queued: number, retryAfterSeconds: number) {
    super(`The endpoint is busy (${queued} queries waiting). Try again later.`, 503, retryAfterSeconds);
  }
}

/** One client already has as many queries queued or running as the endpoint allows per client. */
export class TooManyClientQueriesError extends QueryError {
  constructor(perClient: number, retryAfterSeconds: number) {
    super(
      `Too many queries at once from your address: at most ${perClient} may wait or run at a time. Try again later.`,
      429,
      retryAfterSeconds,
    );
  }
}

/** The query needed more memory than a query worker may use; the worker was replaced. */
export class QueryMemoryError extends QueryError {
  constructor(memoryMb: number) {
    super(
      `The query needed more than the ${memoryMb} MB of memory a query may use on this endpoint and was stopped. Narrow it down.`,
      503,
      1,
    );
  }
}

/** The query failed while running (e.g. a SERVICE that is not allowed); never a stack trace. */
export class QueryExecutionError extends QueryError {
  constructor(message: string) {
    super(message, 400);
  }
}
