import { FILES_STYLE, formatSize } from './html-format.js';
import { escapeHtml, layout } from './pages.js';

/** One file of the dump set as manifest.json lists it. */
export interface ManifestEntry {
  readonly path: string;
  readonly mediaType: string;
  readonly encoding?: string;
  readonly size: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly version: string;
  readonly files: readonly ManifestEntry[];
}

/** The dump set for people: every file of manifest.json with its type, size and SHA-256, linked at its immutable URL. */
export function dumpsPage(manifest: Manifest): string {
  const prefix = `/dumps/${encodeURIComponent(manifest.version)}/`;
  const rows = manifest.files
    .map((f) => {
      const href = `${prefix}${f.path.split('/').map(encodeURIComponent).join('/')}`;
      return `<tr><td><a href="${escapeHtml(href)}">${escapeHtml(f.path)}</a></td>
<td><code>${escapeHtml(f.mediaType)}</code>${f.encoding ? `, ${escapeHtml(f.encoding)}` : ''}</td>
<td>${escapeHtml(formatSize(f.size))}</td>
<td><code>${escapeHtml(f.sha256)}</code></td></tr>`;
    })
    .join('\n');
  return layout(
    `ICAT Knowledge Graph — dump set ${manifest.version}`,
    `<h1>Dump set <code>${escapeHtml(manifest.version)}</code></h1>
<p>${manifest.files.length} files. The version is a hash of the data files: the same records give the same
files, byte for byte. Each link is the file's immutable URL; <code>/dumps/{file}</code> always serves the latest
version. The same list as data: <a href="${escapeHtml(prefix)}manifest.json">manifest.json</a>; the files described
in DCAT: <a href="/catalog">the catalog</a>.</p>
<table class="files">
<tr><th>File</th><th>Media type</th><th>Size</th><th>SHA-256</th></tr>
${rows}
</table>`,
    FILES_STYLE,
  );
}
