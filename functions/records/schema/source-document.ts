import { z } from 'zod';
import { recordBase, slug, url, verbatim, year } from './common.js';

/** The document the records are curated from. */
export const sourceDocumentSchema = z.strictObject({
  ...recordBase,
  title: verbatim,
  publisher: slug,
  year,
  /** The date the information refers to, as the text states it. */
  asOf: verbatim,
  urls: z.array(url).default([]),
  /** The terms under which the source document is published, as far as it states them. */
  rights: verbatim.optional(),
});

export type SourceDocumentRecord = z.infer<typeof sourceDocumentSchema>;
