import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Writer } from 'n3';
import { compareStrings } from '../compare.js';
import { ICAT_ONTOLOGY, NS } from '../rdf/namespaces.js';
import { nquadsLine } from '../rdf/sort-quads.js';
import { TermCompactor, UnsupportedJsonLd } from './jsonld-terms.js';
import { writeJsonLdTo } from './jsonld-writer.js';

/** Prefixes written in Turtle and TriG dumps: the external namespaces and the deployment's own. */
export function prefixesFor(base: string): Record<string, string> {
  const { rdf, rdfs, owl, xsd, skos, dct, foaf, org, schema, prov, dcat, void: voidNs, sdg, sdgo, geo, unbist } = NS;
  return {
    icat: ICAT_ONTOLOGY,
    entity: `${base}id/entity/`,
    rdf,
    rdfs,
    owl,
    xsd,
    skos,
    dct,
    foaf,
    org,
    schema,
    prov,
    dcat,
    void: voidNs,
    sdg,
    sdgo,
    geo,
    unbist,
  };
}

/**
 * Text gathered as UTF-8 bytes in chunks of about a megabyte: a dump of the whole graph is never held as
 * one string besides its bytes (nor as a list of its lines). Also an output stream for n3's Writer.
 */
export class ByteSink {
  private readonly chunks: Buffer[] = [];
  private pending = '';
  private size = 0;

  write(text: string, _encoding?: string, done?: () => void): boolean {
    this.pending += text;
    if (this.pending.length >= 1 << 20) this.flush();
    done?.();
    return true;
  }

  end(done?: () => void): void {
    done?.();
  }

  /** The bytes written so far, as one buffer. */
  bytes(): Buffer {
    this.flush();
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
  }

  private flush(): void {
    if (!this.pending) return;
    const chunk = Buffer.from(this.pending, 'utf8');
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.pending = '';
  }
}

/** N-Quads, one line per quad, in the order given (callers pass canonically sorted quads). */
export function toNQuads(quads: readonly Quad[]): string {
  return quads.map((q) => `${nquadsLine(q)}\n`).join('');
}

/** The N-Quads of {@link toNQuads} as UTF-8 bytes. */
export function nquadsBytes(quads: readonly Quad[]): Buffer {
  const sink = new ByteSink();
  for (const q of quads) sink.write(`${nquadsLine(q)}\n`);
  return sink.bytes();
}

/**
 * TriG (UTF-8) with the graphs in IRI order, each graph's triples sorted. The quads come in canonical order (as
 * for N-Quads), so each graph's quads, taken in that order, already are sorted: they are only grouped.
 */
export function trigBytes(quads: readonly Quad[], prefixes: Record<string, string>): Buffer {
  const byGraph = new Map<string, Quad[]>();
  for (const q of quads) {
    let list = byGraph.get(q.graph.value);
    if (!list) byGraph.set(q.graph.value, (list = []));
    list.push(q);
  }
  const names = [...byGraph.keys()].sort(compareStrings);
  return write(
    names.flatMap((name) => byGraph.get(name)!),
    'application/trig',
    prefixes,
  );
}

/**
 * Turtle (UTF-8) of the merged default graph: every triple once, whatever graphs it came from, in the order of
 * their N-Quads lines. Quads in canonical order give their triples in that order already (the lines
 * differ before the graph name, or only in it), with the copies of a triple next to each other: then one
 * pass drops the copies. Quads in any other order are merged through a map and sorted.
 */
export function turtleBytes(quads: readonly Quad[], prefixes: Record<string, string>): Buffer {
  return write(mergeSorted(quads) ?? mergeAny(quads), 'text/turtle', prefixes);
}

/** The triples of quads whose triple lines never decrease, each once; undefined for any other order. */
function mergeSorted(quads: readonly Quad[]): Quad[] | undefined {
  const triples: Quad[] = [];
  let last: string | undefined;
  for (const q of quads) {
    const t = DataFactory.quad(q.subject, q.predicate, q.object);
    const line = nquadsLine(t);
    if (last !== undefined) {
      const order = compareStrings(last, line);
      if (order > 0) return undefined;
      if (order === 0) {
        triples[triples.length - 1] = t;
        continue;
      }
    }
    triples.push(t);
    last = line;
  }
  return triples;
}

function mergeAny(quads: readonly Quad[]): Quad[] {
  const triples = new Map<string, Quad>();
  for (const q of quads) {
    const t = DataFactory.quad(q.subject, q.predicate, q.object);
    triples.set(nquadsLine(t), t);
  }
  return [...triples.keys()].sort(compareStrings).map((k) => triples.get(k)!);
}

function write(quads: readonly Quad[], format: string, prefixes: Record<string, string>): Buffer {
  const sink = new ByteSink();
  const writer = new Writer(sink as unknown as NodeJS.WritableStream, { format, prefixes });
  for (const q of quads) writer.addQuad(q);
  writer.end();
  return sink.bytes();
}

export type JsonLdContext = Record<string, unknown>;

/**
 * JSON-LD (UTF-8) of the quads compacted with the project context, whose published URL then replaces the inline
 * copy. Written directly from the quads (see `writeJsonLd`); a context or data that writer does not handle
 * goes through jsonld.js, which gives the same bytes, only slower.
 */
export async function jsonLdBytes(quads: readonly Quad[], context: JsonLdContext, contextUrl: string): Promise<Buffer> {
  try {
    const sink = new ByteSink();
    writeJsonLdTo(sink, quads, new TermCompactor([context]), contextUrl);
    return sink.bytes();
  } catch (error) {
    if (error instanceof UnsupportedJsonLd)
      return Buffer.from(await toJsonLdWithJsonld(quads, context, contextUrl), 'utf8');
    throw error;
  }
}

/**
 * The same JSON-LD through jsonld.js: `fromRDF` on the parsed quads (never an N-Quads string, which
 * jsonld.js parses slowly), then `compact` with the context. The reference the direct writer is tested
 * against.
 */
export async function toJsonLdWithJsonld(
  quads: readonly Quad[],
  context: JsonLdContext,
  contextUrl: string,
): Promise<string> {
  const expanded = await jsonld.fromRDF(quads as unknown as Parameters<typeof jsonld.fromRDF>[0], {
    useNativeTypes: false,
  });
  const compacted = await jsonld.compact(expanded, context as Parameters<typeof jsonld.compact>[1], {
    compactArrays: true,
  });
  return `${JSON.stringify({ ...compacted, '@context': contextUrl }, null, 1)}\n`;
}
