// The benchmark's baseline: Oxigraph (npm `oxigraph`, its Rust engine compiled to WebAssembly) behind a
// minimal SPARQL 1.1 Protocol server on node:http, over the same N-Quads file and the same dataset as our
// endpoint: the named graphs, and their triples once more in the default graph, which is then the set union
// of the named graphs (Oxigraph's own `use_default_graph_as_union` would count a triple once per graph
// holding it, and GRAPH ?g would see the default graph too). Plain JavaScript, so that its cold start
// is not charged a TypeScript loader our built server does not pay either.
//
//   node bench/oxigraph-server.mjs --quads icat.nq --port 0 [--base https://example.org/]
//
// Prints "oxigraph at http://127.0.0.1:PORT/ ..." once it answers.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import oxigraph from 'oxigraph';

const { values } = parseArgs({
  options: {
    quads: { type: 'string' },
    port: { type: 'string', default: '0' },
    base: { type: 'string', default: 'https://w3id.org/icat-kg/' },
  },
});
if (!values.quads) {
  console.error('oxigraph-server needs --quads FILE.nq');
  process.exit(1);
}

const started = performance.now();
const store = new oxigraph.Store();
const nquads = readFileSync(values.quads, 'utf8');
store.load(nquads, { format: 'application/n-quads' });
// The same lines without their graph IRI (the last IRI before the final dot; literals may hold '<').
store.load(nquads.replace(/ <[^<>"\s]+> \.$/gm, ' .'), { format: 'application/n-triples' });

/** The serialization Oxigraph is asked for: what the client accepts, else SPARQL JSON (or N-Triples). */
function resultsFormat(accept) {
  for (const type of [
    'application/sparql-results+json',
    'application/sparql-results+xml',
    'text/csv',
    'text/tab-separated-values',
    'application/n-triples',
    'text/turtle',
  ]) {
    if (accept.includes(type)) return type;
  }
  return 'application/sparql-results+json';
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function queryOf(request, url) {
  if (request.method === 'GET') return url.searchParams.get('query');
  const body = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/sparql-query')) return body;
  return new URLSearchParams(body).get('query');
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/sparql') {
    response.writeHead(404).end();
    return;
  }
  try {
    const query = await queryOf(request, url);
    if (!query) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('no query\n');
      return;
    }
    const format = resultsFormat(request.headers.accept ?? '');
    const body = store.query(query, { results_format: format, base_iri: values.base });
    response.writeHead(200, { 'content-type': format }).end(body);
  } catch (error) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end(`${error}\n`);
  }
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(
    `oxigraph at http://127.0.0.1:${port}/ (SPARQL at /sparql), ${store.size} quads, ready in ${Math.round(performance.now() - started)} ms`,
  );
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
