import type { QueryExecutor } from '../query/query-executor.js';
import { NS } from '../rdf/namespaces.js';

/** A label in one language ('' when it has none). */
export interface Label {
  readonly value: string;
  readonly language: string;
}

/** A triple `subject predicate <the resource>`, with the resource that owns the subject (`{owner}#fragment`). */
export interface InboundLink {
  readonly subject: string;
  readonly predicate: string;
  readonly owner: string;
}

/** What a resource page shows beyond the resource's own triples: labels and types of other IRIs, inbound links. */
export interface PageData {
  readonly labels: ReadonlyMap<string, readonly Label[]>;
  readonly types: ReadonlyMap<string, readonly string[]>;
  readonly inbound: readonly InboundLink[];
}

export const EMPTY_PAGE_DATA: PageData = { labels: new Map(), types: new Map(), inbound: [] };

interface Binding {
  readonly [name: string]: { readonly type: string; readonly value: string; readonly 'xml:lang'?: string } | undefined;
}

const LABEL_PATH = `<${NS.skos}prefLabel>|<${NS.dct}title>|<${NS.rdfs}label>`;

/**
 * Reads, through the executor (in process, worker pool or remote store alike), the links that point at
 * `iri` from other resources and the labels and types of every IRI the page shows.
 */
export async function readPageData(
  executor: QueryExecutor,
  iri: string,
  shown: readonly string[],
  client?: string,
): Promise<PageData> {
  const inboundRows = await select(
    executor,
    `SELECT DISTINCT ?s ?p WHERE { ?s ?p <${iri}> FILTER(isIRI(?s) && !STRSTARTS(STR(?s), "${iri}#")) }`,
    client,
  );
  const inbound = inboundRows
    .map((row) => ({ subject: row.s!.value, predicate: row.p!.value, owner: row.s!.value.split('#')[0]! }))
    .filter((link) => link.owner !== iri);
  const iris = [...new Set([...shown, ...inbound.map((link) => link.owner)])].filter((x) =>
    /^[^<>"{}|^`\\\s]+$/.test(x),
  );
  const labels = new Map<string, Label[]>();
  const types = new Map<string, string[]>();
  if (iris.length > 0) {
    const rows = await select(
      executor,
      `SELECT ?x ?k ?o WHERE { VALUES ?x { ${iris.map((x) => `<${x}>`).join(' ')} }
  { ?x a ?o BIND("type" AS ?k) } UNION { ?x ${LABEL_PATH} ?o BIND("label" AS ?k) } }`,
      client,
    );
    for (const row of rows) {
      const x = row.x!.value;
      if (row.k!.value === 'type') types.set(x, [...(types.get(x) ?? []), row.o!.value]);
      else labels.set(x, [...(labels.get(x) ?? []), { value: row.o!.value, language: row.o!['xml:lang'] ?? '' }]);
    }
  }
  return { labels, types, inbound };
}

async function select(executor: QueryExecutor, query: string, client?: string): Promise<Binding[]> {
  const response = await executor.query(
    { query, defaultGraphUris: [], namedGraphUris: [], accept: 'application/sparql-results+json' },
    client,
  );
  return (JSON.parse(response.body) as { results: { bindings: Binding[] } }).results.bindings;
}
