/** What a reference field points at. Concepts are checked against one scheme. */
export type ReferenceTarget =
  | { kind: 'agent' }
  | { kind: 'entity' }
  | { kind: 'organization' }
  | { kind: 'instrument' }
  | { kind: 'initiative' }
  | { kind: 'activity' }
  | { kind: 'publication' }
  | { kind: 'concept'; scheme: string }
  | { kind: 'm49' }
  | { kind: 'sdg' };

/** One reference a record makes, with the field path it sits at. */
export interface Reference {
  readonly field: string;
  readonly value: string;
  readonly target: ReferenceTarget;
}

export function describeTarget(target: ReferenceTarget): string {
  switch (target.kind) {
    case 'agent':
      return 'the slug of an entity (data/entities) or organization (data/organizations)';
    case 'concept':
      return `a concept of the scheme "${target.scheme}" (data/vocabularies/${target.scheme}.yaml)`;
    case 'm49':
      return 'an M49 code of the SDG geoArea code list';
    case 'sdg':
      return 'the code of an SDG goal, target or indicator of the SDG KOS';
    default:
      return `the slug of a record in data/${FOLDER_OF[target.kind]}`;
  }
}

const FOLDER_OF: Record<string, string> = {
  entity: 'entities',
  organization: 'organizations',
  instrument: 'instruments',
  initiative: 'initiatives',
  activity: 'activities',
  publication: 'publications',
};

/** Collects references with their field paths; `at` indexes arrays the way error messages print them. */
export class ReferenceCollector {
  readonly references: Reference[] = [];

  add(field: string, value: string | undefined, target: ReferenceTarget): this {
    if (value !== undefined) this.references.push({ field, value, target });
    return this;
  }

  addAll(field: string, values: readonly string[], target: ReferenceTarget): this {
    values.forEach((value, i) => this.add(`${field}[${i}]`, value, target));
    return this;
  }
}
