import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** One file of a dump set, with what the catalog and the manifest say about it. */
export interface DumpFile {
  /** Path within the dump set, e.g. `icat.nq` or `entities/unodc.jsonld`. */
  readonly path: string;
  readonly content: Buffer;
  /** Media type of the (uncompressed) content. */
  readonly mediaType: string;
  readonly title: string;
  /** What the file shows, for `dct:description` (default: its title, path and dump set). */
  readonly description?: string;
  /** The specification the format follows, for `dct:conformsTo`. */
  readonly conformsTo?: string;
  /** True for the `.gz` variant of another file. */
  readonly gzip?: boolean;
  readonly sha256: string;
}

export function dumpFile(fields: Omit<DumpFile, 'sha256' | 'content'> & { content: string | Buffer }): DumpFile {
  const content = typeof fields.content === 'string' ? Buffer.from(fields.content, 'utf8') : fields.content;
  return { ...fields, content, sha256: sha256(content) };
}

/** The gzip variant of a file; gzip's header carries no time here, so the bytes are stable. */
export function gzipped(file: DumpFile): DumpFile {
  return dumpFile({
    ...file,
    path: `${file.path}.gz`,
    title: `${file.title} (gzip)`,
    content: gzipSync(file.content, { level: 9 }),
    gzip: true,
  });
}

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}
