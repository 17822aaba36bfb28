import { exampleQueries } from '../../../functions/http/examples.js';
import { badRegex, cartesian, deepNesting, hugeLiteral, pathological, UPDATE_FORMS } from './hostile-queries.js';
import { mutate } from './mutate.js';
import { Prng } from './prng.js';
import { SparqlGrammar } from './sparql-grammar.js';

export type Transport = 'GET' | 'POST form' | 'POST query' | 'POST update' | 'GET update';

export interface FuzzCase {
  readonly family: string;
  readonly transport: Transport;
  /** The query (or update) as bytes: a mutation may leave them invalid UTF-8. */
  readonly text: Uint8Array;
  /** The `format` parameter, if any (one is bogus on purpose). */
  readonly format?: string;
}

const FORMATS = ['json', 'xml', 'csv', 'tsv', 'turtle', 'ntriples', 'nquads', 'trig', 'jsonld', 'rdfxml', 'bogus'];

/** How many cases of each family; grammar-based and mutated ones make the bulk. */
export const FAMILY_SIZES = {
  grammar: 1000,
  mutated: 680,
  'deep nesting': 30,
  'huge literal': 20,
  'bad regex': 70,
  // Each of these runs into the time limit, and each costs a worker: one of each form is enough.
  cartesian: 4,
  'pathological path': 6,
  update: UPDATE_FORMS.length * 10,
} as const;

/** The fuzz cases of a seed, in a fixed order: the same seed always gives the same bytes. */
export function fuzzCases(seed: number): FuzzCase[] {
  const random = new Prng(seed);
  const grammar = new SparqlGrammar(random);
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
  const transport = (): Transport => random.pick(['GET', 'POST form', 'POST query']);
  const format = () => (random.chance(0.4) ? { format: random.pick(FORMATS) } : {});
  const cases: FuzzCase[] = [];
  const add = (family: string, count: number, make: (index: number) => Uint8Array, how = transport) => {
    for (let i = 0; i < count; i++) cases.push({ family, transport: how(), text: make(i), ...format() });
  };
  const seeds = [...exampleQueries('http://example.org/').map((e) => e.query)];
  add('grammar', FAMILY_SIZES.grammar, () => {
    const query = grammar.query();
    if (seeds.length < 200) seeds.push(query);
    return utf8(query);
  });
  add('mutated', FAMILY_SIZES.mutated, () => mutate(random.pick(seeds), random));
  add('deep nesting', FAMILY_SIZES['deep nesting'], () => utf8(deepNesting(random)));
  // Past 16 KB a GET cannot carry them (the header limit answers 431): send those by POST.
  add(
    'huge literal',
    FAMILY_SIZES['huge literal'],
    () => utf8(hugeLiteral(random)),
    () => random.pick(['POST form', 'POST query']),
  );
  add('bad regex', FAMILY_SIZES['bad regex'], () => utf8(badRegex(random)));
  add('cartesian', FAMILY_SIZES.cartesian, (i) => utf8(cartesian(i)));
  add('pathological path', FAMILY_SIZES['pathological path'], (i) => utf8(pathological(random, i)));
  let update = 0;
  add(
    'update',
    FAMILY_SIZES.update,
    () => utf8(UPDATE_FORMS[update++ % UPDATE_FORMS.length]!),
    () => random.pick(['GET', 'POST form', 'POST query', 'POST update', 'GET update']),
  );
  // Interleave the families so that heavy cases are spread over the run.
  return shuffle(cases, random);
}

function shuffle<T>(items: T[], random: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Percent-encodes bytes for a URL query or a form body (every byte outside the unreserved set). */
export function percentEncode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
