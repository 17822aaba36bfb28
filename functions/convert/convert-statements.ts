import type { Located } from '../records/record-set.js';
import type { FindingRecord } from '../records/schema/finding.js';
import type { InterventionRecord } from '../records/schema/intervention.js';
import { NS } from '../rdf/namespaces.js';
import { type GraphBuilder, integer, langString, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { fragmentSlug } from './fragment.js';
import { writeAreas, writeStatedTriple } from './qualified.js';
import { recordGraph } from './record-graph.js';

/** An area of intervention of Section Two, 2, and the entities the text attributes to it. */
export function convertIntervention(ctx: ConvertContext, located: Located<InterventionRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.intervention(r.id);
  const g = recordGraph(ctx, 'intervention', located, s);
  g.type(s, t('InterventionStatement'))
    .add(s, `${NS.rdfs}label`, langString(r.heading))
    .add(s, t('level'), plain(r.level))
    .link(s, t('interventionArea'), ctx.iris.concept('intervention-area', r.area))
    .add(s, t('statement'), langString(`${r.heading}: ${r.text}`));
  for (const a of r.attributions) {
    const node = `${s}#attribution-${fragmentSlug(`${a.agents.join('-')}-${a.about}`)}`;
    g.link(s, t('attribution'), node)
      .type(node, t('Attribution'))
      .add(node, t('about'), langString(a.about))
      .add(node, t('statedAs'), plain(a.statedAs));
    for (const agent of a.agents) {
      g.link(node, t('agent'), ctx.agentIri(agent)).link(s, t('attributedTo'), ctx.agentIri(agent));
    }
  }
  return g;
}

/** A statement of the mapping about the membership as a whole. */
export function convertFinding(ctx: ConvertContext, located: Located<FindingRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.finding(r.id);
  const g = recordGraph(ctx, 'finding', located, s);
  g.type(s, t('Finding'))
    .add(s, `${NS.rdfs}label`, langString(r.label))
    .add(s, t('statement'), langString(r.statement))
    .links(
      s,
      t('concerns'),
      r.entities.map((e) => ctx.agentIri(e)),
    )
    .add(s, t('count'), r.count === undefined ? undefined : integer(r.count));
  writeAreas(g, ctx, s, r.areas);
  for (const sdg of r.sdgs)
    writeStatedTriple(g, ctx, s, t('relevantSDG'), ctx.sdgIri(sdg.code), sdg.statedAs, `sdg-${sdg.code}`);
  r.ranking?.concepts.forEach((concept, i) => {
    const node = `${s}#rank-${i + 1}`;
    g.link(s, t('rankedItem'), node)
      .type(node, t('RankedItem'))
      .add(node, t('rank'), integer(i + 1))
      .link(node, t('item'), ctx.iris.concept(r.ranking!.scheme, concept));
  });
  return g;
}
