import { compareStrings } from '../compare.js';
import type { RecordType } from './record-types.js';

/** A record that passed validation, with the file it came from. */
export interface Located<T> {
  readonly file: string;
  readonly record: T;
}

/** The valid records, by type and id, in a stable order (sorted by id). */
export class RecordSet {
  private readonly byType = new Map<string, Map<string, Located<unknown>>>();

  add<T extends { id: string }>(type: RecordType<T>, file: string, record: T): void {
    let records = this.byType.get(type.name);
    if (!records) this.byType.set(type.name, (records = new Map()));
    records.set(record.id, { file, record });
  }

  /** Every record of a type, sorted by id so that output built from it is deterministic. */
  all<T>(type: RecordType<T>): T[] {
    return this.located(type).map((l) => l.record);
  }

  located<T>(type: RecordType<T>): Located<T>[] {
    const records = [...(this.byType.get(type.name)?.values() ?? [])] as Located<T>[];
    return records.sort((a, b) => compareStrings(idOf(a.record), idOf(b.record)));
  }

  get<T>(type: RecordType<T>, id: string): T | undefined {
    return this.byType.get(type.name)?.get(id)?.record as T | undefined;
  }

  count(type: RecordType<unknown>): number {
    return this.byType.get(type.name)?.size ?? 0;
  }
}

function idOf(record: unknown): string {
  return (record as { id: string }).id;
}
