import { z } from 'zod';
import { becomesIri, recordBase, slug, verbatim } from './common.js';

/** An external concept IRI we map to (UNBIS Thesaurus, SDG KOS, ...). */
const externalIri = z
  .url({ protocol: /^https?$/, error: 'expected an absolute http(s) IRI', abort: true })
  .superRefine(becomesIri);

const concept = z.strictObject({
  id: slug,
  label: verbatim,
  altLabels: z.array(verbatim).default([]),
  definition: z.string().optional(),
  notation: z.string().optional(),
  broader: slug.optional(),
  exactMatch: z.array(externalIri).default([]),
  closeMatch: z.array(externalIri).default([]),
});

/** A controlled vocabulary: forms of trafficking, expertise areas, document types, ... */
export const conceptSchemeSchema = z.strictObject({
  ...recordBase,
  label: verbatim,
  definition: z.string().optional(),
  concepts: z.array(concept).min(1),
});

export type ConceptSchemeRecord = z.infer<typeof conceptSchemeSchema>;
export type ConceptRecord = z.infer<typeof concept>;
