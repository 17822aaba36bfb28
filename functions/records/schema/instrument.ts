import { z } from 'zod';
import { curatedList, recordBase, slug, url, verbatim, year } from './common.js';

/** A resolution, convention, protocol or decision that the mapping cites. */
export const instrumentSchema = z.strictObject({
  ...recordBase,
  title: verbatim,
  /** The official symbol, e.g. "S/RES/2331 (2016)", "A/RES/55/25", "MC.DEC/1 (2000)". */
  symbol: z.string().optional(),
  kind: slug,
  year: year.optional(),
  /** Who adopted or issued it (an entity or organization slug). */
  issuer: slug.optional(),
  urls: z.array(url).default([]),
  curated: curatedList(['title', 'symbol', 'kind', 'year', 'issuer']),
});

export type InstrumentRecord = z.infer<typeof instrumentSchema>;
