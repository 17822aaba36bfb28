import type { Located } from '../records/record-set.js';
import type { InitiativeRecord } from '../records/schema/initiative.js';
import { geoAreaIri } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { type GraphBuilder, gYear, integer, langString } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { writeNames } from './convert-entity.js';
import { fragmentSlug } from './fragment.js';
import { writeRoles } from './qualified.js';
import { recordGraph } from './record-graph.js';

/** A multi-stakeholder initiative of Section Three, 3. */
export function convertInitiative(ctx: ConvertContext, located: Located<InitiativeRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.initiative(r.id);
  const g = recordGraph(ctx, 'initiative', located, s);
  g.type(s, t('Initiative'), `${NS.schema}Project`);
  writeNames(g, s, r.name, r.altNames);
  g.add(s, `${NS.schema}description`, langString(r.description))
    .add(s, t('scopeStatedAs'), langString(r.scope.statedAs))
    .links(s, t('geographicScope'), r.scope.areas.map(geoAreaIri))
    .add(s, t('composition'), langString(r.composition))
    .add(s, `${NS.schema}foundingDate`, r.established === undefined ? undefined : gYear(r.established))
    .url(s, `${NS.foaf}homepage`, r.homepage);
  writeRoles(g, ctx, s, r.roles);
  if (r.organization !== undefined) {
    // Both directions in this graph, so a query finds the pair from either side.
    const body = ctx.agentIri(r.organization);
    g.link(s, t('constitutedBy'), body).link(body, t('constitutes'), s);
  }
  for (const m of r.memberCounts) {
    const node = `${s}#count-${fragmentSlug(`${m.count}-${m.counts}`)}`;
    g.link(s, t('memberCount'), node)
      .type(node, t('MemberCount'), `${NS.schema}QuantitativeValue`)
      .add(node, `${NS.schema}value`, integer(m.count))
      .add(node, t('counts'), langString(m.counts));
  }
  return g;
}
