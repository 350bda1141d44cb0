import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { pendingIntake, pendingIntakesResponse } from '../../../contracts/pending-intakes.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { referralPath } from '../review/paths.ts';

type PendingIntake = z.infer<typeof pendingIntake>;

/** The query key the queue page refreshes when a hand-off changes. */
export const pendingIntakesKey = (siteId: string) => ['intakes-pending', siteId];

function urgency(daysLeft: number): string {
  if (daysLeft <= 2) return 'red';
  if (daysLeft <= 7) return 'orange';
  return 'gray';
}

/**
 * Accepted referrals still waiting for their intake, soonest deadline first (the API's order), for
 * the care team: the person, the deadline and days left, the last hand-off and the case manager.
 */
export function PendingIntakes({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('dispatch');
  const { t: program } = useTranslation('program');
  const api = useApi();
  const allowed = site.actions.includes('intakes:pending');
  const intakes = useQuery({
    queryKey: pendingIntakesKey(site.id),
    queryFn: () =>
      api.request<z.infer<typeof pendingIntakesResponse>>(
        'GET',
        `/api/v1/sites/${encodeURIComponent(site.id)}/intakes/pending`,
      ),
    enabled: allowed,
    gcTime: 0,
  });
  const loaded = intakes.data !== undefined;
  useEffect(() => {
    // The home card "Intakes due" opens /queue#intakes: bring this section into view once loaded.
    if (loaded && window.location.hash === '#intakes') document.getElementById('intakes')?.scrollIntoView();
  }, [loaded]);
  if (!allowed) return null;
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium', timeZone: site.timezone });
  const left = (entry: PendingIntake) => {
    if (entry.daysLeft === 0) return t('intakes.dueToday');
    if (entry.daysLeft < 0) return t('intakes.overdue', { count: -entry.daysLeft });
    return t('intakes.daysLeft', { count: entry.daysLeft });
  };
  const list = intakes.data?.pendingIntakes ?? [];
  return (
    <section aria-labelledby="queue-intakes" id="intakes">
      <Title order={2} id="queue-intakes" size="h3" mt="xl" mb="xs">
        {t('intakes.title')}
      </Title>
      {intakes.isPending && <PageLoader />}
      {intakes.isError && <ErrorAlert error={intakes.error} onRetry={() => void intakes.refetch()} />}
      {intakes.data && list.length === 0 && <Text c="dimmed">{t('intakes.empty')}</Text>}
      <Stack
        component="ul"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('intakes.title')}
      >
        {list.map((entry) => (
          <Card
            key={entry.referralId}
            component="li"
            withBorder
            padding="sm"
            data-testid="pending-intake"
            data-days-left={entry.daysLeft}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <AppLink to={referralPath(entry.referralId)} fw={700}>
                  {entry.personName}
                </AppLink>
                <Text size="sm" c="dimmed">
                  {program(`pathway.${entry.pathway}`)} ·{' '}
                  {t('intakes.accepted', { date: date(entry.acceptedAt) })}
                </Text>
                <Text size="sm">{t('intakes.due', { date: date(entry.dueAt) })}</Text>
                <Text size="sm" c="dimmed">
                  {entry.caseManager
                    ? t('intakes.caseManager', { name: entry.caseManager.displayName })
                    : t('intakes.noCaseManager')}
                  {entry.latestHandoff
                    ? ` · ${t('intakes.lastHandoff', { state: t(`state.${entry.latestHandoff.state}`) })}`
                    : ''}
                </Text>
              </div>
              <Badge color={urgency(entry.daysLeft)} tt="none" style={{ flexShrink: 0 }}>
                {left(entry)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
