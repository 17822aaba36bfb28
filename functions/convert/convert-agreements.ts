import { compareStrings } from '../compare.js';
import type { Located } from '../records/record-set.js';
import type { MouRowRecord } from '../records/schema/mou-row.js';
import { NS } from '../rdf/namespaces.js';
import { boolean, type GraphBuilder, gYear, plain } from '../rdf/terms.js';
import type { ConvertContext } from './convert-context.js';
import { recordGraph } from './record-graph.js';

/** One agreement as one row of the table states it. */
interface AgreementMention {
  readonly slug: string;
  readonly type: string;
  readonly parties: readonly string[];
  readonly start?: number | undefined;
  readonly end?: number | undefined;
  readonly asterisk: boolean;
  readonly statedAs: string;
  readonly instrument?: string | undefined;
}

/** An MoU between two entities is one agreement, whichever side reports it: its slug sorts the pair. */
export function mouSlug(a: string, b: string): string {
  return `mou-${[a, b].sort(compareStrings).join('-')}`;
}

function mentions(row: MouRowRecord): AgreementMention[] {
  const mous = (row.mous?.parties ?? []).map((p) => ({
    slug: mouSlug(row.reporter, p.party),
    type: 'mou',
    parties: [row.reporter, p.party],
    asterisk: p.asterisk,
    statedAs: row.mous!.statedAs,
  }));
  const frameworks = row.frameworks.map((f) => ({
    slug: f.agreement,
    type: f.type,
    parties: f.parties,
    start: f.period?.start,
    end: f.period?.end,
    asterisk: f.asterisk,
    statedAs: f.statedAs,
    instrument: f.instrument,
  }));
  return [...mous, ...frameworks];
}

/**
 * The agreements reported by only one side (the asterisk of the table). Computed over the whole table
 * first, so every row that mentions an agreement states the same value.
 */
export function unilateralAgreements(rows: readonly MouRowRecord[]): ReadonlySet<string> {
  const unilateral = new Set<string>();
  for (const row of rows) for (const m of mentions(row)) if (m.asterisk) unilateral.add(m.slug);
  return unilateral;
}

/**
 * One row of the MoU table: each agreement it mentions, with `icat:reportedBy` the reporting entity.
 * Two rows that mention one agreement describe the same IRI, so the union of their graphs merges them.
 */
export function convertMouRow(
  ctx: ConvertContext,
  located: Located<MouRowRecord>,
  unilateral: ReadonlySet<string>,
): GraphBuilder {
  const row = located.record;
  const t = (local: string) => ctx.iris.term(local);
  const reporter = ctx.iris.entity(row.reporter);
  const g = recordGraph(ctx, 'mou-row', located, reporter);
  if (row.mous) g.add(reporter, t('mouTableStatement'), plain(row.mous.statedAs));
  for (const m of mentions(row)) {
    const a = ctx.iris.agreement(m.slug);
    g.type(a, t('Agreement'))
      .link(a, t('agreementType'), ctx.iris.concept('agreement-type', m.type))
      .links(
        a,
        t('party'),
        m.parties.map((p) => ctx.agentIri(p)),
      )
      .link(a, t('reportedBy'), reporter)
      .add(a, t('reportedUnilaterally'), boolean(unilateral.has(m.slug)))
      .add(a, t('statedAs'), plain(m.statedAs))
      .link(a, t('legalBasis'), m.instrument && ctx.iris.instrument(m.instrument))
      .add(a, `${NS.schema}startDate`, m.start === undefined ? undefined : gYear(m.start))
      .add(a, `${NS.schema}endDate`, m.end === undefined ? undefined : gYear(m.end))
      .add(a, `${NS.dct}date`, m.start !== undefined && m.start === m.end ? gYear(m.start) : undefined);
  }
  return g;
}
