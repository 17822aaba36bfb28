import type { DescribeRequest } from './query-executor.js';
import type { QueryRequest, QueryResponse, QueryRunnerOptions } from './query-runner.js';

/** What a query worker starts from: the N-Quads of the dump set (text or path) and the runner options. */
export interface WorkerInit {
  readonly nquads?: string;
  readonly nquadsPath?: string;
  readonly options: Omit<QueryRunnerOptions, 'fetch'>;
}

export type WorkerTask =
  | { readonly id: number; readonly kind: 'query'; readonly request: QueryRequest }
  | { readonly id: number; readonly kind: 'describe'; readonly request: DescribeRequest };

export type WorkerReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly response?: QueryResponse;
      readonly description?: string | undefined;
    }
  | { readonly id: number; readonly ok: false; readonly error: { name: string; status: number; message: string } };

/** The exit code of a worker that stopped itself because its heap passed QUERY_MEMORY_MB. */
export const OUT_OF_MEMORY_EXIT = 78;
