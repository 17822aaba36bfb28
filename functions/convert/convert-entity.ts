import type { Located } from '../records/record-set.js';
import type { EntityRecord } from '../records/schema/entity.js';
import type { OrganizationRecord } from '../records/schema/organization.js';
import { geoAreaIri } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import { boolean, type GraphBuilder, langString } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { AGENT_FIELD_PROPERTIES, writeCurations } from './curation.js';
import { writeStatedTriple } from './qualified.js';
import { recordGraph } from './record-graph.js';

/** The slug of ICAT itself among the entity records (`{base}id/entity/icat`). */
export const ICAT = 'icat';

/** ICAT or one of its entities: names, mandate, legal basis, presence, survey, SDGs, forms, expertise. */
export function convertEntity(ctx: ConvertContext, located: Located<EntityRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.entity(r.id);
  const g = recordGraph(ctx, 'entity', located, s);
  // ICAT is the organization its entities are members or partners of, never one of them (docs/vocabulary.md).
  g.type(s, r.id === ICAT ? t('CoordinationGroup') : t('Entity'), `${NS.org}FormalOrganization`);
  writeNames(g, s, r.name, r.altNames);
  writeCurations(g, ctx, s, r.curated, AGENT_FIELD_PROPERTIES(t));
  g.link(s, t('kind'), ctx.iris.concept('entity-kind', r.kind))
    .url(s, `${NS.foaf}homepage`, r.homepage)
    .urls(s, `${NS.rdfs}seeAlso`, r.links)
    .add(s, t('mandate'), r.mandate && langString(r.mandate.text, r.mandate.language))
    .links(
      s,
      t('legalBasis'),
      r.legalBasis.map((slug) => ctx.iris.instrument(slug)),
    )
    .add(s, t('hasFieldPresence'), r.hasFieldPresence === undefined ? undefined : boolean(r.hasFieldPresence))
    .add(s, t('respondedToSurvey'), r.respondedToSurvey === undefined ? undefined : boolean(r.respondedToSurvey))
    .add(s, t('joinedAfterSurvey'), r.joinedAfterSurvey === undefined ? undefined : boolean(r.joinedAfterSurvey));
  for (const sdg of r.sdgs)
    writeStatedTriple(g, ctx, s, t('relevantSDG'), ctx.sdgIri(sdg.code), sdg.statedAs, `sdg-${sdg.code}`);
  const claims = [
    ['tipForm', 'tip-form', r.tipForms],
    ['expertise', 'expertise', r.expertise],
  ] as const;
  for (const [property, scheme, list] of claims) {
    for (const c of list) {
      const concept = ctx.iris.concept(scheme, c.concept);
      writeStatedTriple(g, ctx, s, t(property), concept, c.statedAs, `${scheme}-${c.concept}`);
    }
  }
  if (r.id !== ICAT) {
    // The text does not say which three entities are partners rather than members (docs/vocabulary.md's roles).
    const membership = `${s}#membership-icat`;
    g.type(membership, `${NS.org}Membership`)
      .link(membership, `${NS.org}member`, s)
      .link(membership, `${NS.org}organization`, ctx.iris.entity(ICAT))
      .link(membership, `${NS.org}role`, t('MemberOrPartnerRole'))
      .link(s, `${NS.org}memberOf`, ctx.iris.entity(ICAT));
  }
  return g;
}

/** Any other organization the text names. */
export function convertOrganization(ctx: ConvertContext, located: Located<OrganizationRecord>): GraphBuilder {
  const r = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const s = ctx.iris.org(r.id);
  const g = recordGraph(ctx, 'organization', located, s);
  g.type(s, `${NS.org}FormalOrganization`);
  writeNames(g, s, r.name, r.altNames);
  g.link(s, t('kind'), ctx.iris.concept('entity-kind', r.kind))
    .link(s, t('country'), r.country && geoAreaIri(r.country))
    .url(s, `${NS.foaf}homepage`, r.homepage)
    .link(s, `${NS.org}subOrganizationOf`, r.partOf && ctx.agentIri(r.partOf));
  writeCurations(g, ctx, s, r.curated, AGENT_FIELD_PROPERTIES(t));
  return g;
}

/** `skos:prefLabel` (and `rdfs:label`, for generic clients) and `skos:altLabel`. */
export function writeNames(g: GraphBuilder, s: string, name: string, altNames: readonly string[]): void {
  g.add(s, `${NS.skos}prefLabel`, langString(name)).add(s, `${NS.rdfs}label`, langString(name));
  for (const alt of altNames) g.add(s, `${NS.skos}altLabel`, langString(alt));
}
