import { z } from 'zod';
import { m49, slug, verbatim } from './common.js';

export const roleSchema = z
  .strictObject({
    /** A concept of the `role` scheme (data/vocabularies/role.yaml). */
    role: slug,
    /** Entities or organizations, by slug. */
    agents: z.array(slug).default([]),
    /** States in that role, by M49 code (e.g. the Bali Process co-chairs). */
    countries: z.array(m49).default([]),
    statedAs: verbatim,
  })
  .refine((r) => r.agents.length + r.countries.length > 0, {
    error: 'expected at least one agent or country in the role',
    path: ['agents'],
  });

export type Role = z.infer<typeof roleSchema>;
