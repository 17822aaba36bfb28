import { z } from 'zod';
import { recordBase, slug, verbatim } from './common.js';

const attribution = z.strictObject({
  /** Entities the text names in parentheses after a statement. */
  agents: z.array(slug).min(1),
  /** The statement, or the part of it, the names are attached to. */
  about: verbatim,
  /** The names as printed, e.g. "SR on TIP, OHCHR, SRSG-SVC UNICEF, UN Women". */
  statedAs: verbatim,
});

/** An area of intervention of Section Two, 2, at the global or at the regional and country level. */
export const interventionSchema = z.strictObject({
  ...recordBase,
  level: z.enum(['global', 'regional-and-country'], {
    error: 'expected level "global" or "regional-and-country"',
  }),
  area: slug,
  heading: verbatim,
  text: verbatim,
  attributions: z.array(attribution).min(1),
});

export type InterventionRecord = z.infer<typeof interventionSchema>;
