import { z } from 'zod';

// YAML reads a bare year (`date: 2024`) as a number: accept it as the year it is.
const isoDate = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'));
const url = z.url({ protocol: /^https?$/ });
const sourced = { source: url, date: isoDate };

/** A fact with the URL it comes from and the date it holds from (or was recorded). */
const factSchema = z.object({ value: z.string().min(1), ...sourced }).strict();

const aliasSchema = z.union([
  z.string().min(1),
  z.object({ text: z.string().min(1), caseSensitive: z.boolean().optional(), unlessText: z.array(z.string().min(1)).optional() }).strict(),
]);

export const companySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as "connection-systems"'),
    name: z.string().min(1),
    aliases: z.array(aliasSchema).default([]),
    legalNames: z.array(z.object({ name: z.string().min(1), ...sourced }).strict()).default([]),
    country: factSchema.extend({ value: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code') }).optional(),
    website: factSchema.extend({ value: url }).optional(),
    wikidata: factSchema.extend({ value: z.string().regex(/^Q\d+$/) }).optional(),
    lei: factSchema.extend({ value: z.string().regex(/^[A-Z0-9]{20}$/) }).optional(),
    registryIds: z.array(z.object({ registry: z.string().min(1), value: z.string().min(1), ...sourced }).strict()).default([]),
    lists: z.array(z.object({ list: z.string().min(1), since: isoDate.optional(), until: isoDate.optional(), ...sourced }).strict()).default([]),
    notes: z.array(z.object({ text: z.string().min(1), ...sourced }).strict()).default([]),
    owners: z
      .array(z.object({ owner: z.string().min(1), share: z.number().min(0).max(1).optional(), note: z.string().optional(), ...sourced }).strict())
      .default([]),
  })
  .strict();

export const registrySchema = z
  .object({
    lists: z.record(z.string(), z.object({ name: z.string().min(1), url }).strict()).default({}),
    companies: z.array(companySchema).default([]),
  })
  .strict();

export type CompanyEntry = z.infer<typeof companySchema>;
export type CompanyRegistry = z.infer<typeof registrySchema>;
