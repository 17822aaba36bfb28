import { readdirSync, readFileSync } from 'node:fs';

/** The process ids of a process's children, from /proc/PID/task/TID/children (every thread's). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return []; // it ended meanwhile
  }
}

function ownResidentKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // a worker that ended between listing and reading
  }
}

/**
 * Resident memory of a process and all its descendants in MiB (VmRSS from /proc/PID/status): the
 * server with its query worker processes.
 */
export function residentMiB(pid: number): number {
  if (!readFileSync(`/proc/${pid}/status`, 'utf8').includes('VmRSS')) throw new Error(`no VmRSS for process ${pid}`);
  let kib = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    kib += ownResidentKiB(next);
    pending.push(...childrenOf(next));
  }
  return kib / 1024;
}

/** Whether the process still runs (it has a /proc entry and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
