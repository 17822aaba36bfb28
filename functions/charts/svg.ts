/** Small, dependency-free SVG writing: the same strings in Node (build) and in the browser (dashboard). */

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Coordinates with one decimal: enough for a screen, and the same digits on every machine. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

type Attributes = Readonly<Record<string, string | number | undefined>>;

/** An element; attributes in the order given, undefined ones left out, text children escaped by the caller. */
export function el(name: string, attributes: Attributes, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** A tooltip for the mark it is placed in. */
export const title = (text: string): string => el('title', {}, escapeXml(text));

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** The root element, with a title and description for screen readers and a white background for embedding. */
export function svgDocument(width: number, height: number, heading: string, description: string, body: string): string {
  return (
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        viewBox: `0 0 ${num(width)} ${num(height)}`,
        width,
        height,
        role: 'img',
        'aria-labelledby': 'chart-title chart-desc',
        'font-family': FONT,
        'font-size': 12,
      },
      el('title', { id: 'chart-title' }, escapeXml(heading)),
      el('desc', { id: 'chart-desc' }, escapeXml(description)),
      el('rect', { width: '100%', height: '100%', fill: '#fff' }),
      body,
    ) + '\n'
  );
}

/** Cuts a label to a length that fits the margin, keeping the full text for the tooltip. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
