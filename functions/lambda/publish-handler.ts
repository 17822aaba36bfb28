import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { PublishConfig } from '../config.js';
import { LAYOUT } from '../pipeline/layout.js';
import { publishDumpSet } from '../pipeline/publish-dump-set.js';
import type { DumpSet } from '../publish/dump-set.js';
import type { Storage } from '../storage/storage.js';

export interface PublishHandlerDeps {
  readonly sources: Storage;
  readonly dumps: Storage;
  readonly config: PublishConfig;
  readonly log?: (entry: Record<string, unknown>) => void;
  /** Loads each published dump set into a SPARQL store (the Neptune option). @default none */
  readonly loadStore?: (dumpSet: DumpSet) => Promise<Record<string, unknown>>;
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
      if (deps.loadStore) await loadStore(deps.loadStore, dumpSet);
      return { batchItemFailures: [] };
    } catch (error) {
      log({ event: 'publish-failed', message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      return { batchItemFailures: event.Records.map((m) => ({ itemIdentifier: m.messageId })) };
    }
  };

  /**
   * After the switch of `latest.json`: a store that cannot be loaded is reported, never a reason to undo
   * the publish (the dumps are right; the store catches up at the next publish).
   */
  async function loadStore(load: NonNullable<PublishHandlerDeps['loadStore']>, dumpSet: DumpSet): Promise<void> {
    try {
      log({ event: 'store-loaded', ...(await load(dumpSet)) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log({ event: 'store-load-failed', version: dumpSet.version, message: message.split('\n')[0] });
      const report = { version: dumpSet.version, error: error instanceof Error ? error.name : 'Error', message };
      await deps.dumps
        .put(LAYOUT.storeLoadFailure, `${JSON.stringify(report, null, 2)}\n`, { contentType: 'application/json' })
        .catch(() => undefined);
    }
  }
}
