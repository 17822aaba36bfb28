import { Worker } from 'node:worker_threads';
import { OUT_OF_MEMORY_EXIT, type WorkerInit, type WorkerReply, type WorkerTask } from './worker-protocol.js';

/** One query waiting for, or running on, a worker. */
export interface Job {
  readonly task: WorkerTask;
  readonly client: string;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
  slot?: WorkerSlot;
}

/** A query worker thread and what the pool knows of it. */
export interface WorkerSlot {
  readonly worker: Worker;
  ready: boolean;
  /** Set when the pool stopped it on purpose: its exit is expected. */
  retired: boolean;
  job?: Job;
  /** The error the thread died of, e.g. ERR_WORKER_OUT_OF_MEMORY. */
  failure?: Error & { code?: string };
  /** Whether it ended over its memory budget (V8's limit or its own watch). */
  outOfMemory?: boolean;
}

export interface SlotEvents {
  ready(slot: WorkerSlot): void;
  reply(slot: WorkerSlot, reply: WorkerReply): void;
  /** The thread ended without being retired; `failure` says why when it can. */
  died(slot: WorkerSlot): void;
}

/**
 * Starts a query worker with a heap budget of `memoryMb`: it stops itself past it, and V8 stops it at
 * twice that (a query past either kills only this thread).
 */
export function startWorker(script: URL, init: WorkerInit, memoryMb: number, events: SlotEvents): WorkerSlot {
  const worker = new Worker(script, {
    workerData: init,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb * 2 },
  });
  const slot: WorkerSlot = { worker, ready: false, retired: false };
  worker.on('message', (message: WorkerReply | { ready: true }) => {
    if ('ready' in message) {
      slot.ready = true;
      events.ready(slot);
    } else events.reply(slot, message);
  });
  worker.on('error', (error) => (slot.failure = error));
  worker.once('exit', (code) => {
    slot.outOfMemory = code === OUT_OF_MEMORY_EXIT || slot.failure?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (!slot.retired) events.died(slot);
  });
  return slot;
}

export function retire(slot: WorkerSlot): Promise<number> {
  slot.retired = true;
  return slot.worker.terminate();
}
