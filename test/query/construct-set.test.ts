import { describe, expect, it } from 'vitest';
import { storeFromNQuads } from '../../functions/query/load-store.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import { QueryRunner } from '../../functions/query/query-runner.js';

const EX = 'http://example.org/';
// One subject with a label and three topics: a template triple about the label is made once per topic.
const NQUADS = [
  `<${EX}e> <${EX}label> "E"@en <${EX}g> .`,
  `<${EX}e> <${EX}topic> <${EX}t1> <${EX}g> .`,
  `<${EX}e> <${EX}topic> <${EX}t2> <${EX}g> .`,
  `<${EX}e> <${EX}topic> <${EX}t3> <${EX}g> .`,
  '',
].join('\n');

function runner(maxRows = 10_000): QueryRunner {
  return new QueryRunner(storeFromNQuads(NQUADS), {
    limits: queryLimitsSchema.parse({ maxRows }),
    baseIri: EX,
    prefixes: {},
  });
}

const construct = (template: string) => ({
  query: `CONSTRUCT { ${template} } WHERE { ?e <${EX}label> ?l ; <${EX}topic> ?t }`,
  defaultGraphUris: [],
  namedGraphUris: [],
  accept: 'application/n-triples',
});

describe('CONSTRUCT answers a set of triples', () => {
  it('gives a triple made by several solutions once', async () => {
    const response = await runner().run(construct(`?e <${EX}label> ?l ; <${EX}topic> ?t`));
    expect(response.body.trim().split('\n').sort()).toEqual([
      `<${EX}e> <${EX}label> "E"@en .`,
      `<${EX}e> <${EX}topic> <${EX}t1> .`,
      `<${EX}e> <${EX}topic> <${EX}t2> .`,
      `<${EX}e> <${EX}topic> <${EX}t3> .`,
    ]);
    expect(response.rows).toBe(4);
    expect(response.truncated).toBe(false);
  });

  it('counts distinct triples against the row limit', async () => {
    // Three solutions, one distinct triple: within a limit of one row, nothing is cut.
    const response = await runner(1).run(construct(`?e <${EX}label> ?l`));
    expect(response.body.trim()).toBe(`<${EX}e> <${EX}label> "E"@en .`);
    expect(response.truncated).toBe(false);
  });

  it('tells triple terms apart by the triples they hold', async () => {
    // SPARQL 1.2 triple terms: one per solution, three distinct triples, none to drop.
    const response = await runner().run(construct(`<${EX}e> <${EX}says> <<( ?e <${EX}topic> ?t )>>`));
    expect(response.body.trim().split('\n').sort()).toEqual(
      [1, 2, 3].map((n) => `<${EX}e> <${EX}says> <<( <${EX}e> <${EX}topic> <${EX}t${n}> )>> .`),
    );
    expect(response.rows).toBe(3);
  });
});
