import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problem.js';

/** A record as read from its file, before validation, with what is needed to point at its fields. */
export interface RawRecord {
  readonly file: string;
  /** The record's `id` if it has a string one (for messages before validation). */
  readonly id?: string;
  readonly data: unknown;
  /** Line of a field path within the file (the nearest existing node), for messages. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface ParsedFile {
  /** True for a sequence of records (a table), false for a file holding one record. */
  readonly table: boolean;
  readonly records: RawRecord[];
  readonly problems: Problem[];
}

/**
 * Parses one YAML file: a mapping holds one record, a sequence holds a table of records.
 * Syntax errors are reported with their line and nothing of the file is kept.
 */
export function parseRecordFile(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      table: false,
      records: [],
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: `invalid YAML: ${firstLine(e.message)}`,
      })),
    };
  }
  const root = doc.contents;
  if (isMap(root)) return { table: false, records: [rawRecord(file, doc, lineCounter, [])], problems: [] };
  if (isSeq(root)) {
    return { table: true, records: root.items.map((_, i) => rawRecord(file, doc, lineCounter, [i])), problems: [] };
  }
  return {
    table: false,
    records: [],
    problems: [{ file, line: 1, message: 'expected a YAML mapping (one record) or a sequence of mappings (a table)' }],
  };
}

function rawRecord(file: string, doc: Document, lineCounter: LineCounter, prefix: readonly number[]): RawRecord {
  const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
  const data: unknown = node && typeof node === 'object' && 'toJSON' in node ? (node as Node).toJSON() : node;
  const id = isRecordWithId(data) ? data.id : undefined;
  return {
    file,
    ...(id === undefined ? {} : { id }),
    data,
    lineOf(path) {
      const full = [...prefix, ...path];
      for (let n = full.length; n >= 0; n--) {
        const found: unknown = n === 0 ? doc.contents : doc.getIn(full.slice(0, n), true);
        const range = found && typeof found === 'object' && 'range' in found ? (found as Node).range : undefined;
        if (range) return lineCounter.linePos(range[0]).line;
      }
      return undefined;
    },
  };
}

function isRecordWithId(data: unknown): data is { id: string } {
  return typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string';
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
