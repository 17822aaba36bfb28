import type { Located } from '../records/record-set.js';
import type { ConceptSchemeRecord } from '../records/schema/concept-scheme.js';
import type { InstrumentRecord } from '../records/schema/instrument.js';
import type { SourceDocumentRecord } from '../records/schema/source-document.js';
import { NS } from '../rdf/namespaces.js';
import { type GraphBuilder, gYear, langString, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { INSTRUMENT_FIELD_PROPERTIES, writeCurations } from './curation.js';
import { recordGraph } from './record-graph.js';

/** A controlled vocabulary as a SKOS concept scheme, with its mappings to UNBIS and the SDG KOS. */
export function convertScheme(ctx: ConvertContext, located: Located<ConceptSchemeRecord>): GraphBuilder {
  const r = located.record;
  const scheme = ctx.iris.scheme(r.id);
  const g = recordGraph(ctx, 'scheme', located, scheme);
  g.type(scheme, `${NS.skos}ConceptScheme`)
    .add(scheme, `${NS.skos}prefLabel`, langString(r.label))
    .add(scheme, `${NS.skos}definition`, r.definition === undefined ? undefined : langString(r.definition.trim()));
  for (const c of r.concepts) {
    const concept = ctx.iris.concept(r.id, c.id);
    g.type(concept, `${NS.skos}Concept`)
      .link(concept, `${NS.skos}inScheme`, scheme)
      .add(concept, `${NS.skos}prefLabel`, langString(c.label))
      .add(concept, `${NS.skos}definition`, c.definition === undefined ? undefined : langString(c.definition.trim()))
      .add(concept, `${NS.skos}notation`, c.notation === undefined ? undefined : plain(c.notation))
      .urls(concept, `${NS.skos}exactMatch`, c.exactMatch)
      .urls(concept, `${NS.skos}closeMatch`, c.closeMatch);
    for (const alt of c.altLabels) g.add(concept, `${NS.skos}altLabel`, langString(alt));
    if (c.broader) {
      const broader = ctx.iris.concept(r.id, c.broader);
      g.link(concept, `${NS.skos}broader`, broader).link(broader, `${NS.skos}narrower`, concept);
    } else {
      g.link(concept, `${NS.skos}topConceptOf`, scheme).link(scheme, `${NS.skos}hasTopConcept`, concept);
    }
  }
  return g;
}

/** A resolution, convention, protocol or decision. */
export function convertInstrument(ctx: ConvertContext, located: Located<InstrumentRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.instrument(r.id);
  const g = recordGraph(ctx, 'instrument', located, s);
  g.type(s, t('LegalInstrument'))
    .add(s, `${NS.skos}prefLabel`, langString(r.title))
    .add(s, `${NS.rdfs}label`, langString(r.title))
    .add(s, t('symbol'), r.symbol === undefined ? undefined : plain(r.symbol))
    .link(s, t('instrumentType'), ctx.iris.concept('instrument-type', r.kind))
    .add(s, `${NS.dct}date`, r.year === undefined ? undefined : gYear(r.year))
    .link(s, `${NS.dct}publisher`, r.issuer && ctx.agentIri(r.issuer))
    .urls(s, `${NS.schema}url`, r.urls);
  writeCurations(g, ctx, s, r.curated, INSTRUMENT_FIELD_PROPERTIES(t));
  return g;
}

/** The mapping document itself: what every graph derives from. */
export function convertSource(ctx: ConvertContext, located: Located<SourceDocumentRecord>): GraphBuilder {
  const r = located.record;
  const s = ctx.iris.source(r.id);
  const g = recordGraph(ctx, 'source', located, s);
  g.type(s, `${NS.prov}Entity`, `${NS.schema}Report`)
    .add(s, `${NS.dct}title`, langString(r.title))
    .add(s, `${NS.rdfs}label`, langString(r.title))
    .link(s, `${NS.dct}publisher`, ctx.agentIri(r.publisher))
    .add(s, `${NS.dct}issued`, gYear(r.year))
    .add(s, ctx.iris.term('asOf'), langString(r.asOf))
    .urls(s, `${NS.schema}url`, r.urls)
    .add(s, `${NS.dct}rights`, r.rights === undefined ? undefined : langString(r.rights));
  return g;
}
