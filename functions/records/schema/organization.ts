import { z } from 'zod';
import { curatedList, m49, recordBase, slug, url, verbatim } from './common.js';

/** Any organization outside ICAT that the mapping names (a national agency, an NGO, a company, ...). */
export const organizationSchema = z.strictObject({
  ...recordBase,
  name: verbatim,
  altNames: z.array(verbatim).default([]),
  kind: slug,
  /** The country the organization belongs to, where the text says so. */
  country: m49.optional(),
  homepage: url.optional(),
  /** An organization this one is part of (an office of a larger body). */
  partOf: slug.optional(),
  curated: curatedList(['name', 'altNames', 'kind', 'country', 'partOf']),
});

export type OrganizationRecord = z.infer<typeof organizationSchema>;
