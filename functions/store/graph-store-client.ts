/** A store refused or failed a request: which URL, which graph, what it answered. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * A client of the SPARQL 1.1 Graph Store HTTP Protocol (indirect graph identification, `?graph=`), the
 * protocol Virtuoso, Fuseki, GraphDB, Oxigraph server and Amazon Neptune all implement. `fetch` is the
 * place to sign requests (Neptune's IAM authentication) or add credentials.
 */
export class GraphStoreClient {
  constructor(
    readonly endpoint: string,
    private readonly fetch: Fetch = globalThis.fetch,
  ) {}

  /** Replaces the graph with the given N-Triples. */
  async put(graph: string, ntriples: string): Promise<void> {
    await this.send('PUT', graph, { body: ntriples, headers: { 'content-type': 'application/n-triples' } });
  }

  /** Removes the graph; a graph that is not there is not an error. */
  async delete(graph: string): Promise<void> {
    await this.send('DELETE', graph, {}, [404]);
  }

  /** The graph as N-Triples, or undefined when the store has no such graph. */
  async get(graph: string): Promise<string | undefined> {
    const response = await this.send('GET', graph, { headers: { accept: 'application/n-triples' } }, [404]);
    return response.status === 404 ? undefined : response.text();
  }

  /**
   * Every request here is idempotent (GET, PUT, DELETE), so a server error is tried again, twice: stores
   * have transient faults under concurrent writes (Virtuoso: a duplicate key when two graphs bring the same
   * new language tag at once).
   */
  private async send(method: string, graph: string, init: RequestInit, tolerated: number[] = []): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendOnce(method, graph, init, tolerated);
      } catch (error) {
        const transient = error instanceof StoreError && (error.status === undefined || error.status >= 500);
        if (!transient || attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async sendOnce(method: string, graph: string, init: RequestInit, tolerated: number[]): Promise<Response> {
    const url = `${this.endpoint}${this.endpoint.includes('?') ? '&' : '?'}graph=${encodeURIComponent(graph)}`;
    let response: Response;
    try {
      response = await this.fetch(url, { ...init, method });
    } catch (error) {
      throw new StoreError(`${method} <${graph}> at ${this.endpoint}: the store did not answer`, url, undefined, {
        cause: error,
      });
    }
    if (response.ok || tolerated.includes(response.status)) return response;
    const text = (await response.text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    throw new StoreError(
      `${method} <${graph}> at ${this.endpoint}: the store answered ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
      url,
      response.status,
    );
  }
}
