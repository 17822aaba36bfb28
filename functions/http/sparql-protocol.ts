import { BadQueryRequestError, UpdateNotAllowedError } from '../query/query-errors.js';
import type { QueryLimits } from '../query/query-limits.js';
import type { QueryRequest } from '../query/query-runner.js';

/** What the SPARQL Protocol part of a request says: a query, or nothing (a bare GET of the endpoint). */
export type ProtocolRequest = { readonly kind: 'query'; readonly request: QueryRequest } | { readonly kind: 'none' };

const FORM = 'application/x-www-form-urlencoded';
const SPARQL_QUERY = 'application/sparql-query';
const SPARQL_UPDATE = 'application/sparql-update';

/**
 * Reads a SPARQL 1.1 Protocol request (GET with `query=`, POST url-encoded, POST `application/sparql-query`)
 * into a query request, refusing everything the protocol or this read-only endpoint does not allow.
 */
export async function readProtocolRequest(request: Request, limits: QueryLimits): Promise<ProtocolRequest> {
  const url = new URL(request.url);
  const accept = request.headers.get('accept') ?? undefined;
  if (request.method === 'GET' || request.method === 'HEAD') {
    return fromParams(url.searchParams, url.searchParams, accept);
  }
  // POST: the only other method routed here.
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > limits.maxBodyBytes) {
    throw new BadQueryRequestError(
      `The request body has ${length} bytes; this endpoint accepts at most ${limits.maxBodyBytes}.`,
      413,
    );
  }
  const contentType = request.headers.get('content-type');
  if (!contentType) {
    throw new BadQueryRequestError(`A POST needs a Content-Type: ${FORM} or ${SPARQL_QUERY}.`, 415);
  }
  const [mediaType = '', ...params] = contentType
    .toLowerCase()
    .split(';')
    .map((p) => p.trim());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BadQueryRequestError(`The request body must be UTF-8, not ${charset}.`, 415);
  }
  if (mediaType === SPARQL_UPDATE) throw new UpdateNotAllowedError('a request of type application/sparql-update');
  if (mediaType !== FORM && mediaType !== SPARQL_QUERY) {
    throw new BadQueryRequestError(`Unsupported Content-Type ${mediaType}: use ${FORM} or ${SPARQL_QUERY}.`, 415);
  }
  const body = await readUtf8(request, limits.maxBodyBytes);
  if (mediaType === FORM) return fromParams(new URLSearchParams(body), url.searchParams, accept);
  rejectUpdateParams(url.searchParams);
  return { kind: 'query', request: queryRequest(body, url.searchParams, accept) };
}

function fromParams(
  params: URLSearchParams,
  datasetParams: URLSearchParams,
  accept: string | undefined,
): ProtocolRequest {
  rejectUpdateParams(params);
  const queries = params.getAll('query');
  if (queries.length === 0) return { kind: 'none' };
  if (queries.length > 1)
    throw new BadQueryRequestError(`Exactly one "query" parameter is allowed, got ${queries.length}.`);
  // In a url-encoded POST, dataset parameters may come in the body or in the URL.
  const merged = new URLSearchParams([...datasetParams, ...(params === datasetParams ? [] : params)]);
  return { kind: 'query', request: queryRequest(queries[0]!, merged, accept) };
}

/** The parameters clients name a result format with: Virtuoso reads `format`, Fuseki `output`, rasqal `results`. */
const FORMAT_PARAMS = ['format', 'output', 'results'];

function queryRequest(query: string, params: URLSearchParams, accept: string | undefined): QueryRequest {
  const formats = FORMAT_PARAMS.flatMap((name) => params.getAll(name)).filter((value) => value.length > 0);
  return {
    query,
    defaultGraphUris: params.getAll('default-graph-uri'),
    namedGraphUris: params.getAll('named-graph-uri'),
    accept,
    ...(formats.length > 0 ? { formats } : {}),
  };
}

function rejectUpdateParams(params: URLSearchParams): void {
  for (const name of ['update', 'using-graph-uri', 'using-named-graph-uri']) {
    if (params.has(name)) throw new UpdateNotAllowedError(`the "${name}" parameter`);
  }
}

/**
 * Reads the body as it streams in and stops at the limit: a chunked body, which announces no length,
 * is refused as soon as it passes `maxBytes` instead of being buffered whole first.
 */
async function readUtf8(request: Request, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new BadQueryRequestError(
        `The request body has more than ${maxBytes} bytes, the most this endpoint accepts.`,
        413,
      );
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadQueryRequestError('The request body is not valid UTF-8.', 400);
  }
}
