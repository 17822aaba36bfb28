import { createHash } from 'node:crypto';
import { STYLE } from './pages.js';

const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * The <style> elements YASGUI's result table adds (its column resizer): the fixed table rules, as
 * Chromium reports their hash, and the cursor rule it adds while a column is dragged. The browser test
 * fails on a CSP violation, so a YASGUI upgrade that changes them is caught.
 */
const YASGUI_STYLES = [
  "'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='",
  hashOf('*{cursor:col-resize!important}'),
];

/**
 * The policy of the HTML pages and the query UI: everything from this host only. Scripts come from
 * files (no inline script); the pages' one inline style and YASGUI's are allowed by their hashes;
 * YASGUI draws icons as data: images.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${hashOf(STYLE)} ${YASGUI_STYLES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Every other answer (results, dumps, errors) is data: nothing in it may load or run anything. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Sets the security headers on an answer, whatever route or error produced it. */
export function addSecurityHeaders(headers: Headers): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('X-Frame-Options', 'DENY');
  const html = (headers.get('content-type') ?? '').startsWith('text/html');
  headers.set('Content-Security-Policy', html ? PAGE_POLICY : DATA_POLICY);
}
