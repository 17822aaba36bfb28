import type { QueryRequest, QueryResponse } from './query-runner.js';

/** A resource description for dereferencing: the triples about an IRI and its fragment nodes. */
export interface DescribeRequest {
  readonly iri: string;
  readonly mediaType: string;
}

/** What the HTTP app needs from the query side; in process or in a pool of worker threads. */
export interface QueryExecutor {
  query(request: QueryRequest): Promise<QueryResponse>;
  /** Serialized description of a resource, or undefined when the graph says nothing about it. */
  describe(request: DescribeRequest): Promise<string | undefined>;
  close(): Promise<void>;
}
