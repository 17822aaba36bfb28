import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app.js';
import { siteFromFiles } from '../../functions/http/site.js';
import { InProcessExecutor } from '../../functions/query/in-process-executor.js';
import { storeFromNQuads } from '../../functions/query/load-store.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import type { QueryRequest } from '../../functions/query/query-runner.js';

const EX = 'http://example.org/';
const limits = queryLimitsSchema.parse({});

/** The app over a two-triple graph, counting the queries that reached the engine. */
function appCountingQueries() {
  const store = storeFromNQuads(`<${EX}a> <${EX}p> "x" <${EX}g> .\n<${EX}b> <${EX}p> "y" <${EX}g> .\n`);
  const engine = new InProcessExecutor(store, { limits, baseIri: EX, prefixes: {} });
  const evaluated: string[] = [];
  const executor = {
    query: (request: QueryRequest) => {
      evaluated.push(request.query);
      return engine.query(request);
    },
    describe: engine.describe.bind(engine),
    close: () => engine.close(),
  };
  const app = createApp({ executor, site: siteFromFiles('v1', new Map()), limits, baseIri: EX, assets: {} });
  const ask = (query: string, headers: Record<string, string> = {}) =>
    app.request('/sparql', {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json', ...headers },
      body: query,
    });
  return { ask, evaluated };
}

describe('the result cache keys a normalised query', () => {
  it('answers texts differing in layout, comments and prefix order from one evaluation, with one ETag', async () => {
    const { ask, evaluated } = appCountingQueries();
    const texts = [
      `PREFIX ex: <${EX}> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?s { ?s ex:p "x" }`,
      `# the subject of "x"\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nPREFIX ex: <${EX}>\nSELECT ?s {\n  ?s ex:p "x"   # one pattern\n}`,
    ];
    const answers = await Promise.all(texts.map(async (t) => ask(t)).map(async (r) => r));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0]!).results.bindings).toEqual([{ s: { type: 'uri', value: `${EX}a` } }]);
    expect(answers[1]!.headers.get('etag')).toBe(answers[0]!.headers.get('etag'));
    // Both were in flight at once, so both may have run; a third text is answered from the cache alone.
    const before = evaluated.length;
    const third = await ask(`PREFIX ex:<${EX}>PREFIX xsd:<http://www.w3.org/2001/XMLSchema#>SELECT ?s{?s ex:p "x"}`, {
      'if-none-match': answers[0]!.headers.get('etag')!,
    });
    expect(third.status).toBe(304);
    expect(evaluated.length).toBe(before);
  });

  it('evaluates texts that differ inside a string', async () => {
    const { ask, evaluated } = appCountingQueries();
    const first = await ask(`SELECT ?s { ?s <${EX}p> "x" }`);
    const second = await ask(`SELECT ?s { ?s <${EX}p> "y" }`);
    expect(first.headers.get('etag')).not.toBe(second.headers.get('etag'));
    expect(JSON.parse(await second.text()).results.bindings).toEqual([{ s: { type: 'uri', value: `${EX}b` } }]);
    expect(evaluated).toHaveLength(2);
  });
});
