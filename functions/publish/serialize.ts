import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Writer } from 'n3';
import { compareStrings } from '../compare.js';
import { ICAT_ONTOLOGY, NS } from '../rdf/namespaces.js';
import { nquadsLine } from '../rdf/sort-quads.js';

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

/** TriG with the graphs in IRI order, each graph's triples sorted. */
export function toTriG(quads: readonly Quad[], prefixes: Record<string, string>): string {
  const sorted = [...quads].sort(
    (a, b) => compareStrings(a.graph.value, b.graph.value) || compareStrings(nquadsLine(a), nquadsLine(b)),
  );
  return write(sorted, 'application/trig', prefixes);
}

/** Turtle of the merged default graph: every triple once, whatever graphs it came from. */
export function toTurtle(quads: readonly Quad[], prefixes: Record<string, string>): string {
  const triples = new Map<string, Quad>();
  for (const q of quads) {
    const t = DataFactory.quad(q.subject, q.predicate, q.object);
    triples.set(nquadsLine(t), t);
  }
  const sorted = [...triples.keys()].sort(compareStrings).map((k) => triples.get(k)!);
  return write(sorted, 'text/turtle', prefixes);
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
 * JSON-LD built from parsed quads (never from an N-Quads string, which jsonld.js parses slowly),
 * compacted with the project context, whose published URL then replaces the inline copy.
 */
export async function toJsonLd(quads: readonly Quad[], context: JsonLdContext, contextUrl: string): Promise<string> {
  const expanded = await jsonld.fromRDF(quads as unknown as Parameters<typeof jsonld.fromRDF>[0], {
    useNativeTypes: false,
  });
  const compacted = await jsonld.compact(expanded, context as Parameters<typeof jsonld.compact>[1], {
    compactArrays: true,
  });
  return `${JSON.stringify({ ...compacted, '@context': contextUrl }, null, 1)}\n`;
}
