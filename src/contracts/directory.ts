import { z } from 'zod';
import { CAPACITIES, SERVICE_CATEGORIES, SERVICE_STATUSES } from '../domain/directory/directory.ts';

export const serviceCategorySchema = z.enum(SERVICE_CATEGORIES);
export const capacitySchema = z.enum(CAPACITIES);

export const organizationParams = z.strictObject({ siteId: z.uuid(), organizationId: z.uuid() });
export const serviceParams = z.strictObject({ siteId: z.uuid(), serviceId: z.uuid() });
export const staffMemberParams = z.strictObject({ siteId: z.uuid(), userId: z.uuid() });

export const directoryQuery = z.strictObject({
  /** Words in a service's or organization's name or description. */
  q: z.string().trim().max(100).optional(),
  category: serviceCategorySchema.optional(),
  /** A language code (en, es) or name. */
  language: z.string().trim().min(1).max(40).optional(),
  capacity: capacitySchema.optional(),
});

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** A phone as the directory shows it. */
export const directoryPhone = z.object({
  number: z.string(),
  extension: z.string().nullable(),
  type: z.string().nullable(),
});

export const directoryLocation = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  /** Opening hours, one line each ("Mo-Fr 09:00-17:00" or the description given). */
  hours: z.array(z.string()),
});

export const directoryService = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(SERVICE_STATUSES),
    categories: z.array(serviceCategorySchema),
    capacity: capacitySchema,
    capacityUpdatedAt: z.iso.datetime().nullable(),
    languages: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable() })),
    phones: z.array(directoryPhone),
    hours: z.array(z.string()),
    locations: z.array(directoryLocation),
    email: z.string().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'DirectoryService' });
export type DirectoryService = z.infer<typeof directoryService>;

export const directoryResponse = z.object({ services: z.array(directoryService) });

export const directoryOrganization = z
  .object({
    id: z.uuid(),
    name: z.string(),
    alternateName: z.string().nullable(),
    description: z.string(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    phones: z.array(directoryPhone),
    locations: z.array(directoryLocation),
    services: z.array(directoryService),
  })
  .meta({ id: 'DirectoryOrganization' });
export type DirectoryOrganization = z.infer<typeof directoryOrganization>;

export const organizationsResponse = z.object({
  organizations: z.array(z.object({ id: z.uuid(), name: z.string(), services: z.number().int() })),
});

export const organizationRequest = z.strictObject({
  name: z.string().trim().min(1).max(300),
  alternateName: optionalText(300),
  description: z.string().trim().max(10000),
  email: z.email().max(300).nullable().optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
  phone: optionalText(100),
});
export type OrganizationRequest = z.infer<typeof organizationRequest>;

export const organizationUpdate = organizationRequest.partial();
export type OrganizationUpdate = z.infer<typeof organizationUpdate>;

export const serviceRequest = z.strictObject({
  name: z.string().trim().min(1).max(300),
  description: optionalText(10000),
  status: z.enum(SERVICE_STATUSES).default('active'),
  categories: z.array(serviceCategorySchema).max(SERVICE_CATEGORIES.length).default([]),
  /** ISO 639-1 codes of the languages it is offered in. */
  languages: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/),
    )
    .max(30)
    .default([]),
  email: z.email().max(300).nullable().optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
  phone: optionalText(100),
  /** Opening hours in words ("Mon-Fri 9am-5pm, walk-ins until 3"). */
  hours: optionalText(500),
  capacity: capacitySchema.optional(),
});
export type ServiceRequest = z.infer<typeof serviceRequest>;

export const serviceUpdate = z.strictObject({
  name: z.string().trim().min(1).max(300).optional(),
  description: optionalText(10000),
  status: z.enum(SERVICE_STATUSES).optional(),
  categories: z.array(serviceCategorySchema).max(SERVICE_CATEGORIES.length).optional(),
  email: z.email().max(300).nullable().optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
});
export type ServiceUpdate = z.infer<typeof serviceUpdate>;

export const capacityRequest = z.strictObject({ capacity: capacitySchema });

export const providerOrganizationRequest = z.strictObject({ organizationId: z.uuid() });
export const providerOrganizationResponse = z.object({
  userId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
});

/** An HSDS 3.0 page of full organizations (checked against the official schemas before it is sent). */
export const hsdsPage = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.record(z.string(), z.unknown())),
});
