import { z } from 'zod';
import { m49, recordBase, sdgCode, slug, uniqueList, verbatim } from './common.js';

/** A statement of the mapping about the ICAT membership as a whole (a ranking, a regional focus, a tally). */
export const findingSchema = z.strictObject({
  ...recordBase,
  label: verbatim,
  statement: verbatim,
  /** Concepts in the order the text ranks them (most reported first). */
  ranking: z.strictObject({ scheme: slug, concepts: z.array(slug).min(2) }).optional(),
  areas: z.array(z.strictObject({ statedAs: verbatim, m49: m49.optional() })).default([]),
  /** Entities the statement names. */
  entities: z.array(slug).default([]),
  /** SDG goals or targets the statement names, with its words. */
  sdgs: uniqueList(z.strictObject({ code: sdgCode, statedAs: verbatim }), (s) => s.code, 'SDG code').default([]),
  /** A count the statement gives, e.g. 8 entities without field presence. */
  count: z.number().int().nonnegative().optional(),
});

export type FindingRecord = z.infer<typeof findingSchema>;
