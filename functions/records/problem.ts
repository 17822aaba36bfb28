import { compareStrings } from '../compare.js';

/** One thing wrong with the records, located as precisely as the input allows. */
export interface Problem {
  /** Path of the file, relative to the folder that was validated's parent (e.g. `data/entities/unodc.yaml`). */
  readonly file: string;
  readonly line?: number;
  /** The record's id, when it has one. */
  readonly record?: string;
  /** Dotted path of the field, e.g. `roles[0].agents[1]`. */
  readonly field?: string;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/** `file:line: record "id": field: message` — one line per problem, grep- and editor-friendly. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const record = p.record === undefined ? '(no record id)' : `record "${p.record}"`;
  const field = p.field === undefined || p.field === '' ? '(whole record)' : p.field;
  return `${where}: ${record}: ${field}: ${p.message}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.message, b.message);
}

/** Raised when records fail validation; carries every problem, not just the first. */
export class RecordsError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem(s) in the records:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RecordsError';
  }
}
