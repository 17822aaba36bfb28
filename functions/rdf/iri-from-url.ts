import { AUTHORITY, COMPONENT_CHARS, isIri, SCHEME_AND_AUTHORITY } from './rfc3987.js';

/** A URL that no encoding turns into an IRI: validation reports the message against the record field. */
export class UnfixableUrlError extends Error {}

const PERCENT_ESCAPE = /^%[0-9A-Fa-f]{2}/;

/** `%XX` for each UTF-8 byte of one character, upper-case as RFC 3986 recommends. */
const percentEncode = (char: string): string =>
  [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

function encodeComponent(text: string, allowed: RegExp): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (/^[\uD800-\uDFFF]$/.test(char)) throw new UnfixableUrlError('it holds a lone UTF-16 surrogate');
    // A valid escape stays as printed: encoding its "%" again would change the URL.
    if (char === '%' && PERCENT_ESCAPE.test(text.slice(i))) out += char;
    else out += allowed.test(char) ? char : percentEncode(char);
    i += char.length;
  }
  return out;
}

/**
 * The IRI of a URL printed in the source (a homepage, a publication's link, ...): every character that
 * an IRI (RFC 3987) cannot hold where it stands is percent-encoded as UTF-8 (`Ebook[1].pdf` becomes
 * `Ebook%5B1%5D.pdf`, a space `%20`, a stray `%` `%25`, a second `#` `%23`); everything else stays as
 * printed, non-ASCII letters and existing escapes included, so a valid IRI is returned unchanged.
 * Throws an UnfixableUrlError when encoding cannot help: no `scheme://`, or an authority (user, host,
 * port) that is not one, since encoding a host would name another host.
 */
export function iriFromUrl(url: string): string {
  const head = SCHEME_AND_AUTHORITY.exec(url);
  if (!head) throw new UnfixableUrlError('it does not start with a scheme and "//" and a host');
  const [prefix, , authority] = head as unknown as [string, string, string];
  if (!AUTHORITY.test(authority))
    throw new UnfixableUrlError(`its host part ${JSON.stringify(authority)} is not a host name with an optional port`);
  const rest = url.slice(prefix.length);
  const hash = rest.indexOf('#');
  const beforeFragment = hash < 0 ? rest : rest.slice(0, hash);
  const question = beforeFragment.indexOf('?');
  const path = question < 0 ? beforeFragment : beforeFragment.slice(0, question);
  let iri = prefix + encodeComponent(path, COMPONENT_CHARS.path);
  if (question >= 0) iri += `?${encodeComponent(beforeFragment.slice(question + 1), COMPONENT_CHARS.query)}`;
  if (hash >= 0) iri += `#${encodeComponent(rest.slice(hash + 1), COMPONENT_CHARS.fragment)}`;
  // The components are encoded one by one; the whole must still be an IRI.
  if (!isIri(iri)) throw new UnfixableUrlError(`"${iri}" is still not an IRI`);
  return iri;
}

/** Why `url` cannot become an IRI, or undefined when iriFromUrl accepts it. */
export function urlIriProblem(url: string): string | undefined {
  try {
    iriFromUrl(url);
    return undefined;
  } catch (error) {
    if (error instanceof UnfixableUrlError) return error.message;
    throw error;
  }
}
