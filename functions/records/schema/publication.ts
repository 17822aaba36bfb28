import { z } from 'zod';
import { language, recordBase, slug, url, verbatim, year } from './common.js';

const link = z.strictObject({
  url,
  language: language.optional(),
});

/** A publication or resource: an item of the ICAT toolbox (Section Four) or of Annex I. */
export const publicationSchema = z.strictObject({
  ...recordBase,
  title: verbatim,
  /** The report symbol, e.g. "A/HRC/44/45". */
  symbol: z.string().optional(),
  year: year.optional(),
  publishers: z.array(slug).min(1, { error: 'expected at least one publisher' }),
  documentType: slug,
  collection: z.enum(['toolbox', 'annex-i', 'text'], {
    error: 'expected collection "toolbox", "annex-i" or "text"',
  }),
  /** Language versions; the first is the language of the title. */
  languages: z.array(language).min(1, { error: 'expected at least one language' }),
  links: z.array(link).default([]),
  /** Announced as upcoming, not yet published in 2021. */
  upcoming: z.boolean().default(false),
  /** A series or compilation this item belongs to. */
  partOf: slug.optional(),
  /** The bullet or line as printed, where one bullet holds several items or more than the title. */
  statedAs: verbatim.optional(),
});

export type PublicationRecord = z.infer<typeof publicationSchema>;
