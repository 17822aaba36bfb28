import { compareStrings } from '../compare.js';
import { convertRecords } from '../convert/convert-records.js';
import type { Problem } from '../records/problem.js';
import { validateRecords, type RecordFile } from '../records/validate-records.js';
import type { Iris } from '../rdf/iris.js';
import { sortQuads } from '../rdf/sort-quads.js';
import { toNQuads } from '../publish/serialize.js';
import type { Storage } from '../storage/storage.js';
import type { SdgKos } from '../vocab/sdg-kos.js';
import { graphKeyOf, LAYOUT } from './layout.js';
import { mapLimit } from './map-limit.js';
import type { Quad } from '@rdfjs/types';

/** Storage round trips in flight at once. */
const CONCURRENCY = 16;

export interface QuarantineReport {
  readonly key: string;
  readonly problems: readonly Problem[];
}

export interface ConvertOutcome {
  /** Record files whose graphs were (re)written. */
  readonly converted: readonly string[];
  /** Record files copied to quarantine with a report; their previous graphs stay as they were. */
  readonly quarantined: readonly QuarantineReport[];
  /** Record files that no longer exist, whose graphs (and quarantined copies and reports) were removed. */
  readonly removed: readonly string[];
}

/**
 * Converts changed record files of the sources storage into their named graphs. Every record is
 * validated against all the others (references must resolve); a bad file is copied to `quarantine/`
 * with a JSON report (file, record, field, message) and blocks nothing else; the original stays.
 */
export async function convertSources(
  sources: Storage,
  changedKeys: readonly string[],
  iris: Iris,
  kos: SdgKos,
): Promise<ConvertOutcome> {
  const keys = await sources.list(LAYOUT.records);
  const objects = await mapLimit(keys, CONCURRENCY, async (key) => ({ key, object: await sources.get(key) }));
  const files: RecordFile[] = objects
    .filter((o) => o.object !== undefined)
    .map(({ key, object }) => ({ path: key, folder: key.split('/')[1] ?? '', text: object!.body.toString('utf8') }));
  const { records, problems, agentKinds } = validateRecords(files, kos);
  const problemsByFile = new Map<string, Problem[]>();
  for (const p of problems) problemsByFile.set(p.file, [...(problemsByFile.get(p.file) ?? []), p]);

  const existing = new Set(keys);
  const changed = new Set(changedKeys.filter((k) => k.startsWith(LAYOUT.records)));
  // Records arrive one event at a time: a file checked before the records it refers to existed was
  // quarantined, and one may never have been converted. Both are tried again on every run.
  const graphKeys = new Set(await sources.list(LAYOUT.graphs));
  // A copy or a report (either may be left alone by an interrupted run) puts its record in quarantine.
  const inQuarantine = new Set(
    (await sources.list(`${LAYOUT.quarantine}${LAYOUT.records}`)).map((k) =>
      k.slice(LAYOUT.quarantine.length).replace(/\.report\.json$/, ''),
    ),
  );
  for (const key of keys) if (!graphKeys.has(graphKeyOf(key))) changed.add(key);
  // A quarantined record is tried again; one deleted since (its notification may be lost) is cleared out.
  for (const key of inQuarantine) changed.add(key);
  // The MoU table merges rows: a changed row may change what every other row's graph says.
  if ([...changed].some((k) => k.startsWith(`${LAYOUT.records}mou-table/`))) {
    for (const k of keys) if (k.startsWith(`${LAYOUT.records}mou-table/`)) changed.add(k);
  }
  const graphsByFile = new Map<string, Quad[]>();
  for (const g of convertRecords(records, iris, kos, agentKinds))
    graphsByFile.set(g.file ?? '', [...(graphsByFile.get(g.file ?? '') ?? []), ...g.quads]);
  const converted: string[] = [];
  const quarantined: QuarantineReport[] = [];
  const removed: string[] = [];
  await mapLimit([...changed].sort(compareStrings), CONCURRENCY, async (key) => {
    if (!existing.has(key)) {
      await sources.delete(graphKeyOf(key));
      if (inQuarantine.has(key)) await clearQuarantine(sources, key);
      removed.push(key);
      return;
    }
    const fileProblems = problemsByFile.get(key);
    if (fileProblems) {
      const original = objects.find((o) => o.key === key)!.object!;
      await sources.put(`${LAYOUT.quarantine}${key}`, original.body, {
        contentType: original.contentType ?? 'application/yaml',
      });
      const report: QuarantineReport = { key, problems: fileProblems };
      await sources.put(`${LAYOUT.quarantine}${key}.report.json`, `${JSON.stringify(report, null, 2)}\n`, {
        contentType: 'application/json',
      });
      quarantined.push(report);
      return;
    }
    const quads = sortQuads(graphsByFile.get(key) ?? []);
    await sources.put(graphKeyOf(key), toNQuads(quads), { contentType: 'application/n-quads' });
    if (inQuarantine.has(key)) await clearQuarantine(sources, key);
    converted.push(key);
  });
  for (const list of [converted, removed]) list.sort(compareStrings);
  quarantined.sort((a, b) => compareStrings(a.key, b.key));
  return { converted, quarantined, removed };
}

/** Removes the quarantined copy of a record file and its report (the record was corrected or deleted). */
async function clearQuarantine(sources: Storage, key: string): Promise<void> {
  await sources.delete(`${LAYOUT.quarantine}${key}`);
  await sources.delete(`${LAYOUT.quarantine}${key}.report.json`);
}
