import type { Quad } from '@rdfjs/types';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { Parser } from 'n3';
import type { QueryExecutor } from '../query/query-executor.js';
import { negotiate } from '../query/negotiate.js';
import { NotAcceptableError, QueryError } from '../query/query-errors.js';
import type { QueryLimits } from '../query/query-limits.js';
import type { QueryResponse } from '../query/query-runner.js';
import { writeQuads } from '../query/write-quads.js';
import { writeRdfXml } from '../query/write-rdf-xml.js';
import { replacedCharacters } from '../query/xml-text.js';
import { prefixesFor } from '../publish/serialize.js';
import { chartNamespaces } from '../charts/chart-definitions.js';
import { Iris } from '../rdf/iris.js';
import { catalogPage } from './catalog-page.js';
import { clientAddress } from './client-address.js';
import { dashboardPage } from './dashboard-page.js';
import { dumpsPage, type Manifest } from './dumps-page.js';
import { exampleQueries } from './examples.js';
import { wantsHtml } from './html-format.js';
import { ontologyPage } from './ontology-page.js';
import { errorResponse } from './http-errors.js';
import { preferredLanguages } from './choose-label.js';
import { EMPTY_PAGE_DATA, readPageData } from './page-data.js';
import { FAVICON_SVG, homePage, queryPage } from './pages.js';
import { QUERY_PAGE_SCRIPT } from './query-page-script.js';
import { resourcePage, shownIris } from './resource-page.js';
import { normalizeQuery } from '../query/normalize-query.js';
import { ResultCache, resultCacheLimitsFromEnv } from './result-cache.js';
import { addSecurityHeaders } from './security-headers.js';
import { serviceDescription } from './service-description.js';
import type { Site } from './site.js';
import { readProtocolRequest } from './sparql-protocol.js';

/** Static files of the query UI (YASGUI's build), served by the app itself: no CDN. */
export interface UiAssets {
  readonly [name: string]: { readonly content: Buffer; readonly mediaType: string };
}

export interface AppOptions {
  readonly executor: QueryExecutor;
  readonly site: Site;
  readonly limits: QueryLimits;
  /** The BASE_IRI of the graph: `{base}id/...` IRIs are dereferenced at `/id/...`. */
  readonly baseIri: string;
  readonly assets: UiAssets;
  readonly cache?: ResultCache;
  /** The address of the peer that sent the request (the adapter knows it), for per-client limits. */
  readonly socketAddress?: (c: Context) => string | undefined;
}

const RDF_TYPES = [
  'text/turtle',
  'application/ld+json',
  'application/n-triples',
  'application/n-quads',
  'application/trig',
  'application/rdf+xml',
];
const CATALOG_TYPES = ['text/turtle', 'application/ld+json', 'application/rdf+xml'];
const CATALOG_EXTENSIONS = {
  ttl: 'text/turtle',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
  html: 'text/html',
} as const;
const CACHE_QUERY = 'public, max-age=300';
const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
const CACHE_SHORT = 'public, max-age=60';

/**
 * The one HTTP application of the endpoint: a function from Request to Response, run by the Node server
 * (`icat-kg serve`) and by the Lambda function alike.
 */
export function createApp(options: AppOptions): Hono {
  const { executor, site, limits, baseIri, assets } = options;
  const cache = options.cache ?? new ResultCache(resultCacheLimitsFromEnv());
  const app = new Hono();

  // First, so that it wraps every answer: the CORS preflight's, errors' and not-found's too.
  app.use('*', async (c, next) => {
    await next();
    await addSecurityHeaders(c.res);
  });
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept', 'If-None-Match'],
      exposeHeaders: [
        'ETag',
        'X-Result-Rows',
        'X-Result-Truncated',
        'X-Result-Characters-Replaced',
        'X-Dataset-Version',
        'Retry-After',
      ],
      maxAge: 86400,
    }),
  );

  app.onError((error) => errorResponse(error));

  const entities = site.paths
    .filter((p) => p.startsWith('entities/'))
    .map((p) => ({ slug: p.slice('entities/'.length, -'.jsonld'.length), name: entityName(site.file(p)!.content) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  app.get('/', (c) => c.html(homePage(site.version, entities)));
  const clientOf = (c: Context) =>
    clientAddress(c.req.header('x-forwarded-for'), options.socketAddress?.(c), limits.trustedProxyHops);

  // For operators and load tests: the dataset served, the process memory and what the query workers did.
  app.get('/health', (c) =>
    c.json(
      { status: 'ok', version: site.version, rssBytes: process.memoryUsage().rss, queries: executor.stats?.() ?? null },
      200,
      { 'Cache-Control': 'no-store' },
    ),
  );
  app.get('/dashboard', (c) =>
    c.html(
      dashboardPage(
        `${new URL(c.req.url).origin}/sparql`,
        chartNamespaces(new Iris(baseIri)),
        site.paths.some((p) => p.startsWith('charts/')),
      ),
      200,
      { 'Cache-Control': CACHE_SHORT },
    ),
  );

  const sparql = async (c: Context) => {
    const protocol = await readProtocolRequest(c.req.raw, limits);
    const endpoint = endpointUrl(c.req.url);
    if (protocol.kind === 'none') return describeService(c, endpoint);
    const { request } = protocol;
    const key = ResultCache.key([
      site.version,
      normalizeQuery(request.query),
      request.defaultGraphUris.join(' '),
      request.namedGraphUris.join(' '),
      (request.formats ?? []).join(' '),
      request.accept ?? '',
    ]);
    const etag = ResultCache.etagOf(key);
    const common = { ETag: etag, 'Cache-Control': CACHE_QUERY, Vary: 'Accept', 'X-Dataset-Version': site.version };
    const hit = cache.get(key);
    // Only a query answered before (so parsed, and its answer kept) can be "not modified".
    if (c.req.header('if-none-match') === etag && hit) return new Response(null, { status: 304, headers: common });
    if (hit)
      return new Response(c.req.method === 'HEAD' ? null : hit.body, {
        headers: { ...common, ...hit.headers, 'content-type': hit.mediaType },
      });
    const response = await executor.query(request, clientOf(c));
    const headers = resultHeaders(response, limits);
    cache.set(key, { etag, mediaType: contentType(response.mediaType), body: response.body, headers });
    return new Response(c.req.method === 'HEAD' ? null : response.body, {
      headers: { ...common, ...headers, 'content-type': contentType(response.mediaType) },
    });
  };

  const describeService = async (c: Context, endpoint: string) => {
    const accept = c.req.header('accept') ?? '';
    if (/text\/html/.test(accept) && !RDF_TYPES.some((t) => accept.includes(t))) {
      return c.html(queryPage(endpoint, exampleQueries(baseIri)));
    }
    const mediaType = negotiateRdf(accept, c.req.query('format'));
    const origin = new URL(endpoint).origin;
    const body = await writeQuads(
      serviceDescription(endpoint, baseIri, `${origin}/.well-known/void`, site.triples),
      mediaType,
      { sd: 'http://www.w3.org/ns/sparql-service-description#', ...prefixesFor(baseIri) },
    );
    return new Response(body, {
      headers: { 'content-type': contentType(mediaType), Vary: 'Accept', 'Cache-Control': CACHE_SHORT },
    });
  };

  for (const path of ['/sparql', '/sparql/']) {
    app.on(['GET', 'HEAD', 'POST'], path, sparql);
    app.all(path, (c) =>
      c.text(`Method ${c.req.method} is not allowed on the SPARQL endpoint: use GET or POST.\n`, 405, {
        Allow: 'GET, HEAD, POST, OPTIONS',
      }),
    );
  }

  const uiFiles = new Map(Object.entries(assets));
  uiFiles.set('query-page.js', {
    content: Buffer.from(QUERY_PAGE_SCRIPT),
    mediaType: 'text/javascript; charset=utf-8',
  });
  app.get('/ui/:file', (c) => {
    const asset = uiFiles.get(c.req.param('file'));
    if (!asset) return c.text('Not found.\n', 404);
    return new Response(asset.content, { headers: { 'content-type': asset.mediaType, 'Cache-Control': CACHE_SHORT } });
  });

  const serveFile = (c: Context, path: string, cacheControl: string) => {
    const file = site.file(path);
    if (!file) return c.text(`No file ${path} in dump set ${site.version}.\n`, 404);
    const etag = `"${site.version}-${path}"`;
    const headers = {
      'content-type': contentType(file.mediaType),
      ETag: etag,
      'Cache-Control': cacheControl,
      'X-Dataset-Version': site.version,
    };
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(c.req.method === 'HEAD' ? null : file.content, { headers });
  };

  // The dump set's listing: an HTML page for browsers, the JSON listing for programs.
  app.get('/dumps/', (c) => {
    const headers = { 'Cache-Control': CACHE_SHORT, Vary: 'Accept', 'X-Dataset-Version': site.version };
    if (wantsHtml(c.req.header('accept'), c.req.query('format'))) {
      const manifest = site.file('manifest.json');
      if (!manifest) return c.text(`No manifest.json in dump set ${site.version}.\n`, 404);
      return c.html(dumpsPage(JSON.parse(manifest.content.toString('utf8')) as Manifest), 200, headers);
    }
    return c.json({ version: site.version, files: site.paths.map((p) => `/dumps/${p}`) }, 200, headers);
  });
  // /dumps/{version}/... never changes (immutable); /dumps/... is the latest version (short-lived).
  app.get('/dumps/*', (c) => {
    const path = c.req.path.slice('/dumps/'.length);
    const versioned = path.startsWith(`${site.version}/`);
    return serveFile(
      c,
      versioned ? path.slice(site.version.length + 1) : path,
      versioned ? CACHE_IMMUTABLE : CACHE_SHORT,
    );
  });
  app.get('/context.jsonld', (c) => serveFile(c, 'context.jsonld', CACHE_SHORT));
  // The ontology document ({base}ontology, where w3id.org/icat-kg/ontology redirects): documentation for
  // browsers, RDF by content negotiation or ?format=.
  app.get('/ontology', async (c) => {
    const file = site.file('ontology.ttl');
    if (!file) return c.text(`Dump set ${site.version} has no ontology.ttl.\n`, 404);
    const quads = new Parser({ format: 'text/turtle' }).parse(file.content.toString('utf8')) as Quad[];
    const accept = c.req.header('accept') ?? '';
    const format = c.req.query('format');
    const headers = { Vary: 'Accept', 'Cache-Control': CACHE_SHORT, 'X-Dataset-Version': site.version };
    if (!format && /text\/html/.test(accept) && !RDF_TYPES.some((t) => accept.includes(t)))
      return c.html(ontologyPage(quads), 200, headers);
    const mediaType = negotiateRdf(accept, format);
    const body = await writeQuads(quads, mediaType, prefixesFor(baseIri));
    return new Response(body, { headers: { ...headers, 'content-type': contentType(mediaType) } });
  });
  app.get('/.well-known/void', (c) => serveFile(c, 'void.ttl', CACHE_SHORT));
  // The catalog: Turtle (default), JSON-LD, RDF/XML (what ckanext-dcat harvests by default), or HTML.
  let catalog: Quad[] | undefined;
  const catalogQuads = () =>
    (catalog ??= new Parser({ format: 'text/turtle' }).parse(site.file('catalog.ttl')?.content.toString('utf8') ?? ''));
  const serveCatalog = (c: Context, mediaType: string) => {
    const vary = { Vary: 'Accept', 'Cache-Control': CACHE_SHORT, 'X-Dataset-Version': site.version };
    if (!site.file('catalog.ttl')) return c.text(`No catalog in dump set ${site.version}.\n`, 404);
    if (mediaType === 'text/html') {
      const local = (iri: string) => (iri.startsWith(baseIri) ? `/${iri.slice(baseIri.length)}` : iri);
      return c.html(catalogPage(catalogQuads(), local), 200, vary);
    }
    if (mediaType === 'application/rdf+xml') {
      const etag = `"${site.version}-catalog.rdf"`;
      const headers = { ...vary, ETag: etag, 'content-type': contentType(mediaType) };
      if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
      return new Response(c.req.method === 'HEAD' ? null : writeRdfXml(catalogQuads()), { headers });
    }
    const response = serveFile(c, mediaType === 'application/ld+json' ? 'catalog.jsonld' : 'catalog.ttl', CACHE_SHORT);
    response.headers.set('Vary', 'Accept');
    return response;
  };
  app.get('/catalog', (c) => {
    const accept = c.req.header('accept');
    const format = c.req.query('format');
    if (wantsHtml(accept, format)) return serveCatalog(c, 'text/html');
    return serveCatalog(c, negotiateRdf(accept, format, CATALOG_TYPES));
  });
  // Fixed URLs per format, for harvesters configured with a URL rather than an Accept header.
  for (const [extension, mediaType] of Object.entries(CATALOG_EXTENSIONS)) {
    app.get(`/catalog.${extension}`, (c) => serveCatalog(c, mediaType));
  }

  // Linked data: {base}id/... answers here, as HTML, Turtle or JSON-LD by content negotiation (200 + Vary: Accept).
  app.get('/id/*', async (c) => {
    const iri = `${baseIri}${c.req.path.slice(1)}`;
    const accept = c.req.header('accept') ?? '';
    const format = c.req.query('format');
    const wantsHtml = !format && /text\/html/.test(accept) && !RDF_TYPES.some((t) => accept.includes(t));
    const mediaType = wantsHtml ? 'application/n-triples' : negotiateRdf(accept, format);
    const body = await executor.describe({ iri, mediaType }, clientOf(c));
    if (body === undefined) return c.text(`The graph says nothing about <${iri}>.\n`, 404, { Vary: 'Accept' });
    const headers = {
      Vary: 'Accept',
      'Cache-Control': CACHE_SHORT,
      'X-Dataset-Version': site.version,
      Link: `<${iri}>; rel="canonical"`,
    };
    if (wantsHtml) {
      const quads = new Parser({ format: 'application/n-triples' }).parse(body) as Quad[];
      // The labels and inbound links are extras: a busy or slow executor leaves the page with its own triples.
      const data = await readPageData(executor, iri, shownIris(iri, quads), clientOf(c)).catch(() => EMPTY_PAGE_DATA);
      const page = resourcePage(iri, quads, data, {
        base: baseIri,
        languages: preferredLanguages(c.req.header('accept-language')),
        localPath: (target) => (target.startsWith(`${baseIri}id/`) ? `/${target.slice(baseIri.length)}` : undefined),
      });
      headers.Vary = 'Accept, Accept-Language';
      return c.html(page, 200, headers);
    }
    return new Response(body, { headers: { ...headers, 'content-type': contentType(mediaType) } });
  });

  for (const path of ['/favicon.svg', '/favicon.ico'])
    app.get(path, (c) =>
      c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'Cache-Control': CACHE_SHORT }),
    );

  app.notFound((c) => c.text(`Nothing at ${c.req.path}. See / for what this server offers.\n`, 404));
  return app;
}

/** The English label of an entity document (its framed JSON-LD). */
function entityName(content: Buffer): string {
  const doc = JSON.parse(content.toString('utf8')) as { id?: string; label?: string | { '@value': string } };
  const label = doc.label;
  return typeof label === 'string' ? label : (label?.['@value'] ?? doc.id ?? '?');
}

/** The endpoint URL as the client asked for it (without query string), for sd:endpoint. */
function endpointUrl(requestUrl: string): string {
  const url = new URL(requestUrl);
  return `${url.origin}${url.pathname}`;
}

function negotiateRdf(accept: string | undefined, format: string | undefined, offered = RDF_TYPES): string {
  try {
    const mediaType = negotiate('construct', accept, format);
    if (offered.includes(mediaType)) return mediaType;
  } catch (error) {
    if (!(error instanceof NotAcceptableError)) throw error;
    if (format) throw error;
  }
  if (!accept || /\*\/\*/.test(accept) || /text\/html/.test(accept)) return offered[0]!;
  throw new QueryError(`None of the accepted media types is offered here: ${offered.join(', ')}.`, 406);
}

function contentType(mediaType: string): string {
  return mediaType.startsWith('text/') ||
    mediaType.includes('json') ||
    mediaType.includes('xml') ||
    mediaType.includes('n-') ||
    mediaType.includes('trig')
    ? `${mediaType}; charset=utf-8`
    : mediaType;
}

function resultHeaders(response: QueryResponse, limits: QueryLimits): Record<string, string> {
  const headers: Record<string, string> = { 'X-Result-Rows': String(response.rows) };
  if (response.truncated === 'rows') headers['X-Result-Truncated'] = `max-rows=${limits.maxRows}`;
  if (response.truncated === 'bytes') headers['X-Result-Truncated'] = `max-bytes=${limits.maxResponseBytes}`;
  const replaced = response.mediaType.includes('xml') ? replacedCharacters(response.body) : 0;
  if (replaced > 0) headers['X-Result-Characters-Replaced'] = String(replaced);
  return headers;
}
