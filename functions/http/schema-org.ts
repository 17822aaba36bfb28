import type { Quad } from '@rdfjs/types';
import { NS } from '../rdf/namespaces.js';

const ICAT = {
  '@type': 'Organization',
  name: 'Inter-Agency Coordination Group against Trafficking in Persons',
  alternateName: 'ICAT',
};

/** A schema.org view of the resource for search engines and generic clients; `labelOf` names linked IRIs. */
export function schemaOrg(
  iri: string,
  about: readonly Quad[],
  label: string,
  labelOf: (iri: string) => string,
): Record<string, unknown> {
  const types = about.filter((q) => q.predicate.value === `${NS.rdf}type`).map((q) => q.object.value);
  const has = (local: string) => types.some((t) => t.endsWith(`#${local}`) || t.endsWith(`/${local}`));
  const namespaces: Record<string, string> = NS;
  const values = (p: string) => {
    const [prefix = '', local = ''] = p.split(':');
    return about.filter((q) => q.predicate.value === `${namespaces[prefix]}${local}`);
  };
  const value = (...ps: string[]) => ps.map((p) => values(p)[0]?.object.value).find((v) => v !== undefined);
  const type =
    has('Entity') || has('FormalOrganization')
      ? 'Organization'
      : has('Publication')
        ? 'CreativeWork'
        : has('LegalInstrument')
          ? 'Legislation'
          : has('Activity') || has('Initiative')
            ? 'Project'
            : 'Thing';
  const doc: Record<string, unknown> = { '@context': 'https://schema.org', '@type': type, '@id': iri, name: label };
  const set = (key: string, v: unknown) => {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) doc[key] = v;
  };
  set('description', value('schema:description'));
  set('url', value('foaf:homepage', 'schema:url'));
  set(
    'alternateName',
    values('skos:altLabel').map((q) => q.object.value),
  );
  if (type === 'Organization' && has('Entity')) doc.memberOf = ICAT;
  if (type === 'Project') {
    set('startDate', value('schema:startDate'));
    set('endDate', value('schema:endDate'));
    const places = about.filter((q) => q.predicate.value.endsWith('ontology#country')).map((q) => q.object.value);
    set(
      'location',
      places.map((p) => ({ '@type': 'Place', '@id': p, name: labelOf(p) })),
    );
  }
  if (type === 'CreativeWork') {
    set('datePublished', value('dct:issued', 'dct:date'));
    const publisher = value('dct:publisher');
    if (publisher) doc.publisher = { '@type': 'Organization', '@id': publisher, name: labelOf(publisher) };
  }
  return doc;
}
