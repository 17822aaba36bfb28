import type { z } from 'zod';
import { ReferenceCollector, type Reference } from './reference.js';
import { activitySchema, type ActivityRecord } from './schema/activity.js';
import { conceptSchemeSchema, type ConceptSchemeRecord } from './schema/concept-scheme.js';
import { entitySchema, type EntityRecord } from './schema/entity.js';
import { findingSchema, type FindingRecord } from './schema/finding.js';
import { initiativeSchema, type InitiativeRecord } from './schema/initiative.js';
import { instrumentSchema, type InstrumentRecord } from './schema/instrument.js';
import { interventionSchema, type InterventionRecord } from './schema/intervention.js';
import { mouRowSchema, type MouRowRecord } from './schema/mou-row.js';
import { organizationSchema, type OrganizationRecord } from './schema/organization.js';
import { partnershipSchema, type PartnershipRecord } from './schema/partnership.js';
import { publicationSchema, type PublicationRecord } from './schema/publication.js';
import type { Role } from './schema/roles.js';
import { sourceDocumentSchema, type SourceDocumentRecord } from './schema/source-document.js';

/** A record type: the folder its files live in, its schema, and the references it makes. */
export interface RecordType<T> {
  /** Singular name used in counts, IRIs and graph names (`{base}graph/{name}/{slug}`). */
  readonly name: string;
  readonly folder: string;
  readonly schema: z.ZodType<T>;
  references(record: T): readonly Reference[];
}

const concept = (scheme: string) => ({ kind: 'concept', scheme }) as const;

function addRoles(refs: ReferenceCollector, roles: readonly Role[]): ReferenceCollector {
  roles.forEach((role, i) => {
    refs.add(`roles[${i}].role`, role.role, concept('role'));
    refs.addAll(`roles[${i}].agents`, role.agents, { kind: 'agent' });
    refs.addAll(`roles[${i}].countries`, role.countries, { kind: 'm49' });
  });
  return refs;
}

export const sourceDocumentType: RecordType<SourceDocumentRecord> = {
  name: 'source',
  folder: 'sources',
  schema: sourceDocumentSchema,
  references: (r) => new ReferenceCollector().add('publisher', r.publisher, { kind: 'entity' }).references,
};

export const conceptSchemeType: RecordType<ConceptSchemeRecord> = {
  name: 'scheme',
  folder: 'vocabularies',
  schema: conceptSchemeSchema,
  references: (r) => {
    const refs = new ReferenceCollector();
    r.concepts.forEach((c, i) => refs.add(`concepts[${i}].broader`, c.broader, concept(r.id)));
    return refs.references;
  },
};

export const entityType: RecordType<EntityRecord> = {
  name: 'entity',
  folder: 'entities',
  schema: entitySchema,
  references: (r) => {
    const refs = new ReferenceCollector()
      .add('kind', r.kind, concept('entity-kind'))
      .addAll('legalBasis', r.legalBasis, { kind: 'instrument' });
    r.sdgs.forEach((s, i) => refs.add(`sdgs[${i}].code`, s.code, { kind: 'sdg' }));
    r.tipForms.forEach((t, i) => refs.add(`tipForms[${i}].concept`, t.concept, concept('tip-form')));
    r.expertise.forEach((e, i) => refs.add(`expertise[${i}].concept`, e.concept, concept('expertise')));
    return refs.references;
  },
};

export const organizationType: RecordType<OrganizationRecord> = {
  name: 'organization',
  folder: 'organizations',
  schema: organizationSchema,
  references: (r) =>
    new ReferenceCollector()
      .add('kind', r.kind, concept('entity-kind'))
      .add('country', r.country, { kind: 'm49' })
      .add('partOf', r.partOf, { kind: 'agent' }).references,
};

export const instrumentType: RecordType<InstrumentRecord> = {
  name: 'instrument',
  folder: 'instruments',
  schema: instrumentSchema,
  references: (r) =>
    new ReferenceCollector().add('kind', r.kind, concept('instrument-type')).add('issuer', r.issuer, { kind: 'agent' })
      .references,
};

export const mouRowType: RecordType<MouRowRecord> = {
  name: 'mou-row',
  folder: 'mou-table',
  schema: mouRowSchema,
  references: (r) => {
    const refs = new ReferenceCollector().add('reporter', r.reporter, { kind: 'entity' });
    r.mous?.parties.forEach((p, i) => refs.add(`mous.parties[${i}].party`, p.party, { kind: 'entity' }));
    r.frameworks.forEach((f, i) => {
      refs.add(`frameworks[${i}].type`, f.type, concept('agreement-type'));
      refs.addAll(`frameworks[${i}].parties`, f.parties, { kind: 'agent' });
      refs.add(`frameworks[${i}].instrument`, f.instrument, { kind: 'instrument' });
    });
    return refs.references;
  },
};

export const partnershipType: RecordType<PartnershipRecord> = {
  name: 'partnership',
  folder: 'partnerships',
  schema: partnershipSchema,
  references: (r) =>
    addRoles(new ReferenceCollector(), r.roles)
      .addAll('countries', r.countries, { kind: 'm49' })
      .addAll('initiatives', r.initiatives, { kind: 'initiative' })
      .addAll('activities', r.activities, { kind: 'activity' })
      .addAll('publications', r.publications, { kind: 'publication' }).references,
};

export const initiativeType: RecordType<InitiativeRecord> = {
  name: 'initiative',
  folder: 'initiatives',
  schema: initiativeSchema,
  references: (r) =>
    addRoles(new ReferenceCollector(), r.roles)
      .addAll('scope.areas', r.scope.areas, { kind: 'm49' })
      .add('organization', r.organization, { kind: 'agent' }).references,
};

export const activityType: RecordType<ActivityRecord> = {
  name: 'activity',
  folder: 'activities',
  schema: activitySchema,
  references: (r) => {
    const refs = addRoles(new ReferenceCollector(), r.roles)
      .addAll('countries', r.countries, { kind: 'm49' })
      .add('priority', r.priority, concept('action-plan-priority'))
      .addAll('contributesTo.priorities', r.contributesTo?.priorities ?? [], concept('action-plan-priority'))
      .addAll('initiatives', r.initiatives, { kind: 'initiative' })
      .add('partOf', r.partOf, { kind: 'activity' })
      .addAll('publications', r.publications, { kind: 'publication' })
      .addAll('instruments', r.instruments, { kind: 'instrument' });
    r.areas.forEach((a, i) => refs.add(`areas[${i}].m49`, a.m49, { kind: 'm49' }));
    r.beneficiaries.forEach((b, i) => refs.add(`beneficiaries[${i}].concept`, b.concept, concept('beneficiary-type')));
    return refs.references;
  },
};

export const interventionType: RecordType<InterventionRecord> = {
  name: 'intervention',
  folder: 'interventions',
  schema: interventionSchema,
  references: (r) => {
    const refs = new ReferenceCollector().add('area', r.area, concept('intervention-area'));
    r.attributions.forEach((a, i) => refs.addAll(`attributions[${i}].agents`, a.agents, { kind: 'agent' }));
    return refs.references;
  },
};

export const findingType: RecordType<FindingRecord> = {
  name: 'finding',
  folder: 'findings',
  schema: findingSchema,
  references: (r) => {
    const refs = new ReferenceCollector().addAll('entities', r.entities, { kind: 'agent' });
    r.sdgs.forEach((s, i) => refs.add(`sdgs[${i}].code`, s.code, { kind: 'sdg' }));
    if (r.ranking) refs.addAll('ranking.concepts', r.ranking.concepts, concept(r.ranking.scheme));
    r.areas.forEach((a, i) => refs.add(`areas[${i}].m49`, a.m49, { kind: 'm49' }));
    return refs.references;
  },
};

export const publicationType: RecordType<PublicationRecord> = {
  name: 'publication',
  folder: 'publications',
  schema: publicationSchema,
  references: (r) =>
    new ReferenceCollector()
      .addAll('publishers', r.publishers, { kind: 'agent' })
      .add('documentType', r.documentType, concept('document-type'))
      .add('partOf', r.partOf, { kind: 'publication' })
      .addAll('instruments', r.instruments, { kind: 'instrument' }).references,
};

/** Every record type, in the order counts are printed (the order of the document). */
export const RECORD_TYPES = [
  sourceDocumentType,
  conceptSchemeType,
  entityType,
  organizationType,
  instrumentType,
  interventionType,
  findingType,
  activityType,
  mouRowType,
  partnershipType,
  initiativeType,
  publicationType,
] as const;

export type AnyRecordType = (typeof RECORD_TYPES)[number];
