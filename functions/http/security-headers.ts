import { createHash } from 'node:crypto';

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

/** The inline <style> elements of a page the app wrote (data in a page is escaped: it cannot add one). */
function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

/**
 * The policy of an HTML page: everything from this host only. Scripts come from files (no inline
 * script runs); the page's own inline styles and YASGUI's are allowed by their hashes; YASGUI draws
 * icons as data: images.
 */
export function pagePolicy(html: string): string {
  const styles = [...new Set([...inlineStyles(html).map(hashOf), ...YASGUI_STYLES])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styles.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every other answer (results, dumps, errors) is data: nothing in it may load or run anything. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every answer carries, whatever its kind (the CSP of a page is set apart). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

/** Sets the security headers on an answer, whatever route or error produced it. */
export async function addSecurityHeaders(response: Response): Promise<void> {
  const { headers } = response;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  const html = (headers.get('content-type') ?? '').startsWith('text/html') && response.body !== null;
  headers.set('Content-Security-Policy', html ? pagePolicy(await response.clone().text()) : DATA_POLICY);
}
