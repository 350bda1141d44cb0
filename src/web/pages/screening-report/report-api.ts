// The screening report: every screening and offer counted by one dimension, and rule outcomes
// (GET /api/v1/sites/:siteId/reports/screenings).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { screeningReportResponse } from '../../../contracts/screening.ts';
import { useApi } from '../../api/api-context.tsx';

export type ScreeningReport = z.infer<typeof screeningReportResponse>;
export type FunnelRow = ScreeningReport['rows'][number];
export const DIMENSIONS = ['pathway', 'race', 'ethnicity', 'gender'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The day after a YYYY-MM-DD date: the API's "to" is exclusive, the form's is the last day shown. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function useScreeningReport(siteId: string, by: Dimension, from: string, to: string) {
  const api = useApi();
  const query = new URLSearchParams({ by });
  if (DATE.test(from)) query.set('from', from);
  if (DATE.test(to)) query.set('to', dayAfter(to));
  return useQuery({
    queryKey: ['screening-report', siteId, query.toString()],
    queryFn: () =>
      api.request<ScreeningReport>(
        'GET',
        `/api/v1/sites/${encodeURIComponent(siteId)}/reports/screenings?${query}`,
      ),
    placeholderData: keepPreviousData,
  });
}
