import type { S3EventRecord, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { convertSources, type ConvertOutcome } from '../pipeline/convert-sources.js';
import { LAYOUT } from '../pipeline/layout.js';
import { Iris } from '../rdf/iris.js';
import type { Storage } from '../storage/storage.js';
import { loadSdgKos } from '../vocab/sdg-kos.js';

export interface ConvertHandlerDeps {
  readonly sources: Storage;
  readonly baseIri: string;
  /** Asks for a publish (a message on the publish queue); called once per batch that changed a graph. */
  readonly requestPublish: (reason: ConvertOutcome) => Promise<void>;
  readonly log?: (entry: Record<string, unknown>) => void;
}

/**
 * The convert function: an SQS batch of S3 ObjectCreated/ObjectRemoved notifications of the sources
 * bucket → validate and convert the records → graphs. Bad records go to quarantine (not a failure);
 * only messages that could not be processed at all are returned as batch item failures, to be retried.
 */
export function createConvertHandler(deps: ConvertHandlerDeps) {
  const iris = new Iris(deps.baseIri);
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const keysByMessage = new Map<string, string[]>();
    const unreadable: string[] = [];
    for (const message of event.Records) {
      try {
        keysByMessage.set(message.messageId, recordKeysOf(message.body));
      } catch {
        unreadable.push(message.messageId);
      }
    }
    const keys = [...new Set([...keysByMessage.values()].flat())];
    try {
      const outcome = await convertSources(deps.sources, keys, iris, loadSdgKos());
      log({ event: 'convert', ...summary(outcome) });
      if (outcome.converted.length > 0 || outcome.removed.length > 0) await deps.requestPublish(outcome);
    } catch (error) {
      log({ event: 'convert-failed', message: error instanceof Error ? error.message : String(error) });
      return { batchItemFailures: event.Records.map((m) => ({ itemIdentifier: m.messageId })) };
    }
    // A message that is not an S3 notification will never be one: it is logged, not retried.
    if (unreadable.length > 0) log({ event: 'convert-ignored-messages', messageIds: unreadable });
    return { batchItemFailures: [] };
  };
}

/** The record keys of an S3 notification (keys arrive URL-encoded, spaces as '+'); test events have none. */
export function recordKeysOf(body: string): string[] {
  const notification = JSON.parse(body) as { Records?: S3EventRecord[]; Event?: string };
  if (notification.Event === 's3:TestEvent') return [];
  if (!Array.isArray(notification.Records)) throw new Error('not an S3 event notification');
  return notification.Records.map((r) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '))).filter((k) =>
    k.startsWith(LAYOUT.records),
  );
}

function summary(outcome: ConvertOutcome) {
  return {
    converted: outcome.converted.length,
    removed: outcome.removed,
    quarantined: outcome.quarantined.map((q) => ({ key: q.key, problems: q.problems.length })),
  };
}
