/** A file the server publishes (a dump, the catalog, the VoID, the context). */
export interface SiteFile {
  readonly content: Buffer;
  readonly mediaType: string;
}

/** The published dump set the server answers from: its version and its files, by path. */
export interface Site {
  readonly version: string;
  /** Distinct triples and named graphs of the graph, for the service description. */
  readonly triples?: number;
  file(path: string): SiteFile | undefined;
  readonly paths: readonly string[];
}

/** A site from files in memory (paths as in the manifest). */
export function siteFromFiles(version: string, files: ReadonlyMap<string, SiteFile>, triples?: number): Site {
  return {
    version,
    ...(triples === undefined ? {} : { triples }),
    file: (path) => files.get(path),
    paths: [...files.keys()].sort(),
  };
}
