import type { QueryRequest, QueryResponse } from './query-runner.js';

/** A resource description for dereferencing: the triples about an IRI and its fragment nodes. */
export interface DescribeRequest {
  readonly iri: string;
  readonly mediaType: string;
}

/** What a pool of query workers has done since it started (the /health answer shows it). */
export interface ExecutorStats {
  readonly workers: number;
  /** Loaded workers waiting to replace a stopped one. */
  readonly spares: number;
  readonly running: number;
  readonly queued: number;
  /** Query shapes that ran long lately, and that ended quickly: only the latter may take every worker. */
  readonly slowShapes?: number;
  readonly quickShapes?: number;
  /** Workers replaced after a time-out, an out-of-memory or a crash. */
  readonly restarted: number;
  readonly timedOut: number;
  readonly memoryExceeded: number;
  /** Queries refused because the queue was full (503) or their client had too many (429). */
  readonly rejectedBusy: number;
  readonly rejectedClient: number;
  /** Queries refused at once (503) because their shape was stopped at a limit twice in a row (see shape-breaker). */
  readonly rejectedShape?: number;
}

/**
 * What the HTTP app needs from the query side; in process or in a pool of worker processes. `client` names
 * who asks (an address), for per-client limits.
 */
export interface QueryExecutor {
  query(request: QueryRequest, client?: string): Promise<QueryResponse>;
  /** Serialized description of a resource, or undefined when the graph says nothing about it. */
  describe(request: DescribeRequest, client?: string): Promise<string | undefined>;
  stats?(): ExecutorStats;
  close(): Promise<void>;
}
