import { z } from 'zod';
import { addDuplicateIssues, curationReason, m49, slug, verbatim } from './common.js';

export const roleSchema = z
  .strictObject({
    /** A concept of the `role` scheme (data/vocabularies/role.yaml). */
    role: slug,
    /** Entities or organizations, by slug. */
    agents: z.array(slug).default([]),
    /** States in that role, by M49 code (e.g. the Bali Process co-chairs). */
    countries: z.array(m49).default([]),
    statedAs: verbatim,
    /** Set where the text does not give the role itself: why the curators record it (no shortcut triple then). */
    curated: curationReason.optional(),
  })
  .refine((r) => r.agents.length + r.countries.length > 0, {
    error: 'expected at least one agent or country in the role',
    path: ['agents'],
  });

export type Role = z.infer<typeof roleSchema>;

/** Roles of one record: each (role, agent or country) pair once, as it becomes one graph node. */
export const rolesList = z.array(roleSchema).superRefine((roles, ctx) =>
  addDuplicateIssues(
    ctx,
    roles.flatMap((role, i) =>
      [...role.agents, ...role.countries].map((player) => [i, `${role.role}" of "${player}`] as const),
    ),
    'role',
  ),
);
