/**
 * Maps with at most `limit` calls in flight (storage round trips), keeping the order of the input. After
 * the first failure no new call starts, and the failure is raised only once every call in flight has
 * settled: nothing keeps writing behind the caller's back (a publish must not write its manifest after
 * a data file failed).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
