import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { iriFromUrl, urlIriProblem } from '../../functions/rdf/iri-from-url.js';
import { isIri } from '../../functions/rdf/rfc3987.js';

describe('iriFromUrl', () => {
  it.each([
    // The URL Oxigraph refused in icat.nq: brackets are delimiters, not path characters.
    [
      'https://www.unodc.org/documents/human-trafficking/Toolkit-files/07-89375_Ebook[1].pdf',
      'https://www.unodc.org/documents/human-trafficking/Toolkit-files/07-89375_Ebook%5B1%5D.pdf',
    ],
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['https://example.org/a"b<c>d\\e^f`g{h|i}j', 'https://example.org/a%22b%3Cc%3Ed%5Ce%5Ef%60g%7Bh%7Ci%7Dj'],
    ['https://example.org/?q=[1]&r=a b', 'https://example.org/?q=%5B1%5D&r=a%20b'],
    // A fragment holds one "#": the second is data.
    ['https://example.org/page#one#two', 'https://example.org/page#one%23two'],
    // A "%" that starts no escape is a literal percent sign; escapes stay as printed.
    ['https://example.org/100%-done/%5b%C3%A9', 'https://example.org/100%25-done/%5b%C3%A9'],
    // Control characters and non-characters are encoded as UTF-8 bytes.
    ['https://example.org/a\tb\u007f', 'https://example.org/a%09b%7F'],
    ['https://example.org/\uFFFE', 'https://example.org/%EF%BF%BE'],
    // Private-use characters: allowed in the query only.
    ['https://example.org/\uE000?\uE000#\uE000', 'https://example.org/%EE%80%80?\uE000#%EE%80%80'],
  ])('encodes what an IRI cannot hold: %s', (url, iri) => {
    expect(iriFromUrl(url)).toBe(iri);
    expect(isIri(iri)).toBe(true);
  });

  it.each([
    'https://www.unodc.org/',
    'http://www.ilo.org/global/topics/forced-labour/lang--en/index.htm',
    'https://undocs.org/en/S/RES/2467(2019)',
    'https://www.osce.org/cthb/107221#:~:text=The%20Alliance%20against%20Trafficking%20in,prevent%20and%20combat.',
    "https://example.org/a;b=c,d!$&'()*+@:~/?x=y/z?",
    'https://user:pass@example.org:8443/p',
    'https://[2001:db8::1]:8080/p',
    // Non-ASCII letters are IRI characters: they stay as printed.
    'https://例え.jp/パス/données?q=ç#é',
    'https://example.org/\u{1F600}',
  ])('leaves a valid IRI as it is: %s', (url) => {
    expect(isIri(url)).toBe(true);
    expect(iriFromUrl(url)).toBe(url);
  });

  it.each([
    ['https://exa mple.org/', 'its host part "exa mple.org" is not a host name with an optional port'],
    ['https://example.org\\en/', 'its host part "example.org\\\\en" is not a host name with an optional port'],
    ['https://www.unodc.\norg/', 'its host part "www.unodc.\\norg" is not a host name with an optional port'],
    ['https://example.org:80x/', 'its host part "example.org:80x" is not a host name with an optional port'],
    ['https:/example.org/', 'it does not start with a scheme and "//" and a host'],
    ['www.example.org/page', 'it does not start with a scheme and "//" and a host'],
    ['https://example.org/\uD800', 'it holds a lone UTF-16 surrogate'],
  ])('refuses what encoding cannot fix: %j', (url, problem) => {
    expect(urlIriProblem(url)).toBe(problem);
    expect(() => iriFromUrl(url)).toThrow(problem);
  });

  it('gives IRIs that Oxigraph, strict on IRIs, accepts where it refused the URLs as printed', () => {
    const urls = [
      'https://www.unodc.org/documents/human-trafficking/Toolkit-files/07-89375_Ebook[1].pdf',
      'https://example.org/a b?q=[1]#one#two',
      'https://example.org/100%-done',
    ];
    const nquads = (iris: string[]) => iris.map((o) => `<http://example.org/s> <http://example.org/p> <${o}> .\n`);
    for (const url of urls)
      expect(() => new oxigraph.Store().load(nquads([url]).join(''), { format: 'application/n-triples' })).toThrow();
    const store = new oxigraph.Store();
    store.load(nquads(urls.map(iriFromUrl)).join(''), { format: 'application/n-triples' });
    expect(store.size).toBe(urls.length);
  });
});

describe('isIri', () => {
  it.each([
    ['mailto:contact@example.org', true],
    ['urn:isbn:978-92-1-133070-2', true],
    ['http://metadata.un.org/sdg/8.7', true],
    ['file:///tmp/x', true],
    ['http://example.org:80x', false],
    ['//example.org/relative', false],
    ['example.org/page', false],
    ['http://example.org/a b', false],
    ['http://example.org/[1]', false],
    ['http://example.org/%zz', false],
    ['http://example.org/#a#b', false],
  ])('%s: %s', (value, expected) => {
    expect(isIri(value)).toBe(expected);
  });
});
