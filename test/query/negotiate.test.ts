import { describe, expect, it } from 'vitest';
import { negotiate, type QueryForm } from '../../functions/query/negotiate.js';
import { NotAcceptableError } from '../../functions/query/query-errors.js';

const SRJ = 'application/sparql-results+json';
const SRX = 'application/sparql-results+xml';
const TURTLE = 'text/turtle';
const RDFXML = 'application/rdf+xml';
const JSONLD = 'application/ld+json';
const NT = 'application/n-triples';

/** [form, Accept, format parameter values, expected media type or 406]. */
type Case = [QueryForm, string | undefined, string[], string | 406];

const cases: Case[] = [
  // No preference, or only wildcards: the form's default.
  ['select', undefined, [], SRJ],
  ['ask', '*/*', [], SRJ],
  ['construct', undefined, [], TURTLE],
  ['describe', '*/*;q=0.1', [], TURTLE],
  // Accept, by q then specificity.
  ['select', 'text/tab-separated-values;q=0.9, text/csv;q=0.5', [], 'text/tab-separated-values'],
  ['select', 'text/*', [], 'text/csv'],
  ['select', '*/*;q=0.5, application/sparql-results+xml', [], SRX],
  ['construct', 'application/n-triples, */*;q=0.1', [], NT],
  ['construct', 'text/*', [], TURTLE],
  // Media-type aliases mean the right thing for the form.
  ['select', 'application/json', [], SRJ],
  ['construct', 'application/json', [], JSONLD],
  ['ask', 'text/xml', [], SRX],
  ['describe', 'application/xml', [], RDFXML],
  ['construct', 'text/n3', [], TURTLE],
  ['construct', 'application/x-turtle', [], TURTLE],
  ['construct', 'text/plain', [], NT],
  // SPARQLWrapper's default (XML): format=xml&output=xml&results=xml with its Accept per form.
  ['select', SRX, ['xml', 'xml', 'xml'], SRX],
  ['ask', SRX, ['xml', 'xml', 'xml'], SRX],
  ['construct', RDFXML, ['xml', 'xml', 'xml'], RDFXML],
  ['describe', RDFXML, ['xml', 'xml', 'xml'], RDFXML],
  // Its other return formats.
  ['select', SRJ, ['json', 'json', 'json'], SRJ],
  ['construct', '*/*', ['json', 'json', 'json'], JSONLD],
  ['construct', 'application/turtle,text/turtle', ['turtle'], TURTLE],
  ['construct', 'application/turtle,text/turtle,text/rdf+n3,application/n-triples', ['n3'], TURTLE],
  ['describe', RDFXML, ['rdf+xml', RDFXML], RDFXML],
  ['construct', '*/*', ['rdf'], RDFXML],
  ['construct', 'application/ld+json,application/x-json+ld', ['json-ld', JSONLD], JSONLD],
  ['select', 'text/csv', ['csv'], 'text/csv'],
  ['select', 'text/tab-separated-values', ['tsv', 'text/tab-separated-values'], 'text/tab-separated-values'],
  // A format parameter wins over Accept; full media types work there too.
  ['select', 'text/html', ['csv'], 'text/csv'],
  ['select', SRJ, [SRX], SRX],
  ['construct', TURTLE, ['application/n-quads'], 'application/n-quads'],
  ['construct', undefined, ['TriG'], 'application/trig'],
  // Unknown values, or values of the other kind of result, are ignored: Accept decides.
  ['select', 'text/csv', ['foo'], 'text/csv'],
  ['select', undefined, ['turtle'], SRJ],
  ['ask', 'text/csv', ['csv'], SRJ],
  ['construct', NT, ['csv', 'srx'], NT],
  ['construct', undefined, ['bogus', 'ntriples'], NT],
  // An Accept listing only the other kind's formats gets the default (roqet's CONSTRUCT).
  ['construct', SRX, [], TURTLE],
  ['describe', 'application/sparql-results+json, text/csv;q=0.5', [], TURTLE],
  ['select', 'text/turtle', [], SRJ],
  ['ask', 'application/rdf+xml, application/ld+json', [], SRJ],
  // Refused types stay refused, also for defaults.
  ['construct', 'text/turtle;q=0, */*', [], NT],
  ['select', 'application/sparql-results+json;q=0, application/json;q=0, text/turtle', [], SRX],
  // Nothing this endpoint writes: 406.
  ['select', 'image/png', [], 406],
  ['construct', 'image/png, text/html;q=0.9', [], 406],
  ['construct', 'image/*', [], 406],
  ['select', 'text/html', ['foo'], 406],
  ['ask', 'application/sparql-results+json;q=0, application/sparql-results+xml;q=0', [], 406],
];

describe('result format negotiation', () => {
  it.each(cases)('%s with Accept %j and formats %j gives %s', (form, accept, formats, expected) => {
    const pick = () => negotiate(form, accept, formats);
    if (expected === 406) {
      expect(pick).toThrow(NotAcceptableError);
      try {
        pick();
      } catch (error) {
        expect((error as NotAcceptableError).status).toBe(406);
      }
    } else {
      expect(pick()).toBe(expected);
    }
  });

  it('accepts one format value as a plain string (the linked-data routes)', () => {
    expect(negotiate('construct', 'text/html', 'jsonld')).toBe(JSONLD);
    expect(negotiate('construct', undefined, undefined)).toBe(TURTLE);
  });
});
