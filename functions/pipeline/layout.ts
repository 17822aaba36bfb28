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
  /** The last failure to load a published dump set into the SPARQL store (the publish itself stands). */
  storeLoadFailure: 'reports/last-store-load-failure.json',
} as const;

/** `dumps/{version}/`: where the files of a dump set live. */
export function versionPrefix(version: string): string {
  return `${LAYOUT.dumps}${version}/`;
}

/** `dumps/{version}/manifest.json`: written last, so its presence marks a dump set whose every file was written. */
export function manifestKeyOf(version: string): string {
  return `${versionPrefix(version)}manifest.json`;
}

/** One file as the manifest lists it. */
export interface ManifestEntry {
  readonly path: string;
  readonly mediaType: string;
  readonly encoding?: string;
  readonly size: number;
  readonly sha256: string;
}

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
