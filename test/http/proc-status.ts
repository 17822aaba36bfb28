import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB, from /proc/PID/status (VmRSS; its worker threads included). */
export function residentMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS line for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Whether the process still runs (it has a /proc entry and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
