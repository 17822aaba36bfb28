import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Writer } from 'n3';
import { compareStrings } from '../compare.js';
import { ICAT_ONTOLOGY, NS } from '../rdf/namespaces.js';
import { nquadsLine } from '../rdf/sort-quads.js';
import { TermCompactor, UnsupportedJsonLd } from './jsonld-terms.js';
import { writeJsonLd } from './jsonld-writer.js';

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

/** N-Quads, one line per quad, in the order given (callers pass canonically sorted quads). */
export function toNQuads(quads: readonly Quad[]): string {
  return quads.map((q) => `${nquadsLine(q)}\n`).join('');
}

/**
 * TriG with the graphs in IRI order, each graph's triples sorted. The quads come in canonical order (as
 * for N-Quads), so each graph's quads, taken in that order, already are sorted: they are only grouped.
 */
export function toTriG(quads: readonly Quad[], prefixes: Record<string, string>): string {
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
 * Turtle of the merged default graph: every triple once, whatever graphs it came from, in the order of
 * their N-Quads lines. Quads in canonical order give their triples in that order already (the lines
 * differ before the graph name, or only in it), with the copies of a triple next to each other: then one
 * pass drops the copies. Quads in any other order are merged through a map and sorted.
 */
export function toTurtle(quads: readonly Quad[], prefixes: Record<string, string>): string {
  const merged = mergeSorted(quads) ?? mergeAny(quads);
  return write(merged, 'text/turtle', prefixes);
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

function write(quads: readonly Quad[], format: string, prefixes: Record<string, string>): string {
  const writer = new Writer({ format, prefixes });
  writer.addQuads([...quads]);
  let out = '';
  writer.end((error, result) => {
    if (error) throw error;
    out = result;
  });
  return out;
}

export type JsonLdContext = Record<string, unknown>;

/**
 * JSON-LD of the quads compacted with the project context, whose published URL then replaces the inline
 * copy. Written directly from the quads (see `writeJsonLd`); a context or data that writer does not handle
 * goes through jsonld.js, which gives the same bytes, only slower.
 */
export async function toJsonLd(quads: readonly Quad[], context: JsonLdContext, contextUrl: string): Promise<string> {
  try {
    return writeJsonLd(quads, new TermCompactor([context]), contextUrl);
  } catch (error) {
    if (error instanceof UnsupportedJsonLd) return toJsonLdWithJsonld(quads, context, contextUrl);
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
