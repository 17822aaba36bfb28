/** Small formatting helpers of the HTML pages over the dump set. */

/** `22021` → `22,021 bytes (21.5 KiB)`. */
export function formatSize(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = '';
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  return unit ? `${exact} (${value.toFixed(1)} ${unit})` : exact;
}

/**
 * Whether a request wants an HTML page: `?format=html`, or a browser's Accept (text/html) that names no
 * RDF or JSON type explicitly — a client asking for data gets data.
 */
export function wantsHtml(accept: string | undefined, format: string | undefined): boolean {
  if (format) return format.toLowerCase() === 'html';
  if (!accept || !/text\/html/i.test(accept)) return false;
  return !/(turtle|rdf\+xml|ld\+json|n-triples|n-quads|trig|application\/json)/i.test(accept);
}

/** Tables of files: columns as wide as their content, hashes broken anywhere rather than overflowing. */
export const FILES_STYLE =
  '<style>.files th { width: auto; } .files td:nth-child(4) code { word-break: break-all; }</style>';
