import type { Located } from '../records/record-set.js';
import type { PublicationRecord } from '../records/schema/publication.js';
import { NS } from '../rdf/namespaces.js';
import { boolean, type GraphBuilder, gYear, langString, plain, typed } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { writeStatedTriple } from './qualified.js';
import { recordGraph } from './record-graph.js';

/** A toolbox item or an Annex I publication, with one media object per language version. */
export function convertPublication(ctx: ConvertContext, located: Located<PublicationRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.publication(r.id);
  const g = recordGraph(ctx, 'publication', located, s);
  const titleLanguage = r.languages[0] ?? 'en';
  g.type(s, t('Publication'), `${NS.schema}CreativeWork`)
    .add(s, `${NS.dct}title`, langString(r.title, titleLanguage))
    .add(s, `${NS.rdfs}label`, langString(r.title, titleLanguage))
    .add(s, t('symbol'), r.symbol === undefined ? undefined : plain(r.symbol))
    .links(
      s,
      `${NS.dct}publisher`,
      r.publishers.map((slug) => ctx.agentIri(slug)),
    )
    .link(s, t('documentType'), ctx.iris.concept('document-type', r.documentType))
    .link(s, t('listedIn'), ctx.iris.collection(r.collection))
    .add(s, t('upcoming'), r.upcoming ? boolean(true) : undefined)
    .link(s, `${NS.dct}isPartOf`, r.partOf && ctx.iris.publication(r.partOf))
    .links(
      s,
      t('legalBasis'),
      r.instruments.map((id) => ctx.iris.instrument(id)),
    )
    .add(s, t('statedAs'), r.statedAs === undefined ? undefined : plain(r.statedAs));
  if (r.year !== undefined && r.yearStatedAs !== undefined) {
    writeStatedTriple(g, ctx, s, `${NS.dct}issued`, gYear(r.year), r.yearStatedAs, 'issued');
  } else {
    g.add(s, `${NS.dct}issued`, r.year === undefined ? undefined : gYear(r.year));
  }
  if (r.adopted) {
    const date = typed(r.adopted.date, `${NS.xsd}date`);
    writeStatedTriple(g, ctx, s, `${NS.dct}dateAccepted`, date, r.adopted.statedAs, 'adopted');
  }
  for (const language of r.languages) g.add(s, `${NS.dct}language`, typed(language, `${NS.xsd}language`));
  r.links.forEach((link, i) => {
    // The position of a link within its record is part of the record's content, not a run counter.
    const media = `${s}#link-${i + 1}`;
    g.url(s, `${NS.schema}url`, link.url)
      .link(s, `${NS.schema}associatedMedia`, media)
      .type(media, `${NS.schema}MediaObject`)
      .url(media, `${NS.schema}contentUrl`, link.url)
      .add(media, `${NS.schema}inLanguage`, link.language === undefined ? undefined : plain(link.language));
  });
  return g;
}
