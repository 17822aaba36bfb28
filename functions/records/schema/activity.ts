import { z } from 'zod';
import { m49, period, recordBase, slug, uniqueList, url, verbatim, year } from './common.js';
import { rolesList } from './roles.js';

const figure = z.strictObject({
  value: z.number().nonnegative(),
  /** What the number counts, in our words (e.g. "child labourers rehabilitated"); `statedAs` keeps the source's. */
  counts: verbatim,
  statedAs: verbatim,
});

/** A programme, project or activity example of Section Two, 4 (and examples elsewhere in the text). */
export const activitySchema = z.strictObject({
  ...recordBase,
  /** A short label of ours for lists; the source's own name goes to `name` where it gives one. */
  label: verbatim,
  name: verbatim.optional(),
  altNames: z.array(verbatim).default([]),
  /** The paragraph (or part of it) of the source that reports the activity. */
  summary: verbatim,
  roles: rolesList.min(1, { error: 'expected at least one role (who implements it)' }),
  countries: z.array(m49).default([]),
  /** Regions or other areas, in the source's words and as M49 codes where one fits. */
  areas: z.array(z.strictObject({ statedAs: verbatim, m49: m49.optional() })).default([]),
  period: period.optional(),
  /** The span of the data or cases the activity covers (not its own start and end): `icat:dataPeriod`. */
  dataPeriod: period.optional(),
  years: z.array(year).default([]),
  /** The Action Plan priority the example is listed under. */
  priority: slug.optional(),
  /** "contributing to objectives ..." where the text says so. */
  contributesTo: z.strictObject({ priorities: z.array(slug).min(1), statedAs: verbatim }).optional(),
  beneficiaries: uniqueList(
    z.strictObject({ concept: slug, statedAs: verbatim }),
    (b) => b.concept,
    'beneficiary',
  ).default([]),
  figures: uniqueList(figure, (f) => `${f.value} ${f.counts}`, 'figure').default([]),
  initiatives: z.array(slug).default([]),
  partOf: slug.optional(),
  publications: z.array(slug).default([]),
  instruments: z.array(slug).default([]),
  urls: z.array(url).default([]),
});

export type ActivityRecord = z.infer<typeof activitySchema>;
