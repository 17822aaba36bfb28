/**
 * The only way Comunica reaches the network: SERVICE calls go to the allow-listed endpoints and nowhere
 * else (no redirects either, which could lead from an allowed host to a forbidden one), and nothing else
 * (remote JSON-LD contexts, FROM <http://...>) is ever fetched. Guards against SSRF through queries.
 */
export function allowListFetch(allowList: readonly string[], baseFetch: typeof fetch = fetch): typeof fetch {
  const allowed = new Set(allowList.map(normalize));
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!allowed.has(normalize(url))) throw new Error(notAllowed(url.split('?')[0]!, allowList));
    return baseFetch(input, { ...init, redirect: 'manual' });
  };
}

/** An endpoint URL without its query string, so `?query=...` added by the SERVICE call still matches. */
function normalize(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

/** Why a SERVICE endpoint is refused: said the same whether the guard or the store check refuses it. */
export function notAllowed(endpoint: string, allowList: readonly string[]): string {
  return `SERVICE <${endpoint}> is not allowed: this endpoint federates only with ${allowList.length === 0 ? 'no other endpoint' : allowList.join(', ')}.`;
}

/**
 * The SERVICE endpoints a query names, those off the allow-list first (a variable endpoint, never on it,
 * as `?name`). Over a remote store the whole query goes to the store, which would make the SERVICE call
 * itself, out of reach of `allowListFetch`: such a query must be refused before it is sent.
 */
export function serviceEndpoints(
  operation: unknown,
  allowList: readonly string[],
): { unlisted: string[]; listed: string[] } {
  const allowed = new Set(allowList.map(normalize));
  const unlisted = new Set<string>();
  const listed = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const op = node as { type?: string; name?: { termType?: string; value?: string } };
    if (op.type === 'service' && op.name) {
      if (op.name.termType !== 'NamedNode') unlisted.add(`?${op.name.value}`);
      else (allowed.has(normalize(op.name.value!)) ? listed : unlisted).add(op.name.value!);
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(operation);
  return { unlisted: [...unlisted], listed: [...listed] };
}
