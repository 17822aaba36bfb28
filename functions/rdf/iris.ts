import { ICAT_ONTOLOGY, NS } from './namespaces.js';

/**
 * Mints the IRIs of docs/vocabulary.md from a base and record slugs. Nothing here uses a counter, a clock or
 * a hash of the run: the same slug gives the same IRI in every build.
 */
export class Iris {
  readonly ontology: string;

  constructor(readonly base: string) {
    if (!/^https?:\/\/[^\s]+\/$/.test(base))
      throw new Error(`BASE_IRI must be an absolute http(s) IRI ending in "/", got "${base}"`);
    this.ontology = ICAT_ONTOLOGY;
  }

  /** A term of the ICAT ontology, e.g. `term('Entity')`. */
  term(local: string): string {
    return `${this.ontology}${local}`;
  }

  entity(slug: string): string {
    return `${this.base}id/entity/${slug}`;
  }

  org(slug: string): string {
    return `${this.base}id/org/${slug}`;
  }

  agreement(slug: string): string {
    return `${this.base}id/agreement/${slug}`;
  }

  initiative(slug: string): string {
    return `${this.base}id/initiative/${slug}`;
  }

  activity(slug: string): string {
    return `${this.base}id/activity/${slug}`;
  }

  /** Partnership examples are activities of cooperation; they share the activity pattern with a prefix. */
  partnership(slug: string): string {
    return `${this.base}id/partnership/${slug}`;
  }

  publication(slug: string): string {
    return `${this.base}id/publication/${slug}`;
  }

  instrument(slug: string): string {
    return `${this.base}id/instrument/${slug}`;
  }

  intervention(slug: string): string {
    return `${this.base}id/intervention/${slug}`;
  }

  finding(slug: string): string {
    return `${this.base}id/finding/${slug}`;
  }

  /** A list of publications the document keeps (the ICAT toolbox, Annex I). */
  collection(slug: string): string {
    return this.concept('collection', slug);
  }

  scheme(scheme: string): string {
    return `${this.base}id/scheme/${scheme}`;
  }

  concept(scheme: string, slug: string): string {
    return `${this.base}id/concept/${scheme}/${slug}`;
  }

  source(slug: string): string {
    return `${this.base}id/source/${slug}`;
  }

  /** The named graph of one source record. */
  graph(recordType: string, slug: string): string {
    return `${this.base}graph/${recordType}/${slug}`;
  }

  /** The graph of linked vocabulary and ontology that the publish step adds. */
  vocabularyGraph(name: string): string {
    return `${this.base}graph/vocabulary/${name}`;
  }

  get dataset(): string {
    return `${this.base}dataset`;
  }

  get catalog(): string {
    return `${this.base}catalog`;
  }

  get sparql(): string {
    return `${this.base}sparql`;
  }
}

export const sdgIri = (local: string): string => `${NS.sdg}${local}`;
export const geoAreaIri = (m49: string): string => `${NS.geo}${m49}`;
