/**
 * A queue that takes from each client in turn (round robin), so one client with many queries waiting
 * does not push everyone else's queries behind its own.
 */
export class FairQueue<T extends { readonly client: string }> {
  // Map order is the turn order: a client whose query is taken goes to the back.
  private readonly byClient = new Map<string, T[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const list = this.byClient.get(item.client);
    if (list) list.push(item);
    else this.byClient.set(item.client, [item]);
    this.count++;
  }

  /**
   * Takes the next item, from each client in turn: that client's oldest item `accept` takes (the pool
   * passes over queries it may not start yet, without holding up the client's others).
   */
  shift(accept: (item: T) => boolean = () => true): T | undefined {
    for (const [client, list] of this.byClient) {
      const index = list.findIndex(accept);
      if (index < 0) continue;
      const [item] = list.splice(index, 1);
      this.byClient.delete(client);
      if (list.length > 0) this.byClient.set(client, list);
      this.count--;
      return item;
    }
    return undefined;
  }

  remove(item: T): boolean {
    const list = this.byClient.get(item.client);
    const index = list ? list.indexOf(item) : -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    if (list.length === 0) this.byClient.delete(item.client);
    this.count--;
    return true;
  }

  /** Takes out every item `match` selects, returning them. */
  removeWhere(match: (item: T) => boolean): T[] {
    const removed = [...this.byClient.values()].flat().filter(match);
    for (const item of removed) this.remove(item);
    return removed;
  }

  /** Empties the queue, returning what it held. */
  drain(): T[] {
    const items = [...this.byClient.values()].flat();
    this.byClient.clear();
    this.count = 0;
    return items;
  }
}
