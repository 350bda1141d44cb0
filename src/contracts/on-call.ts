import { z } from 'zod';
import { siteParams } from './common.ts';

/** A local wall-clock time, 00:00–23:59. */
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time written HH:MM (00:00–23:59)');

/** 1 primary, 2 backup, 3 mobile crisis or program manager. */
export const escalationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const patternShift = z.strictObject({
  weekday: z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday, the day the shift starts'),
  startsAt: localTime,
  endsAt: localTime.describe('On the next day when not later than startsAt (22:00–08:00 is a night shift)'),
  level: escalationLevel,
  userId: z.uuid(),
});

export const replacePatternRequest = z.strictObject({ shifts: z.array(patternShift).max(500) });

export const addOverrideRequest = z.strictObject({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  level: escalationLevel,
  userId: z.uuid().nullable().describe('null: nobody holds this level then (a holiday gap)'),
  reason: z.string().trim().min(1).max(500),
});

export const overrideParams = siteParams.extend({ overrideId: z.uuid() });

export const gapsQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(28).default(14) });

const shiftResponse = z
  .object({
    id: z.uuid(),
    weekday: z.number(),
    startsAt: z.string(),
    endsAt: z.string(),
    level: escalationLevel,
    userId: z.uuid(),
    displayName: z.string(),
  })
  .meta({ id: 'OnCallShift' });

export const overrideResponse = z
  .object({
    id: z.uuid(),
    startsAt: z.string(),
    endsAt: z.string(),
    level: escalationLevel,
    userId: z.uuid().nullable(),
    displayName: z.string().nullable(),
    reason: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OnCallOverride' });

export const onCallResponse = z
  .object({
    timezone: z.string(),
    pattern: z.array(shiftResponse),
    overrides: z.array(overrideResponse),
    onCallNow: z.array(z.object({ level: escalationLevel, userId: z.uuid(), displayName: z.string() })),
  })
  .meta({ id: 'OnCall' });

export const gapsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    timezone: z.string(),
    gaps: z.array(z.object({ level: escalationLevel, from: z.string(), to: z.string() })),
  })
  .meta({ id: 'OnCallGaps' });
