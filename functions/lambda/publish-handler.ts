import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { PublishConfig } from '../config.js';
import { publishDumpSet } from '../pipeline/publish-dump-set.js';
import type { Storage } from '../storage/storage.js';

export interface PublishHandlerDeps {
  readonly sources: Storage;
  readonly dumps: Storage;
  readonly config: PublishConfig;
  readonly log?: (entry: Record<string, unknown>) => void;
}

/**
 * The publish function: any batch of publish requests → one publish of the current graphs. It runs one
 * at a time (reserved concurrency 1). On failure the previous `latest.json` stays, the report is in
 * `reports/`, and the messages return to the queue (and, after retries, to its dead-letter queue).
 */
export function createPublishHandler(deps: PublishHandlerDeps) {
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    try {
      const dumpSet = await publishDumpSet(deps.sources, deps.dumps, deps.config);
      log({
        event: 'published',
        version: dumpSet.version,
        quads: dumpSet.statistics.quads,
        files: dumpSet.files.length,
      });
      return { batchItemFailures: [] };
    } catch (error) {
      log({ event: 'publish-failed', message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      return { batchItemFailures: event.Records.map((m) => ({ itemIdentifier: m.messageId })) };
    }
  };
}
