import { z } from 'zod';
import { m49, recordBase, slug, url, verbatim, year } from './common.js';
import { rolesList } from './roles.js';

/** An example of a partnership of Section Three, 2, often with partners outside ICAT. */
export const partnershipSchema = z.strictObject({
  ...recordBase,
  label: verbatim,
  summary: verbatim,
  roles: rolesList.min(2, { error: 'expected at least two roles (the entity and a partner)' }),
  countries: z.array(m49).default([]),
  years: z.array(year).default([]),
  initiatives: z.array(slug).default([]),
  activities: z.array(slug).default([]),
  publications: z.array(slug).default([]),
  urls: z.array(url).default([]),
});

export type PartnershipRecord = z.infer<typeof partnershipSchema>;
