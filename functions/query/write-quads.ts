import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Writer } from 'n3';
import type { JsonLdContext } from '../publish/serialize.js';
import { writeRdfXml } from './write-rdf-xml.js';

/** Serializes a CONSTRUCT or DESCRIBE result in an RDF media type. */
export async function writeQuads(
  quads: readonly Quad[],
  mediaType: string,
  prefixes: Record<string, string>,
  context?: JsonLdContext,
): Promise<string> {
  if (mediaType === 'application/rdf+xml') return writeRdfXml(quads);
  if (mediaType === 'application/ld+json') {
    const expanded = await jsonld.fromRDF(quads as unknown as Parameters<typeof jsonld.fromRDF>[0]);
    if (!context) return `${JSON.stringify(expanded, null, 1)}\n`;
    const compacted = await jsonld.compact(expanded, context as Parameters<typeof jsonld.compact>[1]);
    return `${JSON.stringify(compacted, null, 1)}\n`;
  }
  const triplesOnly = mediaType === 'text/turtle' || mediaType === 'application/n-triples';
  const written = triplesOnly ? quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)) : [...quads];
  const plainFormat = mediaType === 'application/n-triples' || mediaType === 'application/n-quads';
  const writer = new Writer({ format: mediaType, ...(plainFormat ? {} : { prefixes }) });
  writer.addQuads(written);
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}

/**
 * Serializes within a byte budget: a result too large is cut to fewer quads (keeping the first ones)
 * until it fits. Returns the text and how many quads it holds.
 */
export async function writeQuadsWithin(
  quads: readonly Quad[],
  mediaType: string,
  prefixes: Record<string, string>,
  maxBytes: number,
  context?: JsonLdContext,
): Promise<{ body: string; count: number }> {
  let count = quads.length;
  for (;;) {
    const body = await writeQuads(quads.slice(0, count), mediaType, prefixes, context);
    const bytes = Buffer.byteLength(body);
    if (bytes <= maxBytes || count === 0) return { body, count };
    count = Math.floor(((count * maxBytes) / bytes) * 0.95);
  }
}
