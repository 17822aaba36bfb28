import type { Located } from '../records/record-set.js';
import type { ActivityRecord } from '../records/schema/activity.js';
import type { PartnershipRecord } from '../records/schema/partnership.js';
import { geoAreaIri } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { decimal, type GraphBuilder, gYear, langString, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { fragmentSlug } from './fragment.js';
import { writeAreas, writeRoles, writeStatedTriple } from './qualified.js';
import { recordGraph } from './record-graph.js';

/** A programme, project or activity example, with who did it, where, when, for whom and the figures reported. */
export function convertActivity(ctx: ConvertContext, located: Located<ActivityRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.activity(r.id);
  const g = recordGraph(ctx, 'activity', located, s);
  g.type(s, t('Activity'), `${NS.schema}Project`)
    .add(s, `${NS.skos}prefLabel`, langString(r.label))
    .add(s, `${NS.rdfs}label`, langString(r.label))
    .add(s, `${NS.schema}name`, r.name === undefined ? undefined : langString(r.name))
    .add(s, `${NS.schema}description`, langString(r.summary));
  for (const alt of r.altNames) g.add(s, `${NS.skos}altLabel`, langString(alt));
  writeRoles(g, ctx, s, r.roles);
  g.links(s, t('country'), r.countries.map(geoAreaIri));
  writeAreas(g, ctx, s, r.areas);
  writePeriod(g, s, r.period, r.years);
  if (r.dataPeriod) {
    // The span of the data the activity covers is not the activity's own time: a DCAT period of its own.
    const node = `${s}#data-period`;
    g.link(s, t('dataPeriod'), node)
      .type(node, `${NS.dct}PeriodOfTime`)
      .add(node, `${NS.dcat}startDate`, r.dataPeriod.start === undefined ? undefined : gYear(r.dataPeriod.start))
      .add(node, `${NS.dcat}endDate`, r.dataPeriod.end === undefined ? undefined : gYear(r.dataPeriod.end))
      .add(node, t('statedAs'), r.dataPeriod.statedAs === undefined ? undefined : plain(r.dataPeriod.statedAs));
  }
  g.link(s, t('actionPlanPriority'), r.priority && ctx.iris.concept('action-plan-priority', r.priority));
  if (r.contributesTo) {
    for (const p of r.contributesTo.priorities) {
      const concept = ctx.iris.concept('action-plan-priority', p);
      writeStatedTriple(g, ctx, s, t('contributesTo'), concept, r.contributesTo.statedAs, `contributes-to-${p}`);
    }
  }
  for (const b of r.beneficiaries) {
    const concept = ctx.iris.concept('beneficiary-type', b.concept);
    writeStatedTriple(g, ctx, s, t('beneficiaryType'), concept, b.statedAs, `beneficiary-${b.concept}`);
  }
  for (const f of r.figures) {
    const node = `${s}#figure-${fragmentSlug(`${f.value}-${f.counts}`)}`;
    g.link(s, t('reportedFigure'), node)
      .type(node, t('ReportedFigure'), `${NS.schema}QuantitativeValue`)
      .add(node, `${NS.schema}value`, decimal(f.value))
      .add(node, t('counts'), langString(f.counts))
      .add(node, t('statedAs'), plain(f.statedAs));
  }
  g.links(
    s,
    t('partOfInitiative'),
    r.initiatives.map((id) => ctx.iris.initiative(id)),
  )
    .link(s, `${NS.dct}isPartOf`, r.partOf && ctx.iris.activity(r.partOf))
    .links(
      s,
      `${NS.dct}references`,
      r.publications.map((id) => ctx.iris.publication(id)),
    )
    .links(
      s,
      t('legalBasis'),
      r.instruments.map((id) => ctx.iris.instrument(id)),
    )
    .urls(s, `${NS.schema}url`, r.urls);
  return g;
}

/** A partnership example of Section Three, 2: a cooperation between an ICAT entity and its partners. */
export function convertPartnership(ctx: ConvertContext, located: Located<PartnershipRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.partnership(r.id);
  const g = recordGraph(ctx, 'partnership', located, s);
  g.type(s, t('Partnership'))
    .add(s, `${NS.skos}prefLabel`, langString(r.label))
    .add(s, `${NS.rdfs}label`, langString(r.label))
    .add(s, `${NS.schema}description`, langString(r.summary));
  writeRoles(g, ctx, s, r.roles);
  g.links(s, t('country'), r.countries.map(geoAreaIri));
  writePeriod(g, s, undefined, r.years);
  g.links(
    s,
    t('partOfInitiative'),
    r.initiatives.map((id) => ctx.iris.initiative(id)),
  )
    .links(
      s,
      `${NS.dct}relation`,
      r.activities.map((id) => ctx.iris.activity(id)),
    )
    .links(
      s,
      `${NS.dct}references`,
      r.publications.map((id) => ctx.iris.publication(id)),
    )
    .urls(s, `${NS.schema}url`, r.urls);
  return g;
}

/** Years as `xsd:gYear`: a period's start and end, and single years the text gives. */
export function writePeriod(
  g: GraphBuilder,
  s: string,
  period: { start?: number | undefined; end?: number | undefined; statedAs?: string | undefined } | undefined,
  years: readonly number[],
): void {
  if (period) {
    g.add(s, `${NS.schema}startDate`, period.start === undefined ? undefined : gYear(period.start))
      .add(s, `${NS.schema}endDate`, period.end === undefined ? undefined : gYear(period.end))
      .add(s, `${NS.dct}temporal`, period.statedAs === undefined ? undefined : plain(period.statedAs));
  }
  for (const year of years) g.add(s, `${NS.dct}date`, gYear(year));
}
