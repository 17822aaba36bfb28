/**
 * Refuses for a while the queries of a shape that was stopped at a limit several times in a row, so that
 * a query sent again and again (a retrying client, a dashboard, an attack with varying constants) costs
 * its CPU and a worker restart a few times, not every time. A query of that shape that ends in time
 * clears the record, so a popular query stays open while it keeps succeeding. After the cool-down, one
 * query of the shape is let through; if it is stopped too, the shape is refused again at once.
 */
export class ShapeBreaker {
  private readonly shapes = new Map<string, { stops: number; refusedUntil: number }>();

  constructor(
    private readonly cooldownMs: number,
    private readonly stopsToRefuse = 2,
    private readonly capacity = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.shapes.size;
  }

  /** The milliseconds for which queries of this shape are still refused, or 0. */
  refusedFor(shape: string): number {
    const record = this.shapes.get(shape);
    return record ? Math.max(0, record.refusedUntil - this.now()) : 0;
  }

  /** A query of this shape was stopped at the time or memory limit. */
  stopped(shape: string): void {
    if (this.cooldownMs === 0) return;
    const record = this.shapes.get(shape) ?? { stops: 0, refusedUntil: 0 };
    record.stops++;
    if (record.stops >= this.stopsToRefuse) record.refusedUntil = this.now() + this.cooldownMs;
    // Most recently stopped last: past the capacity, the shape stopped longest ago goes first.
    this.shapes.delete(shape);
    this.shapes.set(shape, record);
    if (this.shapes.size > this.capacity) this.shapes.delete(this.shapes.keys().next().value!);
  }

  /** A query of this shape ended within its limits. */
  succeeded(shape: string): void {
    this.shapes.delete(shape);
  }
}
