import { describe, expect, it } from 'vitest';
import { normalizeQuery } from '../../functions/query/normalize-query.js';

describe('the cache key of a query', () => {
  it('is the same for texts that differ only in layout, comments and prefix order', () => {
    const texts = [
      'PREFIX a: <http://a/>\nPREFIX b: <http://b/>\nSELECT ?x WHERE { ?x a:p b:o . }',
      '# who points to b:o?\nprefix b: <http://b/>   PREFIX a: <http://a/>\n\nSELECT ?x WHERE {\n  ?x a:p b:o . # the only pattern\n}\n',
      'PREFIX a:<http://a/> PREFIX b:<http://b/> SELECT ?x WHERE{?x a:p b:o .}',
    ];
    expect(texts.map(normalizeQuery)).toEqual(
      texts.map(() => 'PREFIX a: <http://a/> PREFIX b: <http://b/> SELECT ?x WHERE{?x a:p b:o .}'),
    );
  });

  it('keeps strings and IRIs byte for byte: a # or spaces inside them are data', () => {
    expect(normalizeQuery('SELECT * { ?s ?p "a  # b" , \'c\td\' , """x\n\n# y""" , <http://e/#f> }')).toBe(
      'SELECT *{?s ?p "a  # b",\'c\td\',"""x\n\n# y""",<http://e/#f>}',
    );
    expect(normalizeQuery('SELECT * { ?s ?p "say \\"hi\\"  # not a comment" }')).toBe(
      'SELECT *{?s ?p "say \\"hi\\"  # not a comment"}',
    );
    expect(normalizeQuery("SELECT * { ?s ?p '''it's  '' here''' }")).toBe("SELECT *{?s ?p '''it's  '' here'''}");
  });

  it('tells apart texts whose answers may differ', () => {
    const distinct = [
      'SELECT * { ?s ?p 1 .5 }',
      'SELECT * { ?s ?p 1.5 }',
      'SELECT * { ?s ?p "a b" }',
      'SELECT * { ?s ?p "a  b" }',
      'SELECT * { ?s ?p "A b" }',
      'SELECT * { ?s ?p ?o FILTER(?o < 2) }',
      'SELECT * { ?s ?p ?o FILTER(?o > 2) }',
    ];
    expect(new Set(distinct.map(normalizeQuery)).size).toBe(distinct.length);
  });

  it('leaves the prologue as written when its order matters', () => {
    // A prefix named twice: the later one wins, so swapping would change the query.
    const twice = 'PREFIX a: <http://2/> PREFIX a: <http://1/> SELECT * { ?s a:p ?o }';
    expect(normalizeQuery(twice)).toBe('PREFIX a: <http://2/> PREFIX a: <http://1/> SELECT *{?s a:p ?o}');
    const base = 'PREFIX b: <x/> BASE <http://base/> PREFIX a: <y/> SELECT * { ?s b:p a:o }';
    expect(normalizeQuery(base)).toBe('PREFIX b: <x/> BASE <http://base/> PREFIX a: <y/> SELECT *{?s b:p a:o}');
  });

  it('compares prefix names by code point, the empty prefix first', () => {
    expect(normalizeQuery('PREFIX z: <http://z/> PREFIX : <http://e/> PREFIX B: <http://b/> ASK {}')).toBe(
      'PREFIX : <http://e/> PREFIX B: <http://b/> PREFIX z: <http://z/> ASK{}',
    );
  });
});

describe('the normaliser on hostile text (it runs on every request, before the engine)', () => {
  // Each of these took seconds to minutes with a scan per quote or per comment; linear, they take
  // milliseconds. The test's own timeout is the bound; the exact outputs show nothing was skipped.
  const n = 20_000;

  it('reads unclosed quotes of every kind once', () => {
    const quotes = `SELECT * { ?s ?p ?o FILTER(?o = ${'"a '.repeat(n)}) }`;
    expect(normalizeQuery(quotes)).toBe(`SELECT *{?s ?p ?o FILTER(?o = ${'"a '.repeat(n).trimEnd()})}`);
    const long = `ASK { ${`"""x `.repeat(n)}}`;
    expect(normalizeQuery(long)).toBe(`ASK{${`"""x `.repeat(n).trimEnd()}}`);
    const escaped = `ASK { ?s ?p "${'\\" '.repeat(n)}}`;
    expect(normalizeQuery(escaped)).toBe(`ASK{?s ?p "${'\\" '.repeat(n).trimEnd()}}`);
  });

  it('reads thousands of comments and prefix declarations once', () => {
    expect(normalizeQuery(`${'# c\n'.repeat(n)}ASK {}`)).toBe('ASK{}');
    const prefixes = Array.from({ length: 5000 }, (_, i) => `PREFIX p${4999 - i}: <http://p/${i}>`).join('\n');
    const normal = normalizeQuery(`${prefixes}\nASK {}`);
    expect(normal.startsWith('PREFIX p0: <http://p/4999> PREFIX p1: <http://p/4998>')).toBe(true);
    expect(normal.endsWith('PREFIX p999: <http://p/4000> ASK{}')).toBe(true);
  });

  it('still finds the strings after an unclosed quote on an earlier line', () => {
    expect(normalizeQuery(`ASK { ?s ?p "a\n  ?s ?q "b  c" }`)).toBe(`ASK{?s ?p "a ?s ?q "b  c"}`);
  });
});
