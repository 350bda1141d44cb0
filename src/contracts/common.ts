import { z } from 'zod';
import { ROLES } from '../domain/access/roles.ts';

/** Every error the API sends has this shape. */
export const errorResponse = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof errorResponse>;

export const siteParams = z.strictObject({ siteId: z.uuid() });

export const roleSchema = z.enum(ROLES);

export const emptyResponse = z.object({ ok: z.literal(true) });
