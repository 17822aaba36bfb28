/**
 * Shapes of query seen lately with some property: those that ran long (near or past the time limit) and
 * those that ended quickly, so the pool can keep a worker for queries known to be quick. Bounded: the
 * least recently marked shape goes first; a shape is forgotten after `ttlMs`, so a shape that was slow
 * only while the machine was busy gets another chance.
 */
export class RecentShapes {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 1000,
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  mark(shape: string): void {
    this.seen.delete(shape);
    this.seen.set(shape, this.now() + this.ttlMs);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
  }

  forget(shape: string): void {
    this.seen.delete(shape);
  }

  has(shape: string): boolean {
    const until = this.seen.get(shape);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.seen.delete(shape);
    return false;
  }
}
