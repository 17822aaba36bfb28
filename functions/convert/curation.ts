import { NS } from '../rdf/namespaces.js';
import { type GraphBuilder, langString, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';

/** A field of a record whose value the text does not give, with the curators' reason. */
export interface Curated {
  readonly field: string;
  readonly reason: string;
}

/**
 * Writes one `icat:Curation` node per curated field (`{subject}#curated-{field}`): the record field, the
 * graph property it becomes, and the reason, so a query can tell stated values from curated ones.
 */
export function writeCurations(
  g: GraphBuilder,
  ctx: ConvertContext,
  subject: string,
  curated: readonly Curated[],
  propertyOf: Readonly<Record<string, string>>,
): void {
  const t = (local: string) => ctx.iris.term(local);
  for (const c of curated) {
    const property = propertyOf[c.field];
    if (property === undefined) throw new Error(`no graph property for the curated field "${c.field}"`);
    const node = `${subject}#curated-${c.field.toLowerCase()}`;
    g.link(subject, t('curation'), node)
      .type(node, t('Curation'))
      .add(node, t('curatedField'), plain(c.field))
      .link(node, t('curatedProperty'), property)
      .add(node, t('curated'), langString(c.reason));
  }
}

/** The graph property of each curatable field of an entity or organization. */
export const AGENT_FIELD_PROPERTIES = (term: (local: string) => string): Readonly<Record<string, string>> => ({
  name: `${NS.skos}prefLabel`,
  altNames: `${NS.skos}altLabel`,
  kind: term('kind'),
  country: term('country'),
  partOf: `${NS.org}subOrganizationOf`,
});

/** The graph property of each curatable field of a legal instrument. */
export const INSTRUMENT_FIELD_PROPERTIES = (term: (local: string) => string): Readonly<Record<string, string>> => ({
  title: `${NS.skos}prefLabel`,
  symbol: term('symbol'),
  kind: term('instrumentType'),
  year: `${NS.dct}date`,
  issuer: `${NS.dct}publisher`,
});
