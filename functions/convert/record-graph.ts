import type { Located } from '../records/record-set.js';
import { NS } from '../rdf/namespaces.js';
import { GraphBuilder, integer, langString, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { fragmentSlug } from './fragment.js';

interface Provenanced {
  readonly id: string;
  readonly source: { readonly section: string; readonly page?: number | undefined };
  readonly notes?: string | undefined;
  readonly corrections?:
    readonly { field: string; original: string; corrected: string; note?: string | undefined }[] | undefined;
}

/**
 * Starts the named graph of one record with its provenance: the graph derives from the source
 * document, at a section (and page, where known), from one record file.
 */
export function recordGraph(
  ctx: ConvertContext,
  recordType: string,
  located: Located<Provenanced>,
  subject: string,
): GraphBuilder {
  const { record, file } = located;
  const graph = ctx.iris.graph(recordType, record.id);
  const g = new GraphBuilder(graph);
  const t = (local: string) => ctx.iris.term(local);
  g.type(graph, t('RecordGraph'))
    .link(graph, `${NS.prov}wasDerivedFrom`, ctx.sourceIri)
    .add(graph, t('sourceSection'), plain(record.source.section))
    .add(graph, t('sourcePage'), record.source.page === undefined ? undefined : integer(record.source.page))
    .add(graph, t('sourceRecord'), plain(file.replace(/^.*?\bdata\//, '')))
    .link(graph, `${NS.foaf}primaryTopic`, subject)
    .link(subject, `${NS.dct}source`, subject === ctx.sourceIri ? undefined : ctx.sourceIri);
  if (record.notes) g.add(subject, `${NS.skos}editorialNote`, langString(record.notes.trim()));
  for (const c of record.corrections ?? []) {
    const node = `${subject}#correction-${fragmentSlug(c.field)}`;
    g.link(subject, t('correction'), node)
      .type(node, t('Correction'))
      .add(node, t('correctedField'), plain(c.field))
      .add(node, t('originalText'), plain(c.original))
      .add(node, t('correctedText'), plain(c.corrected))
      .add(node, `${NS.skos}note`, c.note === undefined ? undefined : langString(c.note));
  }
  return g;
}
