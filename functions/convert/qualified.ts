import type { Role } from '../records/schema/roles.js';
import { geoAreaIri } from '../rdf/iris.js';
import { NS } from '../rdf/namespaces.js';
import type { Quad_Object } from '@rdfjs/types';
import { type GraphBuilder, iri, langString, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { fragmentSlug } from './fragment.js';

/** The plain property each role also gets, so simple queries need no qualified node (docs/vocabulary.md). */
const ROLE_SHORTCUT: Readonly<Record<string, string>> = {
  lead: 'lead',
  'co-lead': 'lead',
  coordinator: 'lead',
  chair: 'lead',
  'co-chair': 'lead',
  // Hosting a meeting or creating an initiative leads it, as far as a shortcut can say.
  host: 'lead',
  creator: 'lead',
  secretariat: 'secretariat',
  implementer: 'implementer',
  funder: 'funder',
  beneficiary: 'beneficiary',
};

/**
 * Writes each role twice: as a qualified `icat:Role` node that keeps the source's words, and as a
 * shortcut triple (`icat:lead`, `icat:secretariat`, `icat:participant`, ...). The node's IRI comes from
 * the role and the agent, so it is stable across builds.
 */
export function writeRoles(g: GraphBuilder, ctx: ConvertContext, subject: string, roles: readonly Role[]): void {
  const t = (local: string) => ctx.iris.term(local);
  for (const role of roles) {
    const shortcut = t(ROLE_SHORTCUT[role.role] ?? 'participant');
    const players = [
      ...role.agents.map((slug) => ({ key: slug, iri: ctx.agentIri(slug), property: t('agent') })),
      ...role.countries.map((m49) => ({ key: m49, iri: geoAreaIri(m49), property: t('country') })),
    ];
    for (const player of players) {
      const node = `${subject}#role-${role.role}-${player.key}`;
      g.link(subject, t('hasRole'), node)
        .type(node, t('Role'))
        .link(node, t('roleType'), ctx.iris.concept('role', role.role))
        .link(node, player.property, player.iri)
        .add(node, t('statedAs'), plain(role.statedAs))
        .add(node, t('curated'), role.curated === undefined ? undefined : langString(role.curated));
      // A role the text does not give keeps its qualified node, flagged, but no plain shortcut triple.
      if (role.curated === undefined) g.link(subject, shortcut, player.iri);
    }
  }
}

/**
 * Keeps the words of the source beside an interpreted triple: the triple itself, and an
 * `rdf:Statement` about it carrying `icat:statedAs`. The object is an IRI (a string) or a literal.
 */
export function writeStatedTriple(
  g: GraphBuilder,
  ctx: ConvertContext,
  subject: string,
  property: string,
  object: string | Quad_Object,
  statedAs: string,
  key: string,
): void {
  const statement = `${subject}#statement-${fragmentSlug(key)}`;
  const term = typeof object === 'string' ? iri(object) : object;
  g.add(subject, property, term)
    .type(statement, `${NS.rdf}Statement`)
    .link(statement, `${NS.rdf}subject`, subject)
    .link(statement, `${NS.rdf}predicate`, property)
    .add(statement, `${NS.rdf}object`, term)
    .add(statement, ctx.iris.term('statedAs'), plain(statedAs));
}

/** Areas named in the text: an M49 area where one fits, and always the words. */
export function writeAreas(
  g: GraphBuilder,
  ctx: ConvertContext,
  subject: string,
  areas: readonly { statedAs: string; m49?: string | undefined }[],
): void {
  for (const area of areas) {
    if (area.m49) {
      writeStatedTriple(
        g,
        ctx,
        subject,
        ctx.iris.term('geographicScope'),
        geoAreaIri(area.m49),
        area.statedAs,
        `area-${area.m49}`,
      );
    } else {
      g.add(subject, ctx.iris.term('areaStatedAs'), langString(area.statedAs));
    }
  }
}
