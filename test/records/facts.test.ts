import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';
import type { RecordSet } from '../../functions/records/record-set.js';
import {
  activityType,
  conceptSchemeType,
  entityType,
  findingType,
  initiativeType,
  instrumentType,
  interventionType,
  mouRowType,
  publicationType,
  RECORD_TYPES,
} from '../../functions/records/record-types.js';
import { validateRecords } from '../../functions/records/validate-records.js';
import { loadSdgKos } from '../../functions/vocab/sdg-kos.js';

/** The slugs of docs/vocabulary.md, the public contract. */
const ENTITY_SLUGS = `cbss coe cted icmpd icao interpol ilo iom itu ohchr osrsg-svc osrsg-vac osce oas unicef dpo-orolsi
dppa undp unesco unhcr unicri unaids unodc genocide-prevention unfpa sr-cfs sr-tip un-women world-bank`.split(/\s+/);

let records: RecordSet;
beforeAll(() => {
  const result = validateRecords(readRecordFiles(join(packageRoot(), 'data')), loadSdgKos());
  expect(result.problems).toEqual([]);
  records = result.records;
});

const entity = (id: string) => records.get(entityType, id)!;

describe('the records of the 2021 ICAT mapping', () => {
  it('hold every record type with the counts of the curated document', () => {
    expect(Object.fromEntries(RECORD_TYPES.map((t) => [t.folder, records.count(t)]))).toEqual({
      sources: 1,
      vocabularies: 11,
      entities: 30,
      organizations: 70,
      instruments: 58,
      interventions: 13,
      findings: 20,
      activities: 91,
      'mou-table': 20,
      partnerships: 16,
      initiatives: 22,
      publications: 208,
    });
  });

  it('have ICAT and exactly the 29 entities of docs/vocabulary.md', () => {
    expect(records.all(entityType).map((e) => e.id)).toEqual(['icat', ...ENTITY_SLUGS].sort());
  });

  it('know the 20 survey respondents of footnote 1 and the two entities that joined after it', () => {
    const responded = records
      .all(entityType)
      .filter((e) => e.respondedToSurvey)
      .map((e) => e.id);
    expect(responded).toEqual(
      [
        'ilo',
        'dpo-orolsi',
        'ohchr',
        'genocide-prevention',
        'icmpd',
        'un-women',
        'cbss',
        'unicef',
        'osce',
        'unhcr',
        'osrsg-svc',
        'unodc',
        'iom',
        'interpol',
        'sr-tip',
        'coe',
        'unicri',
        'undp',
        'itu',
        'oas',
      ].sort(),
    );
    expect(
      records
        .all(entityType)
        .filter((e) => e.joinedAfterSurvey)
        .map((e) => e.id),
    ).toEqual(['osrsg-vac', 'sr-cfs']);
  });

  it('know the 8 entities without field presence (Section Two, 1)', () => {
    expect(
      records
        .all(entityType)
        .filter((e) => e.hasFieldPresence === false)
        .map((e) => e.id),
    ).toEqual(['cbss', 'coe', 'cted', 'genocide-prevention', 'osrsg-svc', 'osrsg-vac', 'sr-cfs', 'sr-tip']);
    expect(records.all(entityType).filter((e) => e.hasFieldPresence === true)).toHaveLength(21);
  });

  it('keep the mandates verbatim, with the instruments they cite', () => {
    expect(entity('cted').legalBasis).toEqual(expect.arrayContaining(['unsc-res-2331-2016', 'unsc-res-2388-2017']));
    expect(entity('unodc').legalBasis).toContain('unga-res-55-25');
    expect(entity('unodc').mandate?.text).toContain(
      'UNODC has been ICAT’s Permanent Coordinator since the inception of the inter-agency group.',
    );
    expect(entity('osce').legalBasis).toEqual(
      expect.arrayContaining([
        'osce-mc-dec-2-2003',
        'osce-mc-dec-1-2000',
        'osce-mc-dec-6-2001',
        'osce-mc-dec-5-2008',
        'osce-mc-dec-6-2017',
        'osce-mc-dec-7-2017',
        'osce-mc-dec-6-2018',
        'osce-pc-dec-557-rev-1-2005',
      ]),
    );
    expect(records.get(instrumentType, 'unsc-res-2331-2016')?.year).toBe(2016);
    expect(entity('osrsg-svc').altNames).toEqual(expect.arrayContaining(['OSRSG-SVC', 'SRSG-SVC']));
    expect(entity('dpo-orolsi').altNames).toEqual(expect.arrayContaining(['DPO-OROLSI', 'DPO-OLORSI']));
  });

  it('give the SDG targets the text states for an entity, with its words', () => {
    expect(
      entity('un-women')
        .sdgs.map((s) => s.code)
        .sort(),
    ).toEqual(['16.2', '5.2', '8.7']);
    expect(entity('world-bank').sdgs.map((s) => s.code)).toEqual(['10.c']);
    expect(entity('osrsg-vac').sdgs.map((s) => s.code)).toEqual(['16.2']);
  });

  it('keep each row of the MoU table as its reporter stated it, asterisks included', () => {
    const icao = records.get(mouRowType, 'icao')!;
    expect(icao.mous?.statedAs).toBe('OHCHR*, UNODC*');
    expect(icao.mous?.parties).toEqual([
      { party: 'ohchr', asterisk: true },
      { party: 'unodc', asterisk: true },
    ]);
    const oas = records.get(mouRowType, 'oas')!;
    expect(oas.frameworks.map((f) => [f.agreement, f.type, f.period?.start])).toEqual([
      ['oas-unhcr-cooperation-agreement-2007', 'cooperation-agreement', 2007],
    ]);
    expect(records.get(mouRowType, 'iom')?.mous?.nonExhaustive).toBe(true);
  });

  it('hold the 22 multi-stakeholder initiatives with their leads and sizes', () => {
    expect(records.count(initiativeType)).toBe(22);
    expect(records.get(initiativeType, 'alliance-8-7')?.roles).toEqual([
      { role: 'coordinator', agents: ['ilo'], countries: [], statedAs: 'Coordinated by ILO.' },
    ]);
    const bali = records.get(initiativeType, 'bali-process')!;
    expect(bali.roles[0]).toMatchObject({ role: 'co-chair', countries: ['360', '036'] });
    expect(bali.memberCounts.map((m) => m.count)).toEqual([49]);
  });

  it('report the figures of the activities with what they count', () => {
    const india = records.get(activityType, 'unicef-india-child-labour-and-trafficking')!;
    expect(india.countries).toEqual(['356']);
    expect(india.priority).toBe('addressing-the-core-drivers');
    expect(india.figures.map((f) => f.value)).toEqual(expect.arrayContaining([5440, 716221]));
    const sudan = records.get(activityType, 'unhcr-sudan-national-action-plan-2021-2023')!;
    expect(sudan.contributesTo?.priorities).toEqual([
      'building-the-evidence-base',
      'addressing-the-core-drivers',
      'ensuring-a-rights-based-approach',
      'implementing-legislation',
      'systematizing-cooperation',
    ]);
  });

  it('rank the beneficiaries as Section Two, 3 does', () => {
    expect(records.get(findingType, 'beneficiary-ranking')?.ranking?.concepts).toEqual([
      'law-enforcement',
      'policymakers',
      'civil-society',
      'academia',
      'international-organizations',
      'grassroots-organizations',
    ]);
    expect(records.get(conceptSchemeType, 'action-plan-priority')?.concepts.map((c) => c.notation)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('attribute operational and investigative support to INTERPOL alone', () => {
    expect(records.get(interventionType, 'regional-operational-support')?.attributions.map((a) => a.agents)).toEqual([
      ['interpol'],
    ]);
    expect(records.all(interventionType).filter((i) => i.level === 'global')).toHaveLength(7);
  });

  it('list the ICAT toolbox with every language version', () => {
    const toolbox = records.all(publicationType).filter((p) => p.collection === 'toolbox');
    expect(toolbox).toHaveLength(25);
    expect(toolbox.filter((p) => p.upcoming).map((p) => p.id)).toEqual([
      'icat-role-of-public-procurement-in-preventing-trafficking-in-persons',
      'icat-trafficking-in-persons-for-the-purpose-of-organ-removal',
    ]);
    expect(toolbox.filter((p) => p.documentType === 'issue-brief')).toHaveLength(11);
    const nonPunishment = records.get(publicationType, 'icat-non-punishment-of-victims-of-trafficking-in-persons')!;
    expect(nonPunishment.links.map((l) => l.language)).toEqual(['en', 'ru', 'fr', 'es']);
  });

  it('keep Annex I faithful: multi-item bullets, report symbols and corrected typos with their original', () => {
    expect(records.all(publicationType).filter((p) => p.collection === 'annex-i')).toHaveLength(183);
    const editions = records
      .all(publicationType)
      .filter((p) => p.partOf === 'unodc-global-report-on-trafficking-in-persons');
    expect(editions.map((p) => p.year)).toEqual([2009, 2012, 2014, 2016, 2018, 2020]);
    const guiding = records.get(publicationType, 'osce-guiding-principles-human-rights-return-of-trafficked-persons')!;
    expect([guiding.year, guiding.corrections?.[0]?.original]).toEqual([2014, '2914']);
    const srReports = records.all(publicationType).filter((p) => p.publishers.includes('sr-tip'));
    expect(srReports).toHaveLength(27);
    expect(records.get(publicationType, 'sr-tip-a-hrc-44-45')?.symbol).toBe('A/HRC/44/45');
  });
});
