import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteFromFiles, type Site, type SiteFile } from '../http/site.js';
import { triplesOfVoid } from '../publish/void.js';

interface Manifest {
  readonly version: string;
  readonly files: readonly { path: string; mediaType: string; encoding?: string }[];
}

/** A dump set folder written by `icat-kg build`: its manifest gives the version and every file's type. */
export function siteFromDumpDir(dir: string): Site {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${dir} is not a dump set: it has no manifest.json (build one with icat-kg build --out ${dir})`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const files = new Map<string, SiteFile>();
  for (const f of manifest.files) {
    files.set(f.path, {
      content: readFileSync(join(dir, f.path)),
      mediaType: f.encoding === 'gzip' ? 'application/gzip' : f.mediaType,
    });
  }
  files.set('manifest.json', { content: readFileSync(manifestPath), mediaType: 'application/json' });
  const voidFile = files.get('void.ttl');
  const triples = voidFile ? triplesOfVoid(voidFile.content.toString('utf8')) : undefined;
  return siteFromFiles(manifest.version, files, triples);
}

/** Any N-Quads file (the conformance suites use this): its version is a hash of its bytes. */
export function siteFromNQuadsFile(path: string): Site {
  const content = readFileSync(path);
  const version = createHash('sha256').update(content).digest('hex').slice(0, 16);
  return siteFromFiles(version, new Map([['data.nq', { content, mediaType: 'application/n-quads' }]]));
}
