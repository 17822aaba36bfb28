import { z } from 'zod';
import { isoDate, language, recordBase, slug, url, verbatim, year } from './common.js';

const link = z.strictObject({
  url,
  language: language.optional(),
});

/** A publication or resource: an item of the ICAT toolbox (Section Four) or of Annex I. */
export const publicationSchema = z
  .strictObject({
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
    /** Where the year is not printed with the item: the words of the text elsewhere that date it. */
    yearStatedAs: verbatim.optional(),
    /** The day the text says the document was adopted or endorsed (`dct:dateAccepted`). */
    adopted: z.strictObject({ date: isoDate, statedAs: verbatim }).optional(),
    /** Announced as upcoming, not yet published in 2021. */
    upcoming: z.boolean().default(false),
    /** Legal instruments the item names (e.g. the law a guide was updated to): `icat:legalBasis`. */
    instruments: z.array(slug).default([]),
    /** A series or compilation this item belongs to. */
    partOf: slug.optional(),
    /** The bullet or line as printed, where one bullet holds several items or more than the title. */
    statedAs: verbatim.optional(),
  })
  .refine((p) => p.yearStatedAs === undefined || p.year !== undefined, {
    error: 'expected a year beside yearStatedAs (the words that date it)',
    path: ['year'],
  });

export type PublicationRecord = z.infer<typeof publicationSchema>;
