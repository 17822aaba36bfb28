import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';

/** Fields that hold the words of the source (the rest are interpretations or our own labels). */
const VERBATIM_FIELDS = new Set([
  'text',
  'summary',
  'statement',
  'description',
  'composition',
  'statedAs',
  'heading',
  'about',
  'asOf',
  'yearStatedAs',
]);

/**
 * Verbatim fields that are not one run of the text, each for a reason the curation rules allow: the PDF
 * text puts footnotes, link blocks or other table cells between the words, or the field joins what the
 * rules ask to join.
 */
const JOINED: Readonly<Record<string, string>> = {
  'activities/cbss-compassionate-journalism-human-trafficking-2020-2021.yaml summary': 'footnote marker "10" dropped',
  'activities/cbss-strom-municipalities-2014-2017.yaml summary': 'footnote marker "10" dropped',
  'activities/icmpd-brazil-anti-trafficking-law-implementation-support.yaml summary':
    'joined across a page break and footnote 9',
  'activities/iom-global-victim-case-data-platform.yaml summary':
    'two parts of one paragraph (the CTDC sentences between belong to another record)',
  'activities/osrsg-svc-sg-annual-report-conflict-related-sexual-violence.yaml summary': 'footnote marker "4" dropped',
  'activities/osrsg-svc-sg-annual-report-conflict-related-sexual-violence.yaml statedAs': 'footnote marker "4" dropped',
  'activities/osrsg-svc-survivor-centred-approach.yaml summary': 'joined across a page break and footnote 6',
  'activities/undp-mozambique-spotlight-gbv-trafficking.yaml summary': 'footnote marker "5" dropped',
  'activities/unodc-global-report-on-trafficking-in-persons-2020.yaml summary':
    'joined across a page break and footnote 3',
  'entities/icmpd.yaml text': 'a line broken after an em dash, joined',
  'entities/icmpd.yaml statedAs': 'a line broken after an em dash, joined',
  'findings/sdg-focus.yaml statement': "the chart's legend appended after its caption",
  'findings/tip-forms-focus.yaml statement': "the chart's legend appended after its caption",
  'initiatives/gpc-anti-trafficking-task-team.yaml description': 'a table cell continued on the next page',
  'initiatives/gpc-anti-trafficking-task-team.yaml composition': 'a table cell continued on the next page',
  'initiatives/mieux.yaml composition': 'a table cell broken across lines inside "2016–2019"',
  'publications/icmpd-train-the-trainers-curriculum-to-identify-and-refer-cases.yaml statedAs':
    'a URL broken across lines, re-joined',
  'publications/icmpd-training-curriculum-for-labour-inspectors-jordan.yaml statedAs':
    'a URL broken across lines, re-joined',
};

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The seed with whitespace folded, once as printed and once without its link blocks and page headers. */
function seedText(): string {
  const raw = readFileSync(join(packageRoot(), 'data', 'source', 'icat-2021-mapping-resource.txt'), 'utf8');
  const withoutLinks = raw
    .split('\n')
    .filter(
      (line) => !/^\s*https?:\/\/\S+\s*$/.test(line) && !/^\s*(ICAT- 2021 MAPPING RESOURCE|\d{1,2})\s*$/.test(line),
    )
    .join('\n');
  return `${fold(raw)}\n${fold(withoutLinks)}`;
}

function verbatimFields(): { where: string; value: string }[] {
  const dataDir = join(packageRoot(), 'data');
  const fields: { where: string; value: string }[] = [];
  for (const file of readRecordFiles(dataDir)) {
    const path = file.path.slice(file.path.indexOf('data/') + 'data/'.length);
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string' && VERBATIM_FIELDS.has(key)) fields.push({ where: `${path} ${key}`, value });
      else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    };
    walk(parse(file.text), '');
  }
  return fields;
}

describe('the words of the source', () => {
  it('stand in the mapping document exactly as recorded, but for the listed joins', () => {
    const seed = seedText();
    // Words hyphenated at a line end are kept as printed ("conflict- driven") or joined ("conflict-driven").
    const dehyphenated = seed.replace(/- /g, '-');
    const fields = verbatimFields();
    expect(fields.length).toBeGreaterThan(900);
    const missing = fields
      .filter(({ value }) => !seed.includes(fold(value)) && !dehyphenated.includes(fold(value).replace(/- /g, '-')))
      .map((f) => f.where);
    expect([...new Set(missing)].sort()).toEqual(Object.keys(JOINED).sort());
  });
});
