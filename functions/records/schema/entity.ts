import { z } from 'zod';
import { curatedList, language, recordBase, sdgCode, slug, uniqueList, url, verbatim } from './common.js';

/** A concept of a scheme, with the words of the source that justify it. */
const conceptClaim = z.strictObject({
  concept: slug,
  statedAs: verbatim,
});

const sdgClaim = z.strictObject({
  code: sdgCode,
  statedAs: verbatim,
});

/** ICAT itself or one of its 29 entities (Section One, 1). */
export const entitySchema = z.strictObject({
  ...recordBase,
  name: verbatim,
  /** Acronyms and other names the text uses for the entity (e.g. SRSG-SVC / OSRSG-SVC). */
  altNames: z.array(verbatim).default([]),
  kind: slug,
  homepage: url.optional(),
  /** Further URLs printed with the mandate (the instruments' own URLs live on the instruments). */
  links: z.array(url).default([]),
  mandate: z
    .strictObject({
      text: verbatim,
      language: language.default('en'),
    })
    .optional(),
  /** Instruments the mandate cites. */
  legalBasis: z.array(slug).default([]),
  hasFieldPresence: z.boolean().optional(),
  respondedToSurvey: z.boolean().optional(),
  /** Joined ICAT after the March 2021 questionnaire (footnote 1). */
  joinedAfterSurvey: z.boolean().optional(),
  sdgs: uniqueList(sdgClaim, (s) => s.code, 'SDG code').default([]),
  tipForms: uniqueList(conceptClaim, (c) => c.concept, 'form of trafficking').default([]),
  expertise: uniqueList(conceptClaim, (c) => c.concept, 'expertise').default([]),
  curated: curatedList(['name', 'altNames', 'kind']),
});

export type EntityRecord = z.infer<typeof entitySchema>;
