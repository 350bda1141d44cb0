import { Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CARE_TEAM } from '../../../domain/access/roles.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite, StaffMember } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { CoverageGaps, OnCallNow } from './coverage.tsx';
import { HandoffSettings } from './handoff-settings.tsx';
import { Overrides } from './on-call-overrides.tsx';
import { base, type OnCall } from './on-call-shared.tsx';
import { WeeklyPattern } from './weekly-pattern.tsx';

/**
 * The site's on-call roster: the coverage gaps of the next 14 days first (nobody primary, or nobody
 * backup), who is on call now, the weekly pattern by level and the overrides (swaps, holidays).
 * Program managers edit (people picked from the site's care team); the care team views.
 */
export function OnCallPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('dispatch');
  const { t: common } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const canManage = site.actions.includes('on_call:manage');
  const roster = useQuery({
    queryKey: ['on-call', site.id],
    queryFn: () => api.request<OnCall>('GET', base(site.id)),
  });
  const staff = useQuery({
    queryKey: ['staff', site.id],
    queryFn: () => api.listStaff(site.id),
    enabled: canManage && site.actions.includes('staff:list'),
  });
  const careTeam = (staff.data?.staff ?? []).filter(
    (member: StaffMember) => !member.locked && member.roles.some((role) => CARE_TEAM.includes(role)),
  );
  const refresh = (answer?: OnCall) => {
    if (answer) queryClient.setQueryData(['on-call', site.id], answer);
    void queryClient.invalidateQueries({ queryKey: ['on-call-gaps', site.id] });
  };

  const dateTime = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: site.timezone,
    });
  const weekday = (day: number) =>
    new Date(Date.UTC(2023, 0, 1 + day)).toLocaleDateString(i18n.language, {
      weekday: 'long',
      timeZone: 'UTC',
    });

  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('onCall.title')}</PageTitle>
      <Text mb="md">{t('onCall.intro', { timezone: site.timezone })}</Text>

      <CoverageGaps site={site} dateTime={dateTime} />

      {roster.isPending && <PageLoader />}
      {roster.isError && <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.data && (
        <>
          <OnCallNow roster={roster.data} />
          <WeeklyPattern
            key={roster.dataUpdatedAt}
            site={site}
            roster={roster.data}
            canManage={canManage}
            careTeam={careTeam}
            weekday={weekday}
            onSaved={refresh}
          />
          <Overrides
            site={site}
            roster={roster.data}
            canManage={canManage}
            careTeam={careTeam}
            dateTime={dateTime}
            onChanged={refresh}
          />
        </>
      )}
      {staff.isError && <ErrorAlert error={staff.error} />}
      {site.actions.includes('handoffs:settings') && <HandoffSettings site={site} />}
    </>
  );
}
