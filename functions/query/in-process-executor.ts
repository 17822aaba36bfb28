import type { Store } from 'n3';
import { describeQuads } from './describe.js';
import type { DescribeRequest, QueryExecutor } from './query-executor.js';
import { QueryTimeoutError } from './query-errors.js';
import { QueryRunner, type QueryRequest, type QueryResponse, type QueryRunnerOptions } from './query-runner.js';
import { writeQuads } from './write-quads.js';

/**
 * Runs queries on the calling thread. The time limit is answered on time, but Comunica cannot be
 * stopped from here, so a runaway aggregate keeps its CPU until it ends: deployments use the worker pool.
 */
export class InProcessExecutor implements QueryExecutor {
  private readonly runner: QueryRunner;

  constructor(
    private readonly store: Store,
    private readonly options: QueryRunnerOptions,
  ) {
    this.runner = new QueryRunner(store, options);
  }

  async query(request: QueryRequest): Promise<QueryResponse> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new QueryTimeoutError(this.options.limits.timeoutMs)),
        this.options.limits.timeoutMs,
      );
    });
    try {
      return await Promise.race([this.runner.run(request), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async describe(request: DescribeRequest): Promise<string | undefined> {
    const quads = describeQuads(this.store, request.iri);
    if (quads.length === 0) return undefined;
    return writeQuads(quads, request.mediaType, this.options.prefixes, this.options.jsonLdContext);
  }

  async close(): Promise<void> {}
}
