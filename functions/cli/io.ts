/** Where a command writes; tests pass their own to read what it printed. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

// A reader that stops early (`icat-kg build | head -1`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
