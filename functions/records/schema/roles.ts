import { z } from 'zod';
import { m49, slug, verbatim } from './common.js';

/** The parts organizations and countries play in an initiative, activity or partnership. */
export const ROLES = [
  'lead',
  'co-lead',
  'coordinator',
  'chair',
  'co-chair',
  'secretariat',
  'founding-partner',
  'implementer',
  'implementing-partner',
  'partner',
  'participant',
  'member',
  'observer',
  'supporter',
  'funder',
  'beneficiary',
] as const;

export const roleName = z.enum(ROLES, {
  error: `expected one of the roles ${ROLES.join(', ')}`,
});

export const roleSchema = z
  .strictObject({
    role: roleName,
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
