import { basename, extname } from 'node:path/posix';
import type { z } from 'zod';
import type { SdgKos } from '../vocab/sdg-kos.js';
import { parseRecordFile, type RawRecord } from './parse-record-file.js';
import { compareProblems, type Problem } from './problem.js';
import { checkAgreements, type MouRowCandidate } from './check-agreements.js';
import { mouRowType, RECORD_TYPES, type AnyRecordType, type RecordType } from './record-types.js';
import { RecordSet } from './record-set.js';
import { describeTarget, type Reference } from './reference.js';
import type { ConceptSchemeRecord } from './schema/concept-scheme.js';

/** A file of the records folder: `path` is what messages show (e.g. `data/entities/unodc.yaml`). */
export interface RecordFile {
  readonly path: string;
  /** The record-type folder it sits in (e.g. `entities`). */
  readonly folder: string;
  readonly text: string;
}

export interface ValidationResult {
  /** Every record that passed all checks. */
  readonly records: RecordSet;
  /** Every problem found, sorted by file and line. Records with a problem are not in `records`. */
  readonly problems: readonly Problem[];
  /** Records that failed, kept whole so nothing is lost. */
  readonly rejected: readonly RawRecord[];
  /**
   * Whether each agent slug names an entity or an organization, valid or not: a record may point at
   * one that is rejected this time, and its IRI must still be the right one.
   */
  readonly agentKinds: ReadonlyMap<string, 'entity' | 'organization'>;
}

interface Candidate {
  readonly type: AnyRecordType;
  readonly raw: RawRecord;
  readonly record: { id: string };
}

interface KnownRecord {
  readonly type: AnyRecordType;
  readonly raw: RawRecord;
}

const TYPE_BY_FOLDER = new Map<string, AnyRecordType>(RECORD_TYPES.map((t) => [t.folder, t]));

/** Parses and validates every record: schema, ids, and every reference between records and to the SDG KOS. */
export function validateRecords(files: readonly RecordFile[], kos: SdgKos): ValidationResult {
  const problems: Problem[] = [];
  const rejected = new Set<RawRecord>();
  const candidates: Candidate[] = [];
  const known: KnownRecord[] = [];
  const knownNames: { type: AnyRecordType; id: string }[] = [];

  for (const file of files) {
    const type = TYPE_BY_FOLDER.get(file.folder);
    if (!type) {
      problems.push({
        file: file.path,
        message: `unknown record folder "${file.folder}" (expected one of ${[...TYPE_BY_FOLDER.keys()].join(', ')})`,
      });
      continue;
    }
    if (!['.yaml', '.yml'].includes(extname(file.path))) {
      problems.push({ file: file.path, message: 'expected a .yaml file' });
      continue;
    }
    const parsed = parseRecordFile(file.path, file.text);
    problems.push(...parsed.problems);
    // A one-record file is known by its name even when it cannot be read, so that the records
    // pointing at it do not repeat its problem.
    if (!parsed.table) knownNames.push({ type, id: basename(file.path, extname(file.path)) });
    for (const raw of parsed.records) {
      known.push({ type, raw });
      const checked = checkSchema(type, raw);
      if ('problems' in checked) {
        problems.push(...checked.problems);
        rejected.add(raw);
        continue;
      }
      if (!parsed.table) checkFileName(file, raw, problems, rejected);
      candidates.push({ type, raw, record: checked.record });
    }
  }

  const accepted = candidates.filter((c) => !rejected.has(c.raw));
  checkUniqueIds(accepted, problems, rejected);
  const unique = accepted.filter((c) => !rejected.has(c.raw));
  // References resolve against every record that names itself, valid or not: one bad record is
  // reported once, not again by every record that points at it.
  const resolver = new Resolver(known, knownNames, kos);
  for (const c of unique) {
    for (const ref of (c.type as RecordType<{ id: string }>).references(c.record)) {
      const problem = resolver.check(ref);
      if (problem) {
        problems.push(at(c.raw, ref.field, problem));
        rejected.add(c.raw);
      }
    }
  }

  for (const { raw, field, message } of checkAgreements(
    unique.filter((c) => c.type === mouRowType) as unknown as MouRowCandidate[],
  )) {
    problems.push(at(raw, field, message));
    rejected.add(raw);
  }

  const records = new RecordSet();
  for (const c of unique) if (!rejected.has(c.raw)) records.add(c.type, c.raw.file, c.record);
  const agentKinds = new Map<string, 'entity' | 'organization'>();
  for (const { type, id } of [...knownNames, ...known.map((k) => ({ type: k.type, id: k.raw.id }))]) {
    if (id !== undefined && (type.name === 'entity' || type.name === 'organization')) agentKinds.set(id, type.name);
  }
  return { records, problems: problems.sort(compareProblems), rejected: [...rejected], agentKinds };
}

/** The record as its schema reads it (defaults filled in), or one problem per schema issue. */
function checkSchema(type: AnyRecordType, raw: RawRecord): { record: { id: string } } | { problems: Problem[] } {
  const result = (type.schema as z.ZodType<{ id: string }>).safeParse(raw.data, { reportInput: true });
  if (result.success) return { record: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      return at(raw, formatPath(path), describeIssue(issue), path);
    }),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `missing required field (${customOr(issue.message, `expected ${issue.expected}`)})`;
  }
  if (issue.code === 'invalid_type') {
    return `wrong type: got ${describeValue(issue.input)}, ${customOr(issue.message, `expected ${issue.expected}`)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (expected only the fields of the schema; check the spelling)`;
  }
  if (issue.code === 'custom') return issue.message;
  const got = 'input' in issue && issue.input !== undefined ? `got ${describeValue(issue.input)}, ` : '';
  return `${got}${issue.message}`;
}

/** Zod's own messages start with "Invalid input"; ours say what was expected. */
function customOr(message: string, fallback: string): string {
  return message.startsWith('Invalid input') ? fallback : message;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function parsePath(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

function at(raw: RawRecord, field: string, message: string, path: readonly PropertyKey[] = parsePath(field)): Problem {
  const line = raw.lineOf(path);
  return {
    file: raw.file,
    ...(line === undefined ? {} : { line }),
    ...(raw.id === undefined ? {} : { record: raw.id }),
    field,
    message,
  };
}

/** A file holding one record is named after it, so a reader finds `unodc` in `unodc.yaml`. */
function checkFileName(file: RecordFile, raw: RawRecord, problems: Problem[], rejected: Set<RawRecord>): void {
  const name = basename(file.path, extname(file.path));
  if (raw.id !== undefined && raw.id !== name) {
    problems.push(
      at(
        raw,
        'id',
        `id "${raw.id}" does not match the file name (expected "${name}", or rename the file to "${raw.id}.yaml")`,
      ),
    );
    rejected.add(raw);
  }
}

function checkUniqueIds(candidates: readonly Candidate[], problems: Problem[], rejected: Set<RawRecord>): void {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) {
    // Entities and organizations share one namespace: a party slug must name exactly one agent.
    const namespace = c.type.name === 'entity' || c.type.name === 'organization' ? 'agent' : c.type.name;
    const key = `${namespace}/${c.record.id}`;
    const first = seen.get(key);
    if (first) {
      problems.push(
        at(
          c.raw,
          'id',
          `duplicate id "${c.record.id}": already used by ${first.raw.file} (expected ids unique among ${namespace === 'agent' ? 'entities and organizations' : c.type.folder})`,
        ),
      );
      rejected.add(c.raw);
    } else {
      seen.set(key, c);
    }
    if (c.type.name === 'scheme') checkUniqueConcepts(c, problems, rejected);
  }
}

function checkUniqueConcepts(c: Candidate, problems: Problem[], rejected: Set<RawRecord>): void {
  const ids = new Set<string>();
  (c.record as ConceptSchemeRecord).concepts.forEach((concept, i) => {
    if (ids.has(concept.id)) {
      problems.push(at(c.raw, `concepts[${i}].id`, `duplicate concept id "${concept.id}" in scheme "${c.record.id}"`));
      rejected.add(c.raw);
    }
    ids.add(concept.id);
  });
}

function conceptIdsOf(data: unknown): string[] {
  const concepts = (data as { concepts?: unknown }).concepts;
  if (!Array.isArray(concepts)) return [];
  return concepts
    .map((c: unknown) => (c as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
}

/** Answers whether a reference resolves, against the records that passed their schema. */
class Resolver {
  private readonly ids = new Map<string, Set<string>>();
  private readonly concepts = new Map<string, Set<string>>();

  constructor(
    records: readonly KnownRecord[],
    fileNames: readonly { type: AnyRecordType; id: string }[],
    private readonly kos: SdgKos,
  ) {
    for (const { type, id } of fileNames) this.addId(type, id);
    for (const { type, raw } of records) {
      if (raw.id === undefined) continue;
      this.addId(type, raw.id);
      if (type.name === 'scheme') this.concepts.set(raw.id, new Set(conceptIdsOf(raw.data)));
    }
  }

  check(ref: Reference): string | undefined {
    const { target, value } = ref;
    const found =
      target.kind === 'concept'
        ? this.concepts.get(target.scheme)?.has(value)
        : target.kind === 'm49'
          ? this.kos.m49Labels.has(value)
          : target.kind === 'sdg'
            ? this.kos.sdgByCode.has(value)
            : this.idsOf(target.kind).has(value);
    return found ? undefined : `unknown reference "${value}" (expected ${describeTarget(target)})`;
  }

  private addId(type: AnyRecordType, id: string): void {
    this.idsOf(type.name).add(id);
    if (type.name === 'entity' || type.name === 'organization') this.idsOf('agent').add(id);
  }

  private idsOf(kind: string): Set<string> {
    let set = this.ids.get(kind);
    if (!set) this.ids.set(kind, (set = new Set()));
    return set;
  }
}
