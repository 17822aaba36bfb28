import type { DescribeRequest, ExecutorStats, QueryExecutor } from './query-executor.js';
import {
  QueryError,
  QueryMemoryError,
  QueryTimeoutError,
  QueueFullError,
  ShapeRefusedError,
  TooManyClientQueriesError,
} from './query-errors.js';
import type { QueryRequest, QueryResponse } from './query-runner.js';
import { FairQueue } from './fair-queue.js';
import { queryShapes } from './normalize-query.js';
import { ShapeBreaker } from './shape-breaker.js';
import { RecentShapes } from './recent-shapes.js';
import { retire, startWorker, type Job, type WorkerSlot } from './worker-slot.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './worker-protocol.js';

const ANONYMOUS = '-';
const STOPS_TO_REFUSE = 2;

/**
 * Runs queries in a pool of worker processes, each with its own engine and store.
 * - The time limit counts from arrival: a query still waiting at the limit is answered 503 too.
 * - The queue is bounded (503) and so is each client's share of it (429), both with Retry-After; the
 *   queue takes from each client in turn.
 * - A query past the time or memory limit has its worker terminated (the only way to stop a Comunica
 *   aggregate); a warm spare takes its place at once and a new spare loads in the background. A query
 *   that spent its time waiting is still answered 503 at its deadline, but its worker may finish it
 *   until it has run for half the limit: most are short, and a worker is not reloaded for them.
 * - A worker is kept for queries of shapes that ended quickly lately (see recent-shapes): queries of a
 *   shape not seen yet, or that ran long lately, run on all workers but one at most, so that a burst of
 *   slow queries cannot take every worker from the short ones. A shape seen slow is also not started
 *   with less than half its time left: it would only be stopped, at the cost of a worker.
 * - Queries of a shape stopped at a limit twice in a row are refused at once for a while (see
 *   shape-breaker): each stop costs a worker's CPU to the limit and a restart.
 */
export class WorkerPoolExecutor implements QueryExecutor {
  private readonly slots: WorkerSlot[] = [];
  private readonly spares: WorkerSlot[] = [];
  private readonly queue = new FairQueue<Job>();
  private readonly perClient = new Map<string, number>();
  private readonly slowShapes = new RecentShapes();
  private readonly quickShapes = new RecentShapes();
  private readonly breaker: ShapeBreaker;
  private readonly counters = {
    restarted: 0,
    timedOut: 0,
    memoryExceeded: 0,
    rejectedBusy: 0,
    rejectedClient: 0,
    rejectedShape: 0,
  };
  private readonly started: Promise<void>;
  private startFailed!: (error: Error) => void;
  private startDone!: () => void;
  private nextId = 1;
  private closed = false;
  /** Whether the first workers are all loaded: from then on, spares are kept. */
  private warm = false;

  constructor(
    private readonly init: WorkerInit,
    private readonly size = 1,
    private readonly script = new URL('./query-worker.js', import.meta.url),
  ) {
    this.started = new Promise<void>((resolve, reject) => {
      this.startDone = resolve;
      this.startFailed = reject;
    });
    this.started.catch(() => undefined);
    this.breaker = new ShapeBreaker(this.limits.shapeCooldownSeconds * 1000, STOPS_TO_REFUSE);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private get limits() {
    return this.init.options.limits;
  }

  /**
   * Resolves when every worker has loaded the store and can answer. The warm spares load after, in the
   * background: started together, they would only slow the first workers down on a small machine.
   */
  ready(): Promise<void> {
    return this.started;
  }

  async query(request: QueryRequest, client?: string): Promise<QueryResponse> {
    const reply = await this.submit({ id: this.nextId++, kind: 'query', request }, client);
    return (reply as { response: QueryResponse }).response;
  }

  async describe(request: DescribeRequest, client?: string): Promise<string | undefined> {
    const reply = await this.submit({ id: this.nextId++, kind: 'describe', request }, client);
    return (reply as { description?: string }).description;
  }

  stats(): ExecutorStats {
    return {
      workers: this.slots.length,
      spares: this.spares.filter((s) => s.ready).length,
      running: this.slots.filter((s) => s.job).length,
      queued: this.queue.size,
      slowShapes: this.slowShapes.size,
      quickShapes: this.quickShapes.size,
      ...this.counters,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.drain()) this.settle(job, new Error('the query executor is closed'));
    for (const slot of this.slots) clearTimeout(slot.job?.graceTimer);
    await Promise.all([...this.slots, ...this.spares].map(retire));
  }

  private spawn(): WorkerSlot {
    return startWorker(this.script, this.init, this.limits.memoryMb, {
      ready: () => {
        if (!this.warm && this.slots.every((s) => s.ready)) {
          this.warm = true;
          this.startDone();
          this.topUpSpares();
        }
        this.dispatch();
      },
      reply: (slot, reply) => this.finish(slot, reply),
      died: (slot) => this.died(slot),
    });
  }

  private submit(task: WorkerTask, client = ANONYMOUS): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('the query executor is closed'));
    const retryAfter = Math.max(1, Math.ceil(this.limits.timeoutMs / 1000));
    const mine = this.perClient.get(client) ?? 0;
    if (client !== ANONYMOUS && mine >= this.limits.clientMax) {
      this.counters.rejectedClient++;
      return Promise.reject(new TooManyClientQueriesError(this.limits.clientMax, retryAfter));
    }
    const idle = this.slots.some((s) => s.ready && !s.job);
    if (!idle && this.queue.size >= this.limits.queueMax) {
      this.counters.rejectedBusy++;
      return Promise.reject(new QueueFullError(this.queue.size, retryAfter));
    }
    const shapes = task.kind === 'query' ? queryShapes(task.request.query) : undefined;
    const refusedMs = shapes ? this.breaker.refusedFor(shapes.exactShape) : 0;
    if (refusedMs > 0) {
      this.counters.rejectedShape++;
      return Promise.reject(this.shapeRefused(refusedMs));
    }
    return new Promise<WorkerReply>((resolve, reject) => {
      const job: Job = {
        task,
        client,
        resolve,
        reject,
        timer: setTimeout(() => this.expire(job), this.limits.timeoutMs),
        deadline: performance.now() + this.limits.timeoutMs,
        ...shapes,
      };
      this.perClient.set(client, mine + 1);
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.size === 0) return;
      if (!slot.ready || slot.job) continue;
      const restrictedRunning = this.slots.filter((s) => s.job?.restricted).length;
      const restrictedMax = Math.max(1, this.slots.length - 1);
      const now = performance.now();
      const job = this.queue.shift(
        (j) =>
          this.knownQuick(j) ||
          (restrictedRunning < restrictedMax && (!this.knownSlow(j) || j.deadline - now >= this.limits.timeoutMs / 2)),
      );
      if (!job) return;
      job.restricted = !this.knownQuick(job);
      job.slot = slot;
      job.startedAt = performance.now();
      slot.job = job;
      slot.worker.send(job.task);
    }
  }

  /**
   * Describes (one resource's quads) and queries of a shape that ended quickly lately, and not slow since.
   * Asked when a worker is free, not on arrival: what the pool learnt while a query waited counts.
   */
  private knownQuick(job: Job): boolean {
    return job.shape === undefined || this.quickShapes.has(job.shape);
  }

  private knownSlow(job: Job): boolean {
    return job.shape !== undefined && this.slowShapes.has(job.shape);
  }

  /**
   * Remembers the shape of a query that was stopped at a limit or ran past three quarters of the time
   * limit as slow, and that of one that ended within a quarter of it as quick (a short query that once
   * ran long on a busy machine is not kept from the free worker for long). The shape breaker counts the
   * stops in a row.
   */
  private noteRunTime(job: Job, stopped: boolean): void {
    if (job.exactShape !== undefined) {
      if (stopped) this.refuseWaiting(job.exactShape);
      else this.breaker.succeeded(job.exactShape);
    }
    if (job.shape === undefined || job.startedAt === undefined) return;
    const ranMs = performance.now() - job.startedAt;
    if (stopped || ranMs >= this.limits.timeoutMs * 0.75) {
      this.slowShapes.mark(job.shape);
      this.quickShapes.forget(job.shape);
    } else if (ranMs < this.limits.timeoutMs * 0.25) {
      this.quickShapes.mark(job.shape);
      this.slowShapes.forget(job.shape);
    }
  }

  /** Counts a stop of this shape; once the breaker refuses it, the queries of it still waiting are refused too. */
  private refuseWaiting(exactShape: string): void {
    this.breaker.stopped(exactShape);
    const refusedMs = this.breaker.refusedFor(exactShape);
    if (refusedMs === 0) return;
    for (const waiting of this.queue.removeWhere((j) => j.exactShape === exactShape)) {
      this.counters.rejectedShape++;
      this.settle(waiting, this.shapeRefused(refusedMs));
    }
  }

  private shapeRefused(refusedMs: number): ShapeRefusedError {
    return new ShapeRefusedError(STOPS_TO_REFUSE, this.limits.timeoutMs, Math.ceil(refusedMs / 1000));
  }

  private finish(slot: WorkerSlot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || job.task.id !== reply.id) return;
    slot.job = undefined;
    clearTimeout(job.graceTimer);
    this.noteRunTime(job, false);
    if (job.abandoned) {
      // Answered 503 at its deadline already: the late answer goes nowhere.
    } else if (reply.ok) this.settle(job, undefined, reply);
    else {
      const { message, status, name } = reply.error;
      this.settle(job, Object.assign(new QueryError(message, status), { name }));
    }
    this.dispatch();
  }

  /** The time limit, counted from arrival, whether the query still waits or already runs. */
  private expire(job: Job): void {
    this.counters.timedOut++;
    if (!job.slot) {
      this.queue.remove(job);
      this.settle(job, new QueryTimeoutError(this.limits.timeoutMs, true));
      return;
    }
    this.settle(job, new QueryTimeoutError(this.limits.timeoutMs));
    // A query taken late (it waited for a worker) may run for half the limit before its worker is stopped.
    const graceLeft = job.startedAt! + this.limits.timeoutMs / 2 - performance.now();
    if (graceLeft > 0) {
      job.abandoned = true;
      job.graceTimer = setTimeout(() => this.stop(job), graceLeft);
    } else this.stop(job);
  }

  /** Terminates the worker running a query past its time, and puts another in its place. */
  private stop(job: Job): void {
    const slot = job.slot!;
    if (slot.job !== job) return;
    this.noteRunTime(job, true);
    slot.job = undefined;
    void retire(slot);
    this.replace(slot);
  }

  private died(slot: WorkerSlot): void {
    const failure = slot.failure ?? new Error('a query worker stopped');
    if (!slot.ready) {
      // A worker that cannot even load the store will not do better on a retry: fail what waits.
      this.remove(slot);
      this.startFailed(failure);
      for (const job of this.queue.drain()) this.settle(job, failure);
      return;
    }
    if (slot.job) {
      const job = slot.job;
      const outOfMemory = slot.outOfMemory === true;
      if (outOfMemory) this.counters.memoryExceeded++;
      clearTimeout(job.graceTimer);
      this.noteRunTime(job, true);
      if (!job.abandoned) this.settle(job, outOfMemory ? new QueryMemoryError(this.limits.memoryMb) : failure);
      slot.job = undefined;
    }
    this.replace(slot);
  }

  /** Puts a warm spare (or else a fresh worker) in the place of a stopped one, and loads a new spare. */
  private replace(slot: WorkerSlot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) {
      this.remove(slot);
    } else {
      if (this.closed) return;
      this.counters.restarted++;
      const spareIndex = this.spares.findIndex((s) => s.ready);
      const spare = spareIndex >= 0 ? this.spares.splice(spareIndex, 1)[0]! : this.spares.shift();
      this.slots[index] = spare ?? this.spawn();
    }
    if (this.warm) this.topUpSpares();
    this.dispatch();
  }

  private topUpSpares(): void {
    while (!this.closed && this.spares.length < this.limits.spareWorkers) this.spares.push(this.spawn());
  }

  private remove(slot: WorkerSlot): void {
    for (const list of [this.slots, this.spares]) {
      const i = list.indexOf(slot);
      if (i >= 0) list.splice(i, 1);
    }
  }

  private settle(job: Job, error: Error | undefined, reply?: WorkerReply): void {
    clearTimeout(job.timer);
    const left = (this.perClient.get(job.client) ?? 1) - 1;
    if (left > 0) this.perClient.set(job.client, left);
    else this.perClient.delete(job.client);
    if (error) job.reject(error);
    else job.resolve(reply!);
  }
}
