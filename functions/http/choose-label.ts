import type { Label } from './page-data.js';

/** The language ranges of an Accept-Language header, best first (q=0 dropped, `*` kept). */
export function preferredLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.range && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((r) => r.range);
}

/** The label in the first preferred language the labels have, else English, else one without language, else any. */
export function chooseLabel(labels: readonly Label[] | undefined, languages: readonly string[]): string | undefined {
  if (!labels || labels.length === 0) return undefined;
  const inLanguage = (range: string) =>
    labels.find((l) => {
      const tag = l.language.toLowerCase();
      return tag === range || tag.startsWith(`${range}-`);
    });
  for (const range of languages) {
    if (range === '*') break;
    const found = inLanguage(range);
    if (found) return found.value;
  }
  return (inLanguage('en') ?? labels.find((l) => l.language === '') ?? labels[0])!.value;
}
