/**
 * The grammar of an IRI (RFC 3987, section 2.2) as regular expressions: which characters each component
 * may hold as they are. Strict stores (Oxigraph) refuse a whole file for one IRI outside it.
 */

/** Planes 1 to 13 without their last two code points, and plane 14 from E1000 (`ucschar`). */
const ASTRAL_UCS = [...Array.from({ length: 13 }, (_, i) => i + 1)]
  .map((plane) => `\\u{${plane.toString(16)}0000}-\\u{${plane.toString(16)}FFFD}`)
  .join('');
const UCSCHAR = `\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF${ASTRAL_UCS}\\u{E1000}-\\u{EFFFD}`;
/** Private-use characters: allowed in the query only. */
const IPRIVATE = '\\uE000-\\uF8FF\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';
const IUNRESERVED = `A-Za-z0-9\\-._~${UCSCHAR}`;
const SUB_DELIMS = "!$&'()*+,;=";
const IPCHAR = `${IUNRESERVED}${SUB_DELIMS}:@`;
const PCT = '%[0-9A-Fa-f]{2}';

/** The characters each component holds unencoded (a regular-expression character class, `u` flag). */
export const COMPONENT_CHARS = {
  path: new RegExp(`^[${IPCHAR}/]$`, 'u'),
  query: new RegExp(`^[${IPCHAR}${IPRIVATE}/?]$`, 'u'),
  fragment: new RegExp(`^[${IPCHAR}/?]$`, 'u'),
} as const;

const SCHEME = '[A-Za-z][A-Za-z0-9+.\\-]*';
const USERINFO = `(?:[${IUNRESERVED}${SUB_DELIMS}:]|${PCT})*@`;
/** IPv6 or IPvFuture in brackets, checked loosely; a registered name or IPv4 address. */
const HOST = `(?:\\[[0-9A-Za-z:.]+\\]|(?:[${IUNRESERVED}${SUB_DELIMS}]|${PCT})+)`;
const PORT = '(?::[0-9]*)?';

/** The authority of a URL we publish: `[userinfo@]host[:port]` with a host (the grammar allows none). */
export const AUTHORITY = new RegExp(`^(?:${USERINFO})?${HOST}${PORT}$`, 'u');

const SEGMENT = `(?:[${IPCHAR}]|${PCT})*`;
const SEGMENT_NZ = `(?:[${IPCHAR}]|${PCT})+`;
const QUERY = `(?:[${IPCHAR}${IPRIVATE}/?]|${PCT})*`;
const FRAGMENT = `(?:[${IPCHAR}/?]|${PCT})*`;
const IRI = new RegExp(
  `^${SCHEME}:(?://(?:${USERINFO})?(?:${HOST})?${PORT}(?:/${SEGMENT})*` +
    // Without an authority the path may not start with "//" (ipath-absolute, ipath-rootless, empty).
    `|/?(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?)` +
    `(?:\\?${QUERY})?(?:#${FRAGMENT})?$`,
  'u',
);

/** Whether `value` is an absolute IRI (RFC 3987 `IRI`: a scheme, no relative reference). */
export function isIri(value: string): boolean {
  return IRI.test(value);
}

export const SCHEME_AND_AUTHORITY = new RegExp(`^(${SCHEME}):\\/\\/([^/?#]*)`, 'u');
