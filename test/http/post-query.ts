/**
 * POSTs a query to `${server.url}/sparql` (`application/sparql-query`, asking for SPARQL JSON results)
 * with any extra headers, and reads the whole answer: its status, headers, body, how long it took and
 * when it came (performance.now()).
 */
export async function postQuery(server: { readonly url: string }, query: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${server.url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json', ...headers },
    body: query,
  });
  const body = await response.text();
  const at = performance.now();
  return { status: response.status, headers: response.headers, body, ms: at - started, at };
}
