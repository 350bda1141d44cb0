import { z } from 'zod';

const localDate = z.iso.date();

/** A period of the site's local calendar: from its first day up to (not including) `to`. */
export const handoffFiguresQuery = z
  .strictObject({ from: localDate, to: localDate })
  .refine((period) => period.from < period.to, { path: ['to'], message: '`to` must be after `from`.' })
  .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= 731 * 86_400_000, {
    path: ['to'],
    message: 'At most two years at a time.',
  });

/** Median and 90th percentile (linear interpolation, as SQL percentile_cont), in whole seconds. */
const duration = z.strictObject({
  count: z.number().int(),
  medianSeconds: z.number().int().nullable(),
  p90Seconds: z.number().int().nullable(),
});

/** A share between 0 and 1 (four decimals), null when there is nothing to divide by. */
const share = z.number().min(0).max(1).nullable();

/**
 * Response figures of a site's warm hand-offs over a period: aggregates only, no person and no
 * responder named. Hand-offs counted are those requested in the period; accepted referrals are
 * those accepted in the period (whatever the time of their hand-off).
 */
export const handoffFigures = z
  .strictObject({
    from: localDate,
    to: localDate,
    timezone: z.string(),
    /** The site's target now (request to arrival or phone hand-off), in minutes. */
    targetMinutes: z.number().int(),
    handoffs: z.strictObject({
      count: z.number().int(),
      /** By their state now. */
      byState: z.strictObject({
        requested: z.number().int(),
        acknowledged: z.number().int(),
        en_route: z.number().int(),
        arrived: z.number().int(),
        handed_off_by_phone: z.number().int(),
        unable: z.number().int(),
        unanswered: z.number().int(),
      }),
      /** Escalated past the last level with no one acknowledging (even if answered late later). */
      unanswered: z.number().int(),
      /**
       * Arrived or handed off by phone later than the target after the request, or never: ended
       * unable or unanswered, or still open past the target.
       */
      overTarget: z.number().int(),
      overTargetShare: share,
    }),
    /** Request to the first acknowledgement, for those acknowledged. */
    timeToAcknowledge: duration,
    /** Request to arrival in person, for those that arrived. */
    timeToArrival: duration,
    acceptedReferrals: z.strictObject({
      count: z.number().int(),
      /** With a hand-off that arrived in person (a warm hand-off). */
      warmHandoff: z.number().int(),
      warmHandoffShare: share,
      /** With a hand-off completed by phone and none in person. */
      byPhone: z.number().int(),
      byPhoneShare: share,
    }),
  })
  .meta({ id: 'HandoffFigures' });
