import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { OUT_OF_MEMORY_EXIT, type WorkerInit, type WorkerReply, type WorkerTask } from './worker-protocol.js';

/** One query waiting for, or running on, a worker. */
export interface Job {
  readonly task: WorkerTask;
  readonly client: string;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
  /** The query's shape (see normalize-query). */
  readonly shape?: string;
  /** The shape with its numbers kept, as the shape breaker counts its stops. */
  readonly exactShape?: string;
  /** When its time limit ends (performance.now()). */
  readonly deadline: number;
  /** Taken as a query not known to be quick: such queries keep off one worker. */
  restricted?: boolean;
  slot?: WorkerSlot;
  /** When a worker took it (performance.now()). */
  startedAt?: number;
  /** Answered already (503 at its deadline) while its worker finishes it within its grace. */
  abandoned?: boolean;
  /** Stops its worker at the end of that grace. */
  graceTimer?: NodeJS.Timeout;
}

/** A query worker process and what the pool knows of it. */
export interface WorkerSlot {
  readonly worker: ChildProcess;
  readonly exited: Promise<void>;
  ready: boolean;
  /** Set when the pool stopped it on purpose: its exit is expected. */
  retired: boolean;
  job?: Job;
  /** Why the process ended, when the pool did not stop it. */
  failure?: Error;
  /** Whether it ended over its memory budget (V8's limit or its own watch). */
  outOfMemory?: boolean;
}

export interface SlotEvents {
  ready(slot: WorkerSlot): void;
  reply(slot: WorkerSlot, reply: WorkerReply): void;
  /** The process ended without being retired; `failure` says why. */
  died(slot: WorkerSlot): void;
}

/**
 * Starts a query worker with a heap budget of `memoryMb`: it stops itself past it, and V8 stops it at
 * twice that. A process, not a thread: V8 aborts the whole process when one allocation overshoots its
 * heap limit (a query can build a string of hundreds of MB in one step), and that must end the query's
 * worker only, never the server.
 */
export function startWorker(script: URL, init: WorkerInit, memoryMb: number, events: SlotEvents): WorkerSlot {
  const worker = fork(fileURLToPath(script), [], {
    execArgv: [`--max-old-space-size=${memoryMb * 2}`],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited!: () => void;
  const slot: WorkerSlot = { worker, ready: false, retired: false, exited: new Promise((r) => (exited = r)) };
  worker.on('message', (message: WorkerReply | { ready: true }) => {
    if ('ready' in message) {
      slot.ready = true;
      events.ready(slot);
    } else events.reply(slot, message);
  });
  // A send to a process that just died fails here; its exit follows and says why.
  worker.on('error', (error) => (slot.failure ??= error));
  worker.once('exit', (code, signal) => {
    exited();
    if (slot.retired) return;
    slot.outOfMemory = code === OUT_OF_MEMORY_EXIT || signal === 'SIGABRT';
    slot.failure = new Error(
      `a query worker stopped (${signal ? `signal ${signal}` : `exit code ${code}`})${slot.failure ? `: ${slot.failure.message}` : ''}`,
    );
    events.died(slot);
  });
  worker.send(init);
  return slot;
}

/** Stops a worker on purpose (a query past its time, or the pool closing); resolves once it is gone. */
export function retire(slot: WorkerSlot): Promise<void> {
  slot.retired = true;
  if (slot.worker.exitCode === null && slot.worker.signalCode === null) slot.worker.kill('SIGKILL');
  return slot.exited;
}
