// Adapter: Amazon Neptune's bulk loader (POST /loader, GET /loader/{loadId}), over any (signing) fetch.
import { StoreError } from '../store/graph-store-client.js';

export interface BulkLoadRequest {
  /** `s3://bucket/key`: one file, or every file under a prefix. */
  readonly source: string;
  /** The role attached to the cluster that Neptune assumes to read the bucket. */
  readonly iamRoleArn: string;
  /** The bucket's region, which must be the cluster's. */
  readonly region: string;
  /** @default MEDIUM */
  readonly parallelism?: 'LOW' | 'MEDIUM' | 'HIGH' | 'OVERSUBSCRIBE';
}

/** The loader's overall status of a finished job. */
export interface BulkLoadResult {
  readonly loadId: string;
  readonly status: string;
  readonly totalRecords?: number;
  readonly totalTimeSpent?: number;
}

// A job in these states is still going; LOAD_COMPLETED is success; any other status is a failure.
const RUNNING = new Set(['LOAD_NOT_STARTED', 'LOAD_IN_QUEUE', 'LOAD_IN_PROGRESS']);

export interface NeptuneBulkLoaderOptions {
  /** `https://{cluster endpoint}:8182/loader`. */
  readonly loaderUrl: string;
  readonly fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** @default 2000 */
  readonly pollMs?: number;
  /** Give up waiting after this long (the job goes on in Neptune). @default 10 minutes */
  readonly timeoutMs?: number;
}

/** Starts a Neptune bulk load of N-Quads and waits until it is finished. */
export class NeptuneBulkLoader {
  private readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;

  constructor(private readonly options: NeptuneBulkLoaderOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async load(request: BulkLoadRequest): Promise<BulkLoadResult> {
    const loadId = await this.start(request);
    const deadline = Date.now() + (this.options.timeoutMs ?? 600_000);
    for (;;) {
      const overall = await this.status(loadId);
      const result: BulkLoadResult = {
        loadId,
        status: overall.status,
        ...(overall.totalRecords === undefined ? {} : { totalRecords: overall.totalRecords }),
        ...(overall.totalTimeSpent === undefined ? {} : { totalTimeSpent: overall.totalTimeSpent }),
      };
      if (overall.status === 'LOAD_COMPLETED') return result;
      if (!RUNNING.has(overall.status))
        throw new StoreError(
          `Neptune bulk load ${loadId} of ${request.source} ended ${overall.status} (${overall.parsingErrors ?? 0} parsing errors, ${overall.insertErrors ?? 0} insert errors)`,
          this.options.loaderUrl,
        );
      if (Date.now() > deadline)
        throw new StoreError(
          `Neptune bulk load ${loadId} of ${request.source} is still ${overall.status} after ${(this.options.timeoutMs ?? 600_000) / 1000} s`,
          this.options.loaderUrl,
        );
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 2000));
    }
  }

  private async start(request: BulkLoadRequest): Promise<string> {
    // The loader's HTTP API takes its flags as the strings "TRUE"/"FALSE".
    const body = JSON.stringify({
      source: request.source,
      format: 'nquads',
      iamRoleArn: request.iamRoleArn,
      region: request.region,
      failOnError: 'TRUE',
      parallelism: request.parallelism ?? 'MEDIUM',
      updateSingleCardinalityProperties: 'FALSE',
      queueRequest: 'TRUE',
    });
    const answer = await this.call(this.options.loaderUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const loadId = (answer as { payload?: { loadId?: unknown } }).payload?.loadId;
    if (typeof loadId !== 'string')
      throw new StoreError(`Neptune's loader answered no loadId: ${JSON.stringify(answer)}`, this.options.loaderUrl);
    return loadId;
  }

  private async status(loadId: string): Promise<{
    status: string;
    totalRecords?: number;
    totalTimeSpent?: number;
    parsingErrors?: number;
    insertErrors?: number;
  }> {
    const url = `${this.options.loaderUrl}/${encodeURIComponent(loadId)}`;
    const answer = (await this.call(url, { method: 'GET' })) as {
      payload?: { overallStatus?: { status?: unknown } };
    };
    const overall = answer.payload?.overallStatus;
    if (typeof overall?.status !== 'string')
      throw new StoreError(`Neptune's loader gave no status for ${loadId}: ${JSON.stringify(answer)}`, url);
    return overall as { status: string };
  }

  private async call(url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(url, init);
    } catch (error) {
      throw new StoreError(`Neptune's loader at ${url} did not answer`, url, undefined, { cause: error });
    }
    const text = await response.text();
    if (!response.ok)
      throw new StoreError(
        `Neptune's loader at ${url} answered ${response.status}: ${text.slice(0, 300)}`,
        url,
        response.status,
      );
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new StoreError(
        `Neptune's loader at ${url} answered something that is not JSON: ${text.slice(0, 300)}`,
        url,
      );
    }
  }
}
