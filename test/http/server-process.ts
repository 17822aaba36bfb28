import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../functions/package-paths.js';

export interface ServerProcess {
  readonly url: string;
  /** The server's process id (its query workers are child processes of it). */
  readonly pid: number;
  /** Milliseconds from spawning the process to its "ready" line. */
  readonly startMs: number;
  /** Everything the process has printed so far, stdout then stderr as they came. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the real server (`node bin/icat-kg.js serve ...`, built code) on a free loopback port. */
export function startServerProcess(
  args: readonly string[],
  env: Record<string, string> = {},
  port = 0,
): Promise<ServerProcess> {
  return startNodeProcess(
    'server',
    [join(packageRoot(), 'bin', 'icat-kg.js'), 'serve', '--port', String(port), '--workers', '1', ...args],
    / at (http:\/\/[^/\s]+)\//,
    env,
  );
}

/**
 * Runs a Node script that prints the URL it listens at, and resolves once it has: `ready` finds the URL
 * (its first group) in what the script has printed. Fails with everything printed if the script exits
 * first or prints no URL within 60 s.
 */
export async function startNodeProcess(
  name: string,
  args: readonly string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
  const startMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    startMs,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
