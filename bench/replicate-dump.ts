import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * The real dump set made larger with the same shape: copy K of every N-Quads line renames each record
 * IRI (`{base}id/…`) with the suffix `-copyK` and moves the quad to the graph `{base}graph/copy-K` (one
 * graph per copy keeps the list of graphs small). Copy 0 is the real dump set; vocabulary IRIs (SDG, M49)
 * are shared by every copy, as they would be across editions of the mapping.
 */
export function copyOfLine(line: string, k: number, base: string): string {
  if (k === 0) return line;
  const recordIri = new RegExp(`<(${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}id/[^>]*)>`, 'g');
  return line
    .replace(/ <[^<>"\s]+> \.$/, ` <${base}graph/copy-${k}> .`)
    .replace(recordIri, (_m, iri: string) => `<${iri}-copy${k}>`);
}

/** Writes copies of `lines` to `path` until it holds `targetQuads` quads; returns the quads and graphs written. */
export async function writeReplicated(
  lines: readonly string[],
  targetQuads: number,
  base: string,
  path: string,
): Promise<{ quads: number; graphs: Set<string> }> {
  const out = createWriteStream(path);
  const graphs = new Set<string>();
  let quads = 0;
  for (let k = 0; quads < targetQuads; k++) {
    let chunk = '';
    for (const line of lines) {
      if (quads >= targetQuads) break;
      const copied = copyOfLine(line, k, base);
      // The graph is the last IRI before the final dot (a literal may hold '<').
      const graph = / <([^<>"\s]+)> \.$/.exec(copied)?.[1];
      if (graph) graphs.add(graph);
      chunk += `${copied}\n`;
      quads++;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { quads, graphs };
}
