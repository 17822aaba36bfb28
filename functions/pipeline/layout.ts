/**
 * Where the pipeline keeps things. Sources bucket: `records/` (uploaded YAML records), `graphs/` (their
 * named graphs as N-Quads, one file per record file), `quarantine/` (bad records with their reports).
 * Dumps bucket: `dumps/{version}/...` (immutable dump sets), `latest.json` (the version served),
 * `reports/` (the last publish failure).
 */
export const LAYOUT = {
  records: 'records/',
  graphs: 'graphs/',
  quarantine: 'quarantine/',
  dumps: 'dumps/',
  latest: 'latest.json',
  publishFailure: 'reports/last-publish-failure.json',
} as const;

/** `records/entities/unodc.yaml` → `graphs/entities/unodc.nq`. */
export function graphKeyOf(recordKey: string): string {
  return `${LAYOUT.graphs}${recordKey.slice(LAYOUT.records.length).replace(/\.ya?ml$/, '')}.nq`;
}

/** What `latest.json` says: the version served and where its manifest is. */
export interface LatestPointer {
  readonly version: string;
  readonly manifest: string;
  readonly quads: number;
  readonly triples: number;
}
