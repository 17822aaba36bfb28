import { z } from 'zod';
import { m49, recordBase, slug, url, verbatim, year } from './common.js';
import { rolesList } from './roles.js';

const memberCount = z.strictObject({
  count: z.number().int().positive(),
  /** What is counted, in the source's words. */
  counts: verbatim,
});

/** One of the 22 multi-stakeholder initiatives of Section Three, 3. */
export const initiativeSchema = z.strictObject({
  ...recordBase,
  name: verbatim,
  altNames: z.array(verbatim).default([]),
  description: verbatim,
  scope: z.strictObject({
    statedAs: verbatim,
    /** M49 areas the scope names; "001" is the world. */
    areas: z.array(m49).default([]),
  }),
  composition: verbatim,
  roles: rolesList.default([]),
  memberCounts: z.array(memberCount).default([]),
  established: year.optional(),
  homepage: url.optional(),
  /**
   * The entity or organization whose work this initiative is, where the text names the same body both as an
   * actor and as a row of the table (ICAT, NATC SEE, REDTRAM, ...): `icat:constitutedBy` in the graph.
   */
  organization: slug.optional(),
});

export type InitiativeRecord = z.infer<typeof initiativeSchema>;
