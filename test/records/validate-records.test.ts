import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../functions/records/problem.js';
import { entityType, publicationType } from '../../functions/records/record-types.js';
import { rolesList } from '../../functions/records/schema/roles.js';
import { validateRecords } from '../../functions/records/validate-records.js';
import { loadSdgKos } from '../../functions/vocab/sdg-kos.js';
import { VALID_FILES, fixtureFiles } from './fixtures.js';

const kos = loadSdgKos();
const UNODC = 'data/entities/unodc.yaml';
const unodc = VALID_FILES[UNODC]!;

function problemsFor(changes: Record<string, string | null>): string[] {
  return validateRecords(fixtureFiles(changes), kos).problems.map(formatProblem);
}

describe('validateRecords', () => {
  it('accepts the valid fixture and sorts nothing out', () => {
    const result = validateRecords(fixtureFiles(), kos);
    expect(result.problems).toEqual([]);
    expect(result.records.count(entityType)).toBe(1);
    expect(result.records.get(publicationType, 'unodc-glotip-2020')?.publishers).toEqual(['unodc']);
  });

  it.each([
    [
      'broken YAML',
      { [UNODC]: 'id: unodc\nname: [unclosed\nkind: un-entity\n' },
      [
        `${UNODC}:3: (no record id): (whole record): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      ],
    ],
    [
      'a missing required field',
      { [UNODC]: unodc.replace('name: United Nations Office on Drugs and Crime\n', '') },
      [`${UNODC}:1: record "unodc": name: missing required field (expected the verbatim text of the source)`],
    ],
    [
      'a wrong type',
      { [UNODC]: unodc.replace('hasFieldPresence: true', 'hasFieldPresence: "yes"') },
      [`${UNODC}:7: record "unodc": hasFieldPresence: wrong type: got "yes", expected boolean`],
    ],
    [
      'a reference to an unknown slug',
      { [UNODC]: unodc.replace('legalBasis: [unga-res-55-25]', 'legalBasis: [unga-res-55-52]') },
      [
        `${UNODC}:6: record "unodc": legalBasis[0]: unknown reference "unga-res-55-52" (expected the slug of a record in data/instruments)`,
      ],
    ],
    [
      'a publisher that does not resolve',
      {
        'data/publications/unodc-glotip-2020.yaml': VALID_FILES['data/publications/unodc-glotip-2020.yaml']!.replace(
          'publishers: [unodc]',
          'publishers: [unodc, interpol]',
        ),
      },
      [
        'data/publications/unodc-glotip-2020.yaml:4: record "unodc-glotip-2020": publishers[1]: unknown reference "interpol" (expected the slug of an entity (data/entities) or organization (data/organizations))',
      ],
    ],
    [
      'a duplicate id across entities and organizations',
      {
        'data/organizations/unodc.yaml':
          'id: unodc\nname: UNODC again\nkind: un-entity\nsource: { section: Section Two }\n',
      },
      [
        'data/organizations/unodc.yaml:1: record "unodc": id: duplicate id "unodc": already used by data/entities/unodc.yaml (expected ids unique among entities and organizations)',
      ],
    ],
    [
      'a bad URL',
      { [UNODC]: unodc.replace('homepage: http://www.unodc.org/', 'homepage: www.unodc.org') },
      [`${UNODC}:5: record "unodc": homepage: got "www.unodc.org", expected an absolute http(s) URL`],
    ],
    [
      'a URL with a space in its host',
      { [UNODC]: unodc.replace('homepage: http://www.unodc.org/', 'homepage: "http://www.un odc.org/"') },
      [`${UNODC}:5: record "unodc": homepage: got "http://www.un odc.org/", expected an absolute http(s) URL`],
    ],
    [
      'a non-http scheme where an http URL is required',
      { [UNODC]: unodc.replace('homepage: http://www.unodc.org/', 'homepage: ftp://ftp.unodc.org/') },
      [`${UNODC}:5: record "unodc": homepage: got "ftp://ftp.unodc.org/", expected an absolute http(s) URL`],
    ],
    [
      // WHATWG URL parsing reads the backslash as "/": only the IRI check sees that the host is broken.
      'a URL whose host no encoding can fix',
      { [UNODC]: unodc.replace('homepage: http://www.unodc.org/', 'homepage: http://www.unodc.org\\en/') },
      [
        `${UNODC}:5: record "unodc": homepage: got "http://www.unodc.org\\\\en/": its host part "www.unodc.org\\\\en" is not a host name with an optional port (expected an http(s) URL that percent-encoding turns into an IRI, RFC 3987)`,
      ],
    ],
    [
      'a broken host in a list',
      {
        'data/instruments/unga-res-55-25.yaml': VALID_FILES['data/instruments/unga-res-55-25.yaml']!.replace(
          'urls: [https://undocs.org/en/A/RES/55/25]',
          'urls: [https://undocs.org\\en/A/RES/55/25]',
        ),
      },
      [
        'data/instruments/unga-res-55-25.yaml:5: record "unga-res-55-25": urls[0]: got "https://undocs.org\\\\en/A/RES/55/25": its host part "undocs.org\\\\en" is not a host name with an optional port (expected an http(s) URL that percent-encoding turns into an IRI, RFC 3987)',
      ],
    ],
    [
      'an unknown M49 code',
      { 'data/organizations/naptip.yaml': VALID_FILES['data/organizations/naptip.yaml']!.replace('"566"', '"999"') },
      [
        'data/organizations/naptip.yaml:5: record "naptip": country: unknown reference "999" (expected an M49 code of the SDG geoArea code list)',
      ],
    ],
    [
      'an impossible year',
      {
        'data/instruments/unga-res-55-25.yaml': VALID_FILES['data/instruments/unga-res-55-25.yaml']!.replace(
          'year: 2000',
          'year: 2914',
        ),
      },
      [
        'data/instruments/unga-res-55-25.yaml:4: record "unga-res-55-25": year: got number 2914, expected a year from 1900 to 2030',
      ],
    ],
    [
      'an unknown SDG target',
      { [UNODC]: unodc.replace('code: "16.2"', 'code: "16.99"') },
      [
        `${UNODC}:9: record "unodc": sdgs[0].code: unknown reference "16.99" (expected the code of an SDG goal, target or indicator of the SDG KOS)`,
      ],
    ],
    [
      'a misspelt field',
      { [UNODC]: unodc.replace('homepage:', 'homepgae:') },
      [
        `${UNODC}:5: record "unodc": homepgae: unknown field "homepgae" (expected only the fields of the schema; check the spelling)`,
      ],
    ],
    [
      'an id that does not match its file name',
      { [UNODC]: unodc.replace('id: unodc', 'id: unodoc') },
      [
        `${UNODC}:1: record "unodoc": id: id "unodoc" does not match the file name (expected "unodc", or rename the file to "unodoc.yaml")`,
      ],
    ],
    [
      'a concept outside its scheme',
      { [UNODC]: unodc.replace('kind: un-entity', 'kind: un-agency') },
      [
        `${UNODC}:4: record "unodc": kind: unknown reference "un-agency" (expected a concept of the scheme "entity-kind" (data/vocabularies/entity-kind.yaml))`,
      ],
    ],
    [
      'the same SDG target claimed twice',
      {
        [UNODC]: unodc.replace(
          '  - { code: "16.2", statedAs: SDG 16.2 }',
          '  - { code: "16.2", statedAs: SDG 16.2 }\n  - { code: "16.2", statedAs: target 16.2 }',
        ),
      },
      [
        `${UNODC}:10: record "unodc": sdgs[1]: duplicate SDG code "16.2" (already at [0]): merge the two into one entry`,
      ],
    ],
    [
      'a slug with capitals',
      {
        'data/organizations/naptip.yaml': VALID_FILES['data/organizations/naptip.yaml']!.replace(
          'id: naptip',
          'id: NAPTIP',
        ),
      },
      [
        'data/organizations/naptip.yaml:1: record "NAPTIP": id: got "NAPTIP", expected a slug (lower-case letters, digits and single hyphens, e.g. "un-women")',
      ],
    ],
  ])('reports %s with its file, line, record and field', (_case, changes, expected) => {
    expect(problemsFor(changes)).toEqual(expected);
  });

  it('keeps the other records when one is bad, and rejects the bad one whole', () => {
    const result = validateRecords(
      fixtureFiles({
        'data/organizations/naptip.yaml': VALID_FILES['data/organizations/naptip.yaml']!.replace('"566"', '"999"'),
      }),
      kos,
    );
    expect(result.rejected.map((r) => r.file)).toEqual(['data/organizations/naptip.yaml']);
    expect(result.records.count(entityType)).toBe(1);
    expect(result.records.count(publicationType)).toBe(1);
  });

  it('reads a table file as several records and checks each', () => {
    const table = `
- { id: a-body, name: A body, kind: government-body, source: { section: Section Two } }
- { id: b-body, name: B body, kind: nowhere, source: { section: Section Two } }
`;
    expect(problemsFor({ 'data/organizations/bodies.yaml': table })).toEqual([
      'data/organizations/bodies.yaml:2: record "b-body": kind: unknown reference "nowhere" (expected a concept of the scheme "entity-kind" (data/vocabularies/entity-kind.yaml))',
    ]);
  });

  it('refuses one role of one agent stated twice, which would be one graph node', () => {
    const roles = [
      { role: 'lead', agents: ['unodc'], statedAs: 'Coordinated by UNODC.' },
      { role: 'participant', agents: ['ilo'], statedAs: 'ILO' },
      { role: 'lead', agents: ['iom', 'unodc'], statedAs: 'Led by IOM and UNODC' },
    ];
    const result = rolesList.safeParse(roles);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[2], 'duplicate role "lead" of "unodc" (already at [0]): merge the two into one entry'],
    ]);
  });

  it('names an unknown folder', () => {
    expect(problemsFor({ 'data/entitys/x.yaml': 'id: x\n' })).toEqual([
      'data/entitys/x.yaml: (no record id): (whole record): unknown record folder "entitys" (expected one of sources, vocabularies, entities, organizations, instruments, interventions, findings, activities, mou-table, partnerships, initiatives, publications)',
    ]);
  });
});
