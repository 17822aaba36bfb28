import { z } from 'zod';
import { period, recordBase, slug, verbatim } from './common.js';

const mouParty = z.strictObject({
  party: slug,
  /** The asterisk: reported by this side only, the other did not answer the questionnaire. */
  asterisk: z.boolean().default(false),
});

const framework = z.strictObject({
  /** The agreement this line describes; both rows that list one framework name the same slug. */
  agreement: slug,
  type: slug,
  parties: z.array(slug).min(2, { error: 'expected at least two parties' }),
  period: period.optional(),
  asterisk: z.boolean().default(false),
  statedAs: verbatim,
  /** The legal instrument the framework is (e.g. an OSCE Permanent Council decision): `icat:legalBasis`. */
  instrument: slug.optional(),
});

/** One row of the table of Section Three, 1, as the reporting entity stated it. */
export const mouRowSchema = z.strictObject({
  ...recordBase,
  reporter: slug,
  mous: z
    .strictObject({
      statedAs: verbatim,
      parties: z.array(mouParty).default([]),
      /** The row speaks of MoUs with a broader set than it names ("a broad range of ICAT partners (including ...)"). */
      nonExhaustive: z.boolean().default(false),
    })
    .optional(),
  frameworks: z.array(framework).default([]),
});

export type MouRowRecord = z.infer<typeof mouRowSchema>;
