import type { Bindings, QueryStringContext } from '@comunica/types';
import { QueryEngine } from '@comunica/query-sparql';
import { AlgebraFactory, type Algebra } from '@comunica/utils-algebra';
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, type Store } from 'n3';
import type { JsonLdContext } from '../publish/serialize.js';
import { bindEmptyGraphPatterns } from './empty-graph-patterns.js';
import { allowListFetch } from './fetch-guard.js';
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
  private readonly engine = new QueryEngine();
  private readonly algebra = new AlgebraFactory();
  private readonly context: QueryStringContext;
  private storeGraphs: string[] | undefined;

  constructor(
    private readonly store: Store,
    private readonly options: QueryRunnerOptions,
  ) {
    this.context = {
      sources: [store],
      baseIRI: options.baseIri,
      readOnly: true,
      fetch: allowListFetch(options.limits.serviceAllowList, options.fetch),
    } as QueryStringContext;
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
    if (form === 'select') operation = withRowLimit(operation, limits.maxRows + 1, this.algebra);
    try {
      return await this.execute(operation, form, mediaType);
    } catch (error) {
      if (error instanceof QueryError) throw error;
      throw new QueryExecutionError(`The query failed: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    this.storeGraphs ??= this.store
      .getGraphs(null, null, null)
      .filter((graph) => graph.termType === 'NamedNode')
      .map((graph) => graph.value)
      .sort();
    return this.storeGraphs;
  }

  private async parse(query: string): Promise<Algebra.Operation> {
    try {
      // explain() mutates the context it is given: pass a copy.
      const explained = await this.engine.explain(query, { ...this.context }, 'parsed');
      const operation = explained.data as Algebra.Operation;
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

  private async execute(operation: Algebra.Operation, form: QueryForm, mediaType: string): Promise<QueryResponse> {
    const { limits } = this.options;
    const context = { ...this.context };
    if (form === 'ask') {
      const value = await this.engine.queryBoolean(operation as unknown as string, context);
      return { form, mediaType, body: booleanResult(mediaType, value), rows: 1, truncated: false };
    }
    if (form === 'select') {
      const stream = await this.engine.queryBindings(operation as unknown as string, context);
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
    const stream = await this.engine.queryQuads(operation as unknown as string, context);
    const quads: Quad[] = [];
    let truncated: QueryResponse['truncated'] = false;
    for await (const quad of stream as AsyncIterable<Quad>) {
      if (quads.length === limits.maxRows) {
        truncated = 'rows';
        break;
      }
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

/** A slice around the query (inside its FROM) so ORDER BY can sort top-N and no more rows are produced. */
function withRowLimit(operation: Algebra.Operation, length: number, factory: AlgebraFactory): Algebra.Operation {
  if (operation.type === 'from') {
    const from = operation as Algebra.From;
    return factory.createFrom(
      factory.createSlice(from.input, 0, length),
      from.default,
      from.named,
    ) as Algebra.Operation;
  }
  return factory.createSlice(operation, 0, length) as Algebra.Operation;
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
