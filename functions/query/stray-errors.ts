/**
 * Keeps a thread or process alive through errors no query awaits any more: Comunica goes on evaluating
 * rows after a query's stream failed (an invalid regular expression built per row, say), and their
 * rejections reach no handler. Each query still fails or times out on its own; these are only logged,
 * one line per distinct message, so a hostile query cannot flood the log either.
 */
export function guardAgainstStrayErrors(where: string, log: (line: string) => void = console.error): () => number {
  const seen = new Set<string>();
  let count = 0;
  const onStray = (error: unknown) => {
    count++;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (seen.size < 100 && !seen.has(message)) {
      seen.add(message);
      log(`${where}: ignored an error no query was waiting for: ${message}`);
    }
  };
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  return () => count;
}
