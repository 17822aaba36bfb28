import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { DescribeRequest, QueryExecutor } from '../query/query-executor.js';
import { QueryTimeoutError } from '../query/query-errors.js';
import { QueryRunner, type QueryRequest, type QueryResponse, type QueryRunnerOptions } from '../query/query-runner.js';
import { writeQuads } from '../query/write-quads.js';
import { NS } from '../rdf/namespaces.js';
import { sortQuads } from '../rdf/sort-quads.js';
import { StoreError } from './graph-store-client.js';
import type { StoreLayout, StoreState } from './load-dump-set.js';

/** Reads what a store holds (the version and graphs `icat-kg load` recorded) over the SPARQL Protocol. */
export async function queryStoreState(
  endpoint: string,
  layout: StoreLayout,
  fetch: typeof globalThis.fetch = globalThis.fetch,
): Promise<StoreState> {
  const query = `SELECT ?version ?graph WHERE { GRAPH <${layout.stateGraph}> {
  <${layout.stateGraph}> <${NS.dct}hasVersion> ?version . OPTIONAL { <${layout.stateGraph}> <${NS.dct}hasPart> ?graph } } }`;
  let response: Response;
  try {
    response = await fetch(`${endpoint}?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'application/sparql-results+json' },
    });
  } catch (error) {
    throw new StoreError(`The store at ${endpoint} did not answer`, endpoint, undefined, { cause: error });
  }
  if (!response.ok)
    throw new StoreError(`The store at ${endpoint} answered ${response.status}`, endpoint, response.status);
  const { results } = (await response.json()) as { results: { bindings: Record<string, { value: string }>[] } };
  const version = results.bindings[0]?.version?.value;
  if (version === undefined)
    throw new StoreError(
      `The store at ${endpoint} holds no dump set: load one first (icat-kg load DIR --into GRAPH_STORE_URL)`,
      endpoint,
    );
  const graphs = [...new Set(results.bindings.flatMap((b) => (b.graph ? [b.graph.value] : [])))].sort();
  return { version, graphs };
}

/**
 * Answers over a SPARQL store that `icat-kg load` filled: Comunica sends each whole query to the store,
 * and the endpoint keeps its protocol, formats, limits and SERVICE guard. Runs on the calling thread: the
 * work is the store's, and the time limit cuts the HTTP request.
 */
export class RemoteStoreExecutor implements QueryExecutor {
  private readonly runner: QueryRunner;

  constructor(
    endpoint: string,
    private readonly state: StoreState,
    private readonly layout: StoreLayout,
    private readonly options: QueryRunnerOptions,
  ) {
    this.runner = new QueryRunner({ endpoint, defaultGraph: layout.unionGraph, namedGraphs: state.graphs }, options);
  }

  get version(): string {
    return this.state.version;
  }

  async query(request: QueryRequest): Promise<QueryResponse> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      const ms = this.options.limits.timeoutMs;
      timer = setTimeout(() => reject(new QueryTimeoutError(ms)), ms);
    });
    try {
      return await Promise.race([this.runner.run(request), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The same description as over the in-memory store: the resource and its fragment nodes, sorted. */
  async describe(request: DescribeRequest): Promise<string | undefined> {
    const iri = request.iri;
    // The IRI goes into the query text: one that could break out of <...> or "..." names nothing here.
    if (/[\s<>"{}|^`\\]/.test(iri)) return undefined;
    const construct = `CONSTRUCT { ?s ?p ?o } WHERE {
  { BIND(<${iri}> AS ?s) ?s ?p ?o }
  UNION { <${iri}> ?link ?s . FILTER(isIRI(?s) && STRSTARTS(STR(?s), "${iri}#")) ?s ?p ?o }
  UNION { ?s ?link <${iri}> . FILTER(isIRI(?s) && STRSTARTS(STR(?s), "${iri}#")) ?s ?p ?o }
}`;
    const response = await this.query({
      query: construct,
      defaultGraphUris: [this.layout.unionGraph],
      namedGraphUris: [],
      accept: 'application/n-triples',
    });
    const quads = sortQuads(new Parser({ format: 'application/n-triples' }).parse(response.body) as Quad[]);
    if (quads.length === 0) return undefined;
    return writeQuads(quads, request.mediaType, this.options.prefixes, this.options.jsonLdContext);
  }

  async close(): Promise<void> {}
}
