// Query worker process entry: receives its start data, loads the store once, then answers query and
// describe messages from the pool over the IPC channel.
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { InProcessExecutor } from './in-process-executor.js';
import { storeFromNQuads } from './load-store.js';
import { QueryError } from './query-errors.js';
import type { QueryRunnerOptions } from './query-runner.js';
import { guardAgainstStrayErrors } from './stray-errors.js';
import { OUT_OF_MEMORY_EXIT, type WorkerInit, type WorkerReply, type WorkerTask } from './worker-protocol.js';

// A query's stray rejections (Comunica evaluates rows after its stream failed) must not end this worker.
guardAgainstStrayErrors('query worker');
const send = (message: WorkerReply | { ready: true }) => process.send!(message);
// The pool is the only reason to live: when it goes, so does this process.
process.on('disconnect', () => process.exit(0));

process.once('message', (init: WorkerInit) => {
  const nquads = init.nquads ?? readFileSync(init.nquadsPath!, 'utf8');
  // The pool enforces the time limit by killing this process; the in-process one must never fire first.
  const options: QueryRunnerOptions = { ...init.options, limits: { ...init.options.limits, timeoutMs: 2 ** 31 - 1 } };
  const executor = new InProcessExecutor(storeFromNQuads(nquads), options);

  // The memory budget, watched from inside; V8's own heap limit (set higher by the pool) is the backstop
  // for a query that allocates without giving this timer a turn.
  const budget = init.options.limits.memoryMb * 1024 * 1024;
  setInterval(() => {
    if (getHeapStatistics().used_heap_size > budget) process.exit(OUT_OF_MEMORY_EXIT);
  }, 10).unref();

  process.on('message', async (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply =
        task.kind === 'query'
          ? { id: task.id, ok: true, response: await executor.query(task.request) }
          : { id: task.id, ok: true, description: await executor.describe(task.request) };
    } catch (error) {
      const status = error instanceof QueryError ? error.status : 500;
      const name = error instanceof Error ? error.name : 'Error';
      reply = {
        id: task.id,
        ok: false,
        error: { name, status, message: error instanceof Error ? error.message : String(error) },
      };
    }
    send(reply);
  });
  send({ ready: true });
});
