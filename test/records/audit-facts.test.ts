import oxigraph from 'oxigraph';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealDumpSet } from '../publish/built-dump-set.js';

const P = `PREFIX icat: <https://w3id.org/icat-kg/ontology#> PREFIX id: <https://w3id.org/icat-kg/id/>
PREFIX org: <http://www.w3.org/ns/org#> PREFIX dct: <http://purl.org/dc/terms/> PREFIX schema: <http://schema.org/>
PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> `;
let store: oxigraph.Store;
let dir: string;
beforeAll(async () => {
  const built = await buildRealDumpSet();
  dir = built.dir;
  store = new oxigraph.Store();
  const nq = built.result.dumps.files.find((f) => f.path === 'icat.nq')!;
  store.load(nq.content.toString('utf8'), { format: 'application/n-quads', lenient: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ask = (q: string) => store.query(`${P} ASK { GRAPH ?g { ${q} } }`) as boolean;
const count = (q: string) => {
  const rows = store.query(`${P} SELECT (COUNT(DISTINCT ?x) AS ?n) { GRAPH ?g { ${q} } }`) as Map<
    string,
    oxigraph.Term
  >[];
  return Number(rows[0]!.get('n')!.value);
};

describe('the corrections of issue 10, in the built graph', () => {
  it('1: counts 29 entities; ICAT is a coordination group, never an entity, and each organization/initiative pair is linked', () => {
    expect(count('?x a icat:Entity')).toBe(29);
    expect(ask('<https://w3id.org/icat-kg/id/entity/icat> a icat:CoordinationGroup, org:FormalOrganization')).toBe(
      true,
    );
    expect(ask('<https://w3id.org/icat-kg/id/entity/icat> a icat:Entity')).toBe(false);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/initiative/icat-coordination-group> icat:constitutedBy <https://w3id.org/icat-kg/id/entity/icat>',
      ),
    ).toBe(true);
    for (const slug of ['natc-see', 'redtram', 'tech-against-trafficking', 'gpc-anti-trafficking-task-team'])
      expect(
        ask(
          `<https://w3id.org/icat-kg/id/org/${slug}> icat:constitutes <https://w3id.org/icat-kg/id/initiative/${slug}>`,
        ),
      ).toBe(true);
  });

  it('2: dates the Action Plan, the 20th-anniversary review and the 2018 report', () => {
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/publication/icat-action-plan> dct:issued "2020"^^<http://www.w3.org/2001/XMLSchema#gYear> ; dct:dateAccepted "2020-12-15"^^<http://www.w3.org/2001/XMLSchema#date>',
      ),
    ).toBe(true);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/publication/icat-20th-anniversary-of-the-trafficking-in-persons-protocol> dct:issued "2020"^^<http://www.w3.org/2001/XMLSchema#gYear>',
      ),
    ).toBe(true);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/publication/icat-expertise-and-experience-in-countering-trafficking-in-persons> dct:issued "2018"^^<http://www.w3.org/2001/XMLSchema#gYear>',
      ),
    ).toBe(true);
  });

  it('3: gives the Global Report 2020 a data period, not start and end dates', () => {
    const s = '<https://w3id.org/icat-kg/id/activity/unodc-global-report-on-trafficking-in-persons-2020>';
    expect(ask(`${s} schema:startDate ?d`)).toBe(false);
    expect(
      ask(
        `${s} icat:dataPeriod ?p . ?p dcat:startDate "2016"^^<http://www.w3.org/2001/XMLSchema#gYear> ; dcat:endDate "2019"^^<http://www.w3.org/2001/XMLSchema#gYear>`,
      ),
    ).toBe(true);
  });

  it('4: records no role the text does not give', () => {
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/activity/undp-mozambique-spotlight-gbv-trafficking> icat:participant <https://w3id.org/icat-kg/id/org/eu>',
      ),
    ).toBe(false);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/activity/un-women-unfpa-who-safe-and-fair-decision-tree> icat:participant <https://w3id.org/icat-kg/id/org/eu>',
      ),
    ).toBe(false);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/partnership/icmpd-natc-see> icat:hasRole ?r . ?r icat:roleType <https://w3id.org/icat-kg/id/concept/role/founding-partner>',
      ),
    ).toBe(false);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/activity/coe-serbia-bosnia-herzegovina-anti-trafficking-projects> icat:implementer <https://w3id.org/icat-kg/id/entity/coe>',
      ),
    ).toBe(false);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/activity/coe-serbia-bosnia-herzegovina-anti-trafficking-projects> icat:hasRole ?r . ?r icat:curated ?why',
      ),
    ).toBe(true);
  });

  it('5: makes UNHCR co-chair of ICAT and of the GPC Anti-Trafficking Task Team', () => {
    for (const slug of ['icat-coordination-group', 'gpc-anti-trafficking-task-team'])
      expect(
        ask(
          `<https://w3id.org/icat-kg/id/initiative/${slug}> icat:hasRole ?r . ?r icat:agent <https://w3id.org/icat-kg/id/entity/unhcr> ; icat:roleType <https://w3id.org/icat-kg/id/concept/role/co-chair>`,
        ),
      ).toBe(true);
  });

  it('6: records the instruments the text names and links them', () => {
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/agreement/osce-pc-dec-637-2004> icat:legalBasis <https://w3id.org/icat-kg/id/instrument/osce-pc-dec-637-2004>',
      ),
    ).toBe(true);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/agreement/osce-pc-dec-670-2005> icat:legalBasis <https://w3id.org/icat-kg/id/instrument/osce-pc-dec-670-2005>',
      ),
    ).toBe(true);
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/publication/icmpd-guia-de-assistencia-e-referenciamento-de-vitimas-de-trafico-de-pessoas> icat:legalBasis <https://w3id.org/icat-kg/id/instrument/brazil-anti-trafficking-law-2016>',
      ),
    ).toBe(true);
    expect(
      count(
        '?a icat:legalBasis ?x . VALUES ?x { <https://w3id.org/icat-kg/id/instrument/sudan-national-action-plan-to-combat-human-trafficking-2021-2023> <https://w3id.org/icat-kg/id/instrument/india-national-action-plan-on-anti-trafficking-2021-2023> <https://w3id.org/icat-kg/id/instrument/malaysia-naptip-3> <https://w3id.org/icat-kg/id/instrument/guatemala-national-plan-prevention-sexual-violence-exploitation-trafficking> <https://w3id.org/icat-kg/id/instrument/myanmar-anti-trafficking-law> }',
      ),
    ).toBe(5);
  });

  it('7: flags the names and kinds the text does not give as curated, with a reason', () => {
    expect(count('?x icat:curation ?c . ?c icat:curatedProperty icat:kind ; icat:curated ?why')).toBe(23);
    expect(count('?x icat:curation ?c . ?c icat:curatedProperty skos:prefLabel')).toBe(3);
    expect(
      ask('<https://w3id.org/icat-kg/id/org/mixed-migration-centre> icat:curation ?c . ?c icat:curatedField "kind"'),
    ).toBe(true);
  });

  it("8: codes CTED's form of trafficking and the SDG targets of the SDG-focus finding", () => {
    expect(
      ask(
        '<https://w3id.org/icat-kg/id/entity/cted> icat:tipForm <https://w3id.org/icat-kg/id/concept/tip-form/trafficking-for-supporting-terrorism>',
      ),
    ).toBe(true);
    expect(count('<https://w3id.org/icat-kg/id/finding/sdg-focus> icat:relevantSDG ?x')).toBe(3);
  });
});
