import type { Bindings, QueryStringContext } from '@comunica/types';
import type { QueryEngine as FullQueryEngine } from '@comunica/query-sparql';
import { QueryEngine } from '@comunica/query-sparql-rdfjs-lite';
import { AlgebraFactory, type Algebra } from '@comunica/utils-algebra';
import type { BaseQuad, Quad, Term } from '@rdfjs/types';
import { DataFactory, type Store } from 'n3';
import { DataFactory as RdfDataFactory } from 'rdf-data-factory';
import type { JsonLdContext } from '../publish/serialize.js';
import { algebraToSparql } from './algebra-to-sparql.js';
import { bindEmptyGraphPatterns } from './empty-graph-patterns.js';
import { sparqlSyntax } from './sparql-parser.js';
import { allowListFetch, notAllowed, serviceEndpoints } from './fetch-guard.js';
import { negotiate, type QueryForm } from './negotiate.js';
import {
  BadQueryRequestError,
  QueryError,
  QueryExecutionError,
  QuerySyntaxError,
  UpdateNotAllowedError,
} from './query-errors.js';
import type { QueryLimits } from './query-limits.js';
import { checkConstantRegexes } from './regex-check.js';
import { bindingsWriter, booleanResult, type Solution } from './write-bindings.js';
import { writeQuadsWithin } from './write-quads.js';

/** A SPARQL Protocol request, after the HTTP layer has read it. */
export interface QueryRequest {
  readonly query: string;
  readonly defaultGraphUris: readonly string[];
  readonly namedGraphUris: readonly string[];
  readonly accept?: string | undefined;
  /** The values of the `format`, `output` and `results` parameters, in that order (see negotiate). */
  readonly formats?: readonly string[] | undefined;
}

/** A serialized answer. `truncated` says whether the row or the byte limit cut it. */
export interface QueryResponse {
  readonly form: QueryForm;
  readonly mediaType: string;
  readonly body: string;
  readonly rows: number;
  readonly truncated: false | 'rows' | 'bytes';
}

/**
 * A SPARQL 1.1 store that answers in our place (`icat-kg serve --store`): Comunica sends it each whole
 * query. Its default graph is `defaultGraph` (the union graph the loader writes) and its named graphs are
 * `namedGraphs`, so queries see the same dataset as over the in-memory store.
 */
export interface RemoteStore {
  readonly endpoint: string;
  readonly defaultGraph: string;
  readonly namedGraphs: readonly string[];
}

export interface QueryRunnerOptions {
  readonly limits: QueryLimits;
  /** Base IRI for relative IRIs in queries (the deployment's BASE_IRI). */
  readonly baseIri: string;
  readonly prefixes: Record<string, string>;
  /** Context to compact JSON-LD results with. */
  readonly jsonLdContext?: JsonLdContext;
  readonly fetch?: typeof fetch;
}

const UPDATE_TYPES = new Set<string>([
  'compositeupdate',
  'deleteinsert',
  'load',
  'clear',
  'create',
  'drop',
  'add',
  'move',
  'copy',
]);
/** The terms of parsed queries: Comunica's own data factory, as its parse step uses. */
const TERMS = new RdfDataFactory();

const FORM_OF: Readonly<Record<string, QueryForm>> = {
  project: 'select',
  ask: 'ask',
  construct: 'construct',
  describe: 'describe',
};

/**
 * Runs SPARQL queries with Comunica over one in-memory store, read-only, within the row and byte limits.
 * The store holds every quad in its named graph and once more in the default graph, so the default graph
 * is the union of the record graphs while GRAPH ?g still sees only the named graphs.
 */
export class QueryRunner {
  /**
   * Comunica's engine for RDF/JS sources alone, without the HTTP and federation actors: it evaluates the
   * queries over the in-memory store, up to twice as fast as the full engine on this graph (each operation
   * is mediated among fewer actors), at half its import time. Queries are parsed apart (see parse).
   */
  private readonly engine = new QueryEngine();
  /** The full engine, loaded on first need: for SERVICE (through the fetch guard) and remote stores. */
  private federating: Promise<FullQueryEngine> | undefined;
  private readonly algebra = new AlgebraFactory();
  private readonly context: QueryStringContext;
  private storeGraphs: string[] | undefined;

  private readonly remote: RemoteStore | undefined;
  private readonly local: Store | undefined;

  constructor(
    source: Store | RemoteStore,
    private readonly options: QueryRunnerOptions,
  ) {
    this.remote = 'endpoint' in source ? source : undefined;
    this.local = 'endpoint' in source ? undefined : source;
    const allowed = [...options.limits.serviceAllowList, ...(this.remote ? [this.remote.endpoint] : [])];
    this.context = {
      sources: [this.remote ? { type: 'sparql', value: this.remote.endpoint } : source],
      baseIRI: options.baseIri,
      readOnly: true,
      fetch: allowListFetch(allowed, options.fetch),
      ...(this.remote ? { httpTimeout: options.limits.timeoutMs } : {}),
    } as QueryStringContext;
    // Loaded at start where it will be needed, so that no query waits for it; elsewhere never loaded.
    if (allowed.length > 0) void this.fullEngine();
  }

  async run(request: QueryRequest): Promise<QueryResponse> {
    const { limits } = this.options;
    if (request.query.length > limits.maxQueryLength) {
      throw new BadQueryRequestError(
        `The query has ${request.query.length} characters; this endpoint accepts at most ${limits.maxQueryLength}.`,
        413,
      );
    }
    const parsed = await this.parseBindingEmptyGraphs(request);
    const form = formOf(parsed);
    const mediaType = negotiate(form, request.accept, request.formats);
    let operation = withProtocolDataset(parsed, request, this.algebra);
    // Refused before anything runs: an endpoint off the allow-list (the fetch guard would stop the call,
    // but SERVICE SILENT would then quietly answer without it), and over a store any SERVICE at all, which
    // the store would call itself, beyond this endpoint's guard (which also refuses redirects).
    const services = serviceEndpoints(operation, limits.serviceAllowList);
    if (services.unlisted.length > 0)
      throw new BadQueryRequestError(notAllowed(services.unlisted[0]!, limits.serviceAllowList));
    if (this.remote && services.listed.length > 0)
      throw new BadQueryRequestError(
        `SERVICE <${services.listed[0]}> is not available on this endpoint: its queries run on a SPARQL store, which would make the call itself, beyond this endpoint's guard. Federated queries work on the in-memory endpoint.`,
      );
    if (this.remote) operation = withStoreDataset(operation, this.remote, this.algebra);
    if (form === 'select') operation = withRowLimit(operation, limits.maxRows + 1, this.algebra);
    try {
      return await this.execute(operation, form, mediaType, services.listed.length > 0);
    } catch (error) {
      if (error instanceof QueryError) throw error;
      throw new QueryExecutionError(`The query failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private fullEngine(): Promise<FullQueryEngine> {
    this.federating ??= import('@comunica/query-sparql').then(({ QueryEngine: Full }) => new Full());
    return this.federating;
  }

  /** Parses the query; a GRAPH group without triple patterns is first rewritten (see empty-graph-patterns). */
  private async parseBindingEmptyGraphs(request: QueryRequest): Promise<Algebra.Operation> {
    const parsed = await this.parse(request.query);
    const rewritten = await bindEmptyGraphPatterns(
      request.query,
      () => this.namedGraphsOf(parsed, request),
      this.options.baseIri,
    );
    if (rewritten === request.query) return parsed;
    // A rewrite that does not parse (e.g. BIND to the graph variable inside) leaves the query as it was.
    return this.parse(rewritten).catch(() => parsed);
  }

  /**
   * The named graphs of the query's dataset: those of `named-graph-uri` when the protocol gives a
   * dataset, else those of FROM NAMED when the query has FROM or FROM NAMED, else every named graph
   * of the store (never the default graph, which holds the union).
   */
  private namedGraphsOf(parsed: Algebra.Operation, request: QueryRequest): readonly string[] {
    if (request.defaultGraphUris.length > 0 || request.namedGraphUris.length > 0) return request.namedGraphUris;
    if (parsed.type === 'from') return (parsed as Algebra.From).named.map((graph) => graph.value);
    this.storeGraphs ??= this.remote
      ? [...this.remote.namedGraphs].sort()
      : this.local!.getGraphs(null, null, null)
          .filter((graph) => graph.termType === 'NamedNode')
          .map((graph) => graph.value)
          .sort();
    return this.storeGraphs;
  }

  /** Parses the query as Comunica's own parse step does (same parser, same translation to algebra). */
  private async parse(query: string): Promise<Algebra.Operation> {
    try {
      const { parser, AstFactory, toAlgebra } = await sparqlSyntax();
      const syntax = parser.parse(query, { baseIRI: this.options.baseIri, astFactory: new AstFactory() });
      const operation = toAlgebra(syntax, {
        quads: true,
        blankToVariable: true,
        baseIRI: this.options.baseIri,
        dataFactory: TERMS,
      }) as unknown as Algebra.Operation;
      if (UPDATE_TYPES.has(operation.type))
        throw new UpdateNotAllowedError(
          operation.type === 'deleteinsert' ? 'INSERT/DELETE' : operation.type.toUpperCase(),
        );
      checkConstantRegexes(operation);
      return operation;
    } catch (error) {
      if (error instanceof QueryError) throw error;
      throw new QuerySyntaxError(`The query does not parse: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * ASK asked as a one-row SELECT: over a remote store always, since stores differ in how they answer ASK
   * (Virtuoso 7 returns a result set with an `__ASK_RETVAL` column) but all answer a SELECT alike; in memory
   * when the ASK has LIMIT or OFFSET, which Comunica's ASK ignores. The SELECT takes the ASK's OFFSET, so
   * `ASK { ... } OFFSET n` is true when there are more than n solutions, and LIMIT 0 makes it false.
   */
  private async askAsSelect(
    operation: Algebra.Operation,
    context: QueryStringContext,
    engine: QueryEngine | FullQueryEngine,
  ): Promise<boolean> {
    const from = operation as Algebra.From;
    const modified = operation.type === 'from' ? from.input : operation;
    const slice = modified.type === 'slice' ? (modified as Algebra.Slice) : undefined;
    const ask = (slice ? slice.input : modified) as Algebra.Ask;
    const found = DataFactory.variable('found');
    const one = DataFactory.literal('1', DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer'));
    let select: Algebra.Operation = this.algebra.createSlice(
      this.algebra.createProject(this.algebra.createExtend(ask.input, found, this.algebra.createTermExpression(one)), [
        found,
      ]),
      slice?.start ?? 0,
      Math.min(slice?.length ?? 1, 1),
    ) as Algebra.Operation;
    if (operation.type === 'from')
      select = this.algebra.createFrom(select, from.default, from.named) as Algebra.Operation;
    const query = (this.remote ? algebraToSparql(select) : select) as unknown as string;
    const stream = await engine.queryBindings(query, context);
    const rows = await stream.toArray({ limit: 1 });
    return rows.length > 0;
  }

  private async execute(
    operation: Algebra.Operation,
    form: QueryForm,
    mediaType: string,
    federated: boolean,
  ): Promise<QueryResponse> {
    const { limits } = this.options;
    const context = { ...this.context };
    // Over a remote store Comunica is given the text, which it sends whole (see algebraToSparql).
    const query = (this.remote ? algebraToSparql(operation) : operation) as unknown as string;
    const engine = this.local && !federated ? this.engine : await this.fullEngine();
    if (form === 'ask') {
      const value =
        this.remote || hasSlice(operation)
          ? await this.askAsSelect(operation, context, engine)
          : await engine.queryBoolean(query, context);
      return { form, mediaType, body: booleanResult(mediaType, value), rows: 1, truncated: false };
    }
    if (form === 'select') {
      const stream = await engine.queryBindings(query, context);
      const vars = projectedVariables(operation);
      const writer = bindingsWriter(mediaType, vars, limits.maxResponseBytes);
      let rows = 0;
      let truncated: QueryResponse['truncated'] = false;
      for await (const bindings of stream as AsyncIterable<Bindings>) {
        if (rows === limits.maxRows) {
          truncated = 'rows';
          break;
        }
        if (!writer.row(solutionOf(bindings))) {
          truncated = 'bytes';
          break;
        }
        rows++;
      }
      stream.destroy();
      return { form, mediaType, body: writer.end(), rows, truncated };
    }
    const stream = await engine.queryQuads(query, context);
    const quads: Quad[] = [];
    // CONSTRUCT and DESCRIBE answer a graph, a set: Comunica gives a triple once per solution making it.
    const seen = new Set<string>();
    let truncated: QueryResponse['truncated'] = false;
    for await (const quad of stream as AsyncIterable<Quad>) {
      const key = tripleKey(quad);
      if (seen.has(key)) continue;
      if (quads.length === limits.maxRows) {
        truncated = 'rows';
        break;
      }
      seen.add(key);
      quads.push(quad);
    }
    stream.destroy();
    const { body, count } = await writeQuadsWithin(
      quads,
      mediaType,
      this.options.prefixes,
      limits.maxResponseBytes,
      this.options.jsonLdContext,
    );
    return { form, mediaType, body, rows: count, truncated: count < quads.length ? 'bytes' : truncated };
  }
}

/** The query form: the first of project, ask, construct or describe below any FROM, slice or modifier. */
function formOf(operation: Algebra.Operation): QueryForm {
  for (let op: Algebra.Operation | undefined = operation; op; op = (op as { input?: Algebra.Operation }).input) {
    const form = FORM_OF[op.type];
    if (form) return form;
  }
  throw new QuerySyntaxError('The request is neither a SELECT, ASK, CONSTRUCT nor DESCRIBE query.');
}

/** The protocol's default-graph-uri and named-graph-uri replace the query's own FROM and FROM NAMED. */
function withProtocolDataset(
  operation: Algebra.Operation,
  request: QueryRequest,
  factory: AlgebraFactory,
): Algebra.Operation {
  if (request.defaultGraphUris.length === 0 && request.namedGraphUris.length === 0) return operation;
  const input = operation.type === 'from' ? (operation as Algebra.From).input : operation;
  const iris = (uris: readonly string[]) => uris.map((u) => DataFactory.namedNode(u));
  return factory.createFrom(input, iris(request.defaultGraphUris), iris(request.namedGraphUris)) as Algebra.Operation;
}

/**
 * Over a remote store, a query that names no dataset gets the one the endpoint promises: the union graph
 * as default graph, and the record graphs as named graphs when it uses GRAPH (a store's own dataset would
 * add its system graphs).
 */
function withStoreDataset(
  operation: Algebra.Operation,
  store: RemoteStore,
  factory: AlgebraFactory,
): Algebra.Operation {
  if (operation.type === 'from') return operation;
  const named = usesGraph(operation) ? store.namedGraphs.map((g) => DataFactory.namedNode(g)) : [];
  return factory.createFrom(operation, [DataFactory.namedNode(store.defaultGraph)], named) as Algebra.Operation;
}

/** Whether the query reads named graphs: a GRAPH block, or (after Comunica's parser) a pattern with a graph. */
function usesGraph(operation: unknown): boolean {
  if (!operation || typeof operation !== 'object') return false;
  const op = operation as { type?: string; graph?: { termType?: string } };
  if (op.type === 'graph') return true;
  if ((op.type === 'pattern' || op.type === 'path') && op.graph && op.graph.termType !== 'DefaultGraph') return true;
  return Object.values(operation).some((child) =>
    Array.isArray(child) ? child.some(usesGraph) : typeof child === 'object' && usesGraph(child),
  );
}

/**
 * A slice around the query (inside its FROM) so ORDER BY can sort top-N and no more rows are produced.
 * The query's own LIMIT and OFFSET are kept in the same slice, not wrapped in a second one: serialized for
 * a store, a slice of a slice is one LIMIT clause, and the query's own limit would be lost.
 */
function withRowLimit(operation: Algebra.Operation, length: number, factory: AlgebraFactory): Algebra.Operation {
  if (operation.type === 'from') {
    const from = operation as Algebra.From;
    return factory.createFrom(withRowLimit(from.input, length, factory), from.default, from.named) as Algebra.Operation;
  }
  if (operation.type === 'slice') {
    const slice = operation as Algebra.Slice;
    return factory.createSlice(
      slice.input,
      slice.start,
      slice.length === undefined ? length : Math.min(slice.length, length),
    ) as Algebra.Operation;
  }
  return factory.createSlice(operation, 0, length) as Algebra.Operation;
}

/** Whether the query (below any FROM) has LIMIT or OFFSET. */
function hasSlice(operation: Algebra.Operation): boolean {
  return (operation.type === 'from' ? (operation as Algebra.From).input : operation).type === 'slice';
}

function projectedVariables(operation: Algebra.Operation): string[] {
  for (let op: Algebra.Operation | undefined = operation; op; op = (op as { input?: Algebra.Operation }).input) {
    if (op.type === 'project') return (op as Algebra.Project).variables.map((v) => v.value);
  }
  return [];
}

function solutionOf(bindings: Bindings): Solution {
  const solution = new Map<string, Term>();
  for (const [variable, term] of bindings) solution.set(variable.value, term);
  return solution;
}

function termKey(term: Term): string {
  if (term.termType === 'Literal') return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  // A triple term (SPARQL 1.2) has no value of its own: it is the triple it holds.
  if (term.termType === 'Quad') return `<<${tripleKey(term)}>>`;
  return `${term.termType[0]}${term.value}`;
}

function tripleKey(quad: BaseQuad): string {
  return `${termKey(quad.subject)} ${termKey(quad.predicate)} ${termKey(quad.object)}`;
}
