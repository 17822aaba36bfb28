import { siteFromFiles, type Site, type SiteFile } from '../http/site.js';
import type { Storage } from '../storage/storage.js';
import { LAYOUT, type LatestPointer } from './layout.js';
import { mapLimit } from './map-limit.js';

export interface PublishedDumpSet {
  readonly pointer: LatestPointer;
  readonly site: Site;
  readonly nquads: string;
}

/** The version `latest.json` points to, or undefined before the first publish. */
export async function readLatest(dumps: Storage): Promise<LatestPointer | undefined> {
  const object = await dumps.get(LAYOUT.latest);
  return object ? (JSON.parse(object.body.toString('utf8')) as LatestPointer) : undefined;
}

/** Loads the dump set a pointer names: every file of its manifest, and its N-Quads for the query store. */
export async function loadPublished(dumps: Storage, pointer: LatestPointer): Promise<PublishedDumpSet> {
  const prefix = pointer.manifest.slice(0, -'manifest.json'.length);
  const manifestObject = await dumps.get(pointer.manifest);
  if (!manifestObject) throw new Error(`latest.json names ${pointer.manifest}, which does not exist`);
  const manifest = JSON.parse(manifestObject.body.toString('utf8')) as {
    files: { path: string; mediaType: string; encoding?: string }[];
  };
  const files = new Map<string, SiteFile>([
    ['manifest.json', { content: manifestObject.body, mediaType: 'application/json' }],
  ]);
  const loaded = await mapLimit(manifest.files, 8, async (f) => ({ f, object: await dumps.get(`${prefix}${f.path}`) }));
  for (const { f, object } of loaded) {
    if (!object) throw new Error(`dump set ${pointer.version} lacks ${f.path}`);
    files.set(f.path, { content: object.body, mediaType: f.encoding === 'gzip' ? 'application/gzip' : f.mediaType });
  }
  const nquads = files.get('icat.nq')?.content.toString('utf8');
  if (nquads === undefined) throw new Error(`dump set ${pointer.version} has no icat.nq`);
  return { pointer, site: siteFromFiles(pointer.version, files, pointer.triples), nquads };
}
