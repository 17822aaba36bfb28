import { readFileSync } from 'node:fs';
import { compareStrings } from '../compare.js';
import type { PublishConfig } from '../config.js';
import type { Iris } from '../rdf/iris.js';
import type { Quad } from '@rdfjs/types';
import { NS, rebaseIris } from '../rdf/namespaces.js';
import { ontologyPath } from '../package-paths.js';
import type { KnowledgeGraph } from './build-graph.js';
import { catalogQuads } from './catalog.js';
import { chartFiles } from './chart-files.js';
import { dumpFile, gzipped, sha256, type DumpFile } from './dump-file.js';
import { EntityDocumentIndex, entityDocument } from './entity-documents.js';
import { jsonLdBytes, nquadsBytes, prefixesFor, trigBytes, turtleBytes, type JsonLdContext } from './serialize.js';
import { graphStatistics, voidQuads, type GraphStatistics } from './void.js';

const SPEC = {
  nquads: 'https://www.w3.org/TR/n-quads/',
  trig: 'https://www.w3.org/TR/trig/',
  turtle: 'https://www.w3.org/TR/turtle/',
  jsonld: 'https://www.w3.org/TR/json-ld11/',
};

/** A complete, versioned set of dump files. */
export interface DumpSet {
  /** A hash of the data files' content: the same records give the same version. */
  readonly version: string;
  readonly files: readonly DumpFile[];
  readonly statistics: GraphStatistics;
}

/** The published JSON-LD context, its namespace moved to the deployment's base. */
export function projectContext(iris: Iris): JsonLdContext {
  const text = rebaseIris(readFileSync(ontologyPath('context.jsonld'), 'utf8'), iris.base);
  return (JSON.parse(text) as { '@context': JsonLdContext })['@context'];
}

/**
 * Serializes the graph into every dump format, then describes the files in a DCAT catalog, a VoID
 * description and a manifest. Deterministic: no time, no counter, sorted everywhere.
 */
export async function buildDumpSet(
  graph: KnowledgeGraph,
  iris: Iris,
  config: PublishConfig,
  timings?: Map<string, number>,
): Promise<DumpSet> {
  let t = performance.now();
  // Milliseconds per part, for the benchmarks: each call books the time since the last one.
  const lap = (part: string) => {
    const now = performance.now();
    timings?.set(part, (timings.get(part) ?? 0) + now - t);
    t = now;
  };
  const context = projectContext(iris);
  const prefixes = prefixesFor(iris.base);
  const { quads } = graph;

  // The charts first: their query store is dropped before the dumps pile up.
  const charts = await chartFiles(quads, iris);
  lap('charts');
  const nquads = dumpFile({
    path: 'icat.nq',
    mediaType: 'application/n-quads',
    title: 'ICAT Knowledge Graph, all named graphs (N-Quads)',
    conformsTo: SPEC.nquads,
    content: nquadsBytes(quads),
  });
  lap('nquads');
  const trig = dumpFile({
    path: 'icat.trig',
    mediaType: 'application/trig',
    title: 'ICAT Knowledge Graph, all named graphs (TriG)',
    conformsTo: SPEC.trig,
    content: trigBytes(quads, prefixes),
  });
  lap('trig');
  const turtle = dumpFile({
    path: 'icat.ttl',
    mediaType: 'text/turtle',
    title: 'ICAT Knowledge Graph, merged default graph (Turtle)',
    conformsTo: SPEC.turtle,
    content: turtleBytes(quads, prefixes),
  });
  lap('turtle');
  const jsonLd = dumpFile({
    path: 'icat.jsonld',
    mediaType: 'application/ld+json',
    title: 'ICAT Knowledge Graph, all named graphs (JSON-LD)',
    conformsTo: SPEC.jsonld,
    content: await jsonLdBytes(quads, context, config.contextUrl),
  });
  lap('jsonld');
  const main = [nquads, trig, turtle, jsonLd];
  const contextFile = dumpFile({
    path: 'context.jsonld',
    mediaType: 'application/ld+json',
    title: 'ICAT Knowledge Graph JSON-LD context',
    conformsTo: SPEC.jsonld,
    content: `${JSON.stringify({ '@context': context }, null, 2)}\n`,
  });
  const ontologyFile = dumpFile({
    path: 'ontology.ttl',
    mediaType: 'text/turtle',
    title: 'The ICAT ontology (Turtle)',
    conformsTo: SPEC.turtle,
    content: turtleBytes(
      quads.filter((q) => q.graph.value === iris.vocabularyGraph('ontology')),
      prefixes,
    ),
  });
  lap('ontology');
  const entityFiles: DumpFile[] = [];
  const index = new EntityDocumentIndex(iris, quads);
  for (const entity of entitiesOf(quads, iris)) {
    entityFiles.push(
      dumpFile({
        path: `entities/${entity.slug}.jsonld`,
        mediaType: 'application/ld+json',
        title: `${entity.name}: mandate, agreements, initiatives, activities and publications (JSON-LD)`,
        conformsTo: SPEC.jsonld,
        content: await entityDocument(index, iris, entity.slug, context, config.contextUrl),
      }),
    );
  }
  lap('entities');
  const zipped = main.map(gzipped);
  lap('gzip');
  const dataFiles = [...main, ...zipped, contextFile, ontologyFile, ...entityFiles, ...charts];
  const version = versionOf(dataFiles);
  const statistics = graphStatistics(quads, iris);
  const dumps = [...main, ...zipped];

  const catalog = catalogQuads(iris, config, [...dumps, ...charts], version, quads);
  const catalogPrefixes = {
    ...prefixes,
    spdx: 'http://spdx.org/rdf/terms#',
    vcard: 'http://www.w3.org/2006/vcard/ns#',
  };
  const describing = [
    dumpFile({
      path: 'catalog.ttl',
      mediaType: 'text/turtle',
      title: 'DCAT catalog (Turtle)',
      conformsTo: SPEC.turtle,
      content: turtleBytes(catalog, catalogPrefixes),
    }),
    dumpFile({
      path: 'catalog.jsonld',
      mediaType: 'application/ld+json',
      title: 'DCAT catalog (JSON-LD)',
      conformsTo: SPEC.jsonld,
      content: await jsonLdBytes(catalog, context, config.contextUrl),
    }),
    dumpFile({
      path: 'void.ttl',
      mediaType: 'text/turtle',
      title: 'VoID description (Turtle)',
      conformsTo: SPEC.turtle,
      content: turtleBytes(voidQuads(iris, config, statistics, dumps, version), prefixes),
    }),
  ];
  const files = [...dataFiles, ...describing];
  lap('catalog');
  return { version, files: [...files, manifestFile(version, files)], statistics };
}

/** The ICAT entities of the graph (typed icat:Entity), with their English names, in slug order. */
function entitiesOf(quads: readonly Quad[], iris: Iris): { slug: string; name: string }[] {
  const entityClass = iris.term('Entity');
  const prefix = iris.entity('');
  const names = new Map<string, string>();
  const entities = new Set<string>();
  for (const q of quads) {
    if (!q.subject.value.startsWith(prefix) || q.subject.value.includes('#')) continue;
    if (q.predicate.value === `${NS.rdf}type` && q.object.value === entityClass) entities.add(q.subject.value);
    if (q.predicate.value === `${NS.skos}prefLabel` && q.object.termType === 'Literal' && q.object.language === 'en')
      names.set(q.subject.value, q.object.value);
  }
  return [...entities]
    .sort(compareStrings)
    .map((iri) => ({ slug: iri.slice(prefix.length), name: names.get(iri) ?? iri.slice(prefix.length) }));
}

/** The version id: a hash over the names and hashes of the data files (catalog and manifest excluded). */
function versionOf(files: readonly DumpFile[]): string {
  const lines = files.map((f) => `${f.sha256}  ${f.path}\n`).sort(compareStrings);
  return sha256(lines.join('')).slice(0, 16);
}

function manifestFile(version: string, files: readonly DumpFile[]): DumpFile {
  const manifest = {
    version,
    files: [...files]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map((f) => ({
        path: f.path,
        mediaType: f.mediaType,
        ...(f.gzip ? { encoding: 'gzip' } : {}),
        size: f.content.length,
        sha256: f.sha256,
      })),
  };
  return dumpFile({
    path: 'manifest.json',
    mediaType: 'application/json',
    title: 'Manifest of the dump set',
    content: `${JSON.stringify(manifest, null, 2)}\n`,
  });
}
