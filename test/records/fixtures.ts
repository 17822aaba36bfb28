import type { RecordFile } from '../../functions/records/validate-records.js';

/** A small, valid set of records: each test changes one file and expects exactly one problem. */
export const VALID_FILES: Readonly<Record<string, string>> = {
  'data/vocabularies/entity-kind.yaml': `
id: entity-kind
label: Kinds of organization
source: { section: "Section One, 1" }
concepts:
  - { id: un-entity, label: United Nations entity }
  - { id: government-body, label: Government body }
`,
  'data/vocabularies/instrument-type.yaml': `
id: instrument-type
label: Types of instrument
source: { section: "Section One, 1" }
concepts:
  - { id: general-assembly-resolution, label: General Assembly resolution }
`,
  'data/vocabularies/document-type.yaml': `
id: document-type
label: Types of publication
source: { section: Section Four }
concepts:
  - { id: report, label: Report }
`,
  'data/entities/unodc.yaml': `
id: unodc
name: United Nations Office on Drugs and Crime
altNames: [UNODC]
kind: un-entity
homepage: http://www.unodc.org/
legalBasis: [unga-res-55-25]
hasFieldPresence: true
sdgs:
  - { code: "16.2", statedAs: SDG 16.2 }
source: { section: "Section One, 1", page: 13 }
`,
  'data/organizations/naptip.yaml': `
id: naptip
name: National Agency for the Prohibition of Trafficking in Persons
altNames: [NAPTIP]
kind: government-body
country: "566"
source: { section: "Section Two, 4" }
`,
  'data/instruments/unga-res-55-25.yaml': `
id: unga-res-55-25
title: UN General Assembly Resolution 55/25
kind: general-assembly-resolution
year: 2000
urls: [https://undocs.org/en/A/RES/55/25]
source: { section: "Section One, 1" }
`,
  'data/publications/unodc-glotip-2020.yaml': `
id: unodc-glotip-2020
title: Global Report on Trafficking in Persons 2020
year: 2020
publishers: [unodc]
documentType: report
collection: annex-i
languages: [en]
source: { section: Annex I }
`,
};

/** The fixture as record files, with some files replaced (a string) or removed (null). */
export function fixtureFiles(changes: Readonly<Record<string, string | null>> = {}): RecordFile[] {
  const merged: Record<string, string | null> = { ...VALID_FILES, ...changes };
  return Object.entries(merged)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([path, text]) => ({ path, folder: path.split('/')[1]!, text: text.trimStart() }));
}
