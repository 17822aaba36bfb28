/** Base of every error a query can end with; `status` is the HTTP status the app answers with. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly status: number,
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

/** The query ran past the configured time and was stopped. */
export class QueryTimeoutError extends QueryError {
  constructor(timeoutMs: number) {
    super(
      `The query was stopped after ${timeoutMs / 1000} s, the time limit of this endpoint. Narrow it down or add a LIMIT.`,
      503,
    );
  }
}

/** The query failed while running (e.g. a SERVICE that is not allowed); never a stack trace. */
export class QueryExecutionError extends QueryError {
  constructor(message: string) {
    super(message, 400);
  }
}
