import { Worker } from 'node:worker_threads';
import type { DescribeRequest, QueryExecutor } from './query-executor.js';
import { QueryError, QueryTimeoutError } from './query-errors.js';
import type { QueryRequest, QueryResponse } from './query-runner.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker-protocol.js';

interface Pending {
  readonly task: WorkerTask;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy?: Pending & { timer: NodeJS.Timeout };
}

/**
 * Runs queries in a pool of worker threads, each with its own engine and store. A query past the time
 * limit is answered 503 at once and its worker terminated — the only way to stop a Comunica aggregate —
 * and a fresh worker takes its place.
 */
export class WorkerPoolExecutor implements QueryExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly init: WorkerInit,
    private readonly size = 1,
    private readonly script = new URL('./query-worker.js', import.meta.url),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Resolves when every worker has loaded the store and can answer. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  async query(request: QueryRequest): Promise<QueryResponse> {
    const reply = await this.submit({ id: this.nextId++, kind: 'query', request });
    return (reply as { response: QueryResponse }).response;
  }

  async describe(request: DescribeRequest): Promise<string | undefined> {
    const reply = await this.submit({ id: this.nextId++, kind: 'describe', request });
    return (reply as { description?: string }).description;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.init });
    const slot: Slot = { worker, ready: Promise.resolve() };
    let started = false;
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (message.ready) {
          started = true;
          worker.off('message', onMessage);
          worker.on('message', (reply: WorkerReply) => this.finish(slot, reply));
          resolve();
          this.dispatch();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', (error) => {
        reject(error);
        if (started) {
          this.replace(slot, error);
          return;
        }
        // A worker that cannot even load the store will not do better on a retry: fail what waits.
        for (const pending of this.queue.splice(0)) pending.reject(error);
      });
    });
    slot.ready.catch(() => undefined);
    return slot;
  }

  private submit(task: WorkerTask): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('the query executor is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      void slot.ready.then(() => {
        if (slot.busy || this.queue.length === 0 || !this.slots.includes(slot)) return;
        const pending = this.queue.shift()!;
        const timer = setTimeout(() => this.timeout(slot), this.init.options.limits.timeoutMs);
        slot.busy = { ...pending, timer };
        slot.worker.postMessage(pending.task);
      });
    }
  }

  private finish(slot: Slot, reply: WorkerReply): void {
    const busy = slot.busy;
    if (!busy || busy.task.id !== reply.id) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    if (reply.ok) busy.resolve(reply);
    else
      busy.reject(Object.assign(new QueryError(reply.error.message, reply.error.status), { name: reply.error.name }));
    this.dispatch();
  }

  private timeout(slot: Slot): void {
    const busy = slot.busy;
    if (!busy) return;
    slot.busy = undefined;
    busy.reject(new QueryTimeoutError(this.init.options.limits.timeoutMs));
    this.replace(slot);
  }

  /** Terminates a worker (stuck or failed) and starts a fresh one in its place. */
  private replace(slot: Slot, error?: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    if (slot.busy) {
      clearTimeout(slot.busy.timer);
      slot.busy.reject(error ?? new Error('the query worker stopped'));
      slot.busy = undefined;
    }
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
  }
}
