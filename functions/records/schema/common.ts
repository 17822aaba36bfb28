import { z } from 'zod';
import { urlIriProblem } from '../../rdf/iri-from-url.js';

/** Lower-case ASCII words joined by single hyphens: the stable part of every minted IRI. */
export const slug = z
  .string({ error: 'expected a slug (lower-case letters, digits and hyphens)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected a slug (lower-case letters, digits and single hyphens, e.g. "un-women")',
  });

/**
 * A URL must become an IRI of the graph: conversion percent-encodes what an IRI cannot hold
 * (rdf/iri-from-url.ts); what encoding cannot fix (a backslash or a line break in the host, no "//")
 * is reported here, against the record's field.
 */
export function becomesIri(value: string, ctx: z.RefinementCtx): void {
  const problem = urlIriProblem(value);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: `got ${JSON.stringify(value)}: ${problem} (expected an http(s) URL that percent-encoding turns into an IRI, RFC 3987)`,
    });
}

/** An absolute http(s) URL, as printed in the source. */
export const url = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'expected an absolute http(s) URL', abort: true })
  .superRefine(becomesIri);

/** Years the mapping can speak of: from the oldest instrument it cites to the end of the 2030 Agenda. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2030;
export const year = z
  .number({ error: `expected a year (a whole number from ${FIRST_YEAR} to ${LAST_YEAR})` })
  .int({ error: 'expected a whole-number year' })
  .min(FIRST_YEAR, { error: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}` })
  .max(LAST_YEAR, { error: `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}` });

/** A calendar day as the text gives it, written YYYY-MM-DD. */
export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, e.g. "2020-12-15"' })
  .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: 'expected a date written YYYY-MM-DD, e.g. "2020-12-15"',
  });

/** A three-digit UN M49 area code, as in the SDG geoArea code list (existence is checked later). */
export const m49 = z
  .string({ error: 'expected a three-digit M49 code as a quoted string, e.g. "498"' })
  .regex(/^\d{3}$/, { error: 'expected a three-digit M49 code, e.g. "498"' });

/** An SDG goal ("16"), target ("16.2", "10.c") or indicator ("16.2.2") code. */
export const sdgCode = z
  .string({ error: 'expected an SDG code as a string, e.g. "16.2"' })
  .regex(/^\d{1,2}(?:\.[0-9a-z]{1,2}(?:\.\d{1,2})?)?$/, {
    error: 'expected an SDG goal, target or indicator code, e.g. "8", "8.7" or "16.2.2"',
  });

/** ISO 639-1 language code. */
export const language = z
  .string({ error: 'expected an ISO 639-1 language code, e.g. "en"' })
  .regex(/^[a-z]{2}$/, { error: 'expected an ISO 639-1 language code, e.g. "en"' });

/** Text exactly as the source prints it (line breaks of the PDF folded to spaces). */
export const verbatim = z
  .string({ error: 'expected the verbatim text of the source' })
  .trim()
  .min(1, { error: 'expected the verbatim text of the source, not an empty string' });

/** Where in the mapping document a record comes from. */
export const source = z.strictObject({
  section: z
    .string({ error: 'expected a section name, e.g. "Section Three, 1"' })
    .regex(/^(?:Introduction|Conclusions|Section (?:One|Two|Three|Four)(?:, \d)?|Annex I|Footnote \d+)$/, {
      error:
        'expected a section name: "Introduction", "Section One".."Section Four" with an optional ", N", "Annex I", "Conclusions" or "Footnote N"',
    }),
  page: z.number().int().min(1).max(60, { error: 'expected a page number of the document (1 to 60)' }).optional(),
});

/** A correction of an evident typo in the source, kept with the original. */
export const correction = z.strictObject({
  field: z.string(),
  original: z.string(),
  corrected: z.string(),
  note: z.string().optional(),
});

/** A period or a single year; `end` may be open. */
export const period = z
  .strictObject({
    start: year.optional(),
    end: year.optional(),
    statedAs: verbatim.optional(),
  })
  .refine((p) => p.start === undefined || p.end === undefined || p.start <= p.end, {
    error: 'expected start to be no later than end',
    path: ['end'],
  });

/** An interpretation (a concept, a code) with the words of the source it comes from. */
export const stated = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    statedAs: verbatim,
  });

/** A reason in our words: why a value has no basis in the words of the source (rule 1 of data/README.md). */
export const curationReason = z
  .string({ error: 'expected the reason why the value is curated rather than stated by the text' })
  .trim()
  .min(1, { error: 'expected the reason why the value is curated, not an empty string' });

/**
 * Fields of a record whose value the text does not give (a full name from outside the document, a kind the
 * text does not state), each with the reason: the graph exposes them as `icat:Curation` nodes.
 */
export const curatedList = <F extends string>(fields: readonly [F, ...F[]]) =>
  uniqueList(
    z.strictObject({
      field: z.enum(fields, { error: `expected one of the curatable fields: ${fields.join(', ')}` }),
      reason: curationReason,
    }),
    (c) => c.field,
    'curated field',
  ).default([]);

/** Fields every record has. */
export const recordBase = {
  id: slug,
  source,
  notes: z.string().optional(),
  corrections: z.array(correction).optional(),
};

/** Adds one issue per repeated key: `keys` are [item index, key] pairs, in item order. */
export function addDuplicateIssues(
  ctx: z.RefinementCtx,
  keys: readonly (readonly [number, string])[],
  what: string,
): void {
  const seen = new Map<string, number>();
  for (const [i, key] of keys) {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `duplicate ${what} "${key}" (already at [${first}]): merge the two into one entry`,
      });
  }
}

/**
 * A list whose items must be unique by a key: two items with one key would describe one graph node
 * twice (e.g. one role of one agent stated in two ways), so the record must merge them.
 */
export const uniqueList = <T extends z.ZodType>(item: T, key: (value: z.infer<T>) => string, what: string) =>
  z.array(item).superRefine((items, ctx) =>
    addDuplicateIssues(
      ctx,
      items.map((value, i) => [i, key(value)] as const),
      what,
    ),
  );
