import { readFileSync } from 'node:fs';
import type { Term } from '@rdfjs/types';
import { DataFactory, Parser, Store } from 'n3';

const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const HT = 'http://www.w3.org/2011/http#';
const CNT = 'http://www.w3.org/2011/content#';
const UT = 'http://www.w3.org/2009/sparql/tests/test-update#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

export interface ProtocolRequestSpec {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: { readonly chars: string; readonly encoding: string };
  readonly expectedStatus: readonly string[];
  readonly expectedFormat?: string;
  readonly expectedBoolean?: boolean;
}

export interface ProtocolTest {
  readonly id: string;
  readonly name: string;
  readonly kind: 'query' | 'update' | 'negative';
  readonly requests: readonly ProtocolRequestSpec[];
  /** Graph name → data file of the suite, to preload as named graphs. */
  readonly graphs: ReadonlyMap<string, string>;
}

/** Reads the W3C SPARQL 1.1 Protocol manifest (its entries, in order) into plain test descriptions. */
export function readProtocolManifest(path: string): ProtocolTest[] {
  const base = `file://${path}`;
  const store = new Store(new Parser({ baseIRI: base }).parse(readFileSync(path, 'utf8')));
  const one = (s: Term, p: string) => store.getObjects(s, DataFactory.namedNode(p), null)[0];
  const all = (s: Term, p: string) => store.getObjects(s, DataFactory.namedNode(p), null);
  const list = (head: Term | undefined): Term[] => {
    const items: Term[] = [];
    for (let node = head; node && node.value !== `${RDF}nil`; node = one(node, `${RDF}rest`))
      items.push(one(node, `${RDF}first`)!);
    return items;
  };
  const manifest = store.getSubjects(DataFactory.namedNode(`${MF}entries`), null, null)[0]!;
  return list(one(manifest, `${MF}entries`)).map((test) => {
    const id = test.value.replace(/^.*#/, '');
    const requests = list(one(one(test, `${MF}action`)!, `${HT}requests`)).map((r): ProtocolRequestSpec => {
      const headers: Record<string, string> = {};
      for (const h of list(one(r, `${HT}headers`)))
        headers[one(h, `${HT}fieldName`)!.value.toLowerCase()] = one(h, `${HT}fieldValue`)!.value;
      const body = one(r, `${HT}body`);
      const resp = one(r, `${HT}resp`)!;
      const expectedBoolean = one(resp, `${MF}expectedBoolean`);
      const expectedFormat = one(resp, `${MF}expectedFormat`);
      return {
        method: one(r, `${HT}methodName`)!.value,
        path: one(r, `${HT}absolutePath`)!.value,
        headers,
        ...(body
          ? {
              body: {
                chars: one(body, `${CNT}chars`)!.value,
                encoding: one(body, `${CNT}characterEncoding`)?.value ?? 'UTF-8',
              },
            }
          : {}),
        expectedStatus: all(resp, `${MF}expectedStatus`).map((s) => s.value.replace(/^.*#/, '')),
        ...(expectedFormat ? { expectedFormat: expectedFormat.value } : {}),
        ...(expectedBoolean ? { expectedBoolean: expectedBoolean.value === 'true' } : {}),
      };
    });
    const graphs = new Map<string, string>();
    for (const g of all(test, `${UT}graphData`))
      graphs.set(one(g, `${RDFS}label`)!.value, one(g, `${UT}graph`)!.value.replace(/^file:\/\//, ''));
    const kind = id.startsWith('bad_') ? 'negative' : id.startsWith('update_') ? 'update' : 'query';
    return { id, name: one(test, `${MF}name`)!.value, kind, requests, graphs };
  });
}
