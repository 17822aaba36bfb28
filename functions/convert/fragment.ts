/** A fragment identifier derived from content (never from a counter): lower-case words joined by hyphens. */
export function fragmentSlug(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-+$/, '');
}
