import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { gapsResponse } from '../../../contracts/on-call.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { base, LEVELS, type OnCall } from './on-call-shared.tsx';

type Gaps = z.infer<typeof gapsResponse>;

/** The coverage gaps of the next 14 days (nobody primary, or nobody backup), or that there are none. */
export function CoverageGaps({ site, dateTime }: { site: SessionSite; dateTime: (iso: string) => string }) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const gaps = useQuery({
    queryKey: ['on-call-gaps', site.id],
    queryFn: () => api.request<Gaps>('GET', `${base(site.id)}/gaps?days=14`),
  });
  return (
    <section aria-labelledby="on-call-gaps">
      <Title order={2} size="h3" id="on-call-gaps" mb="xs">
        {t('onCall.gapsTitle')}
      </Title>
      {gaps.isPending && <PageLoader />}
      {gaps.isError && <ErrorAlert error={gaps.error} onRetry={() => void gaps.refetch()} />}
      {gaps.data &&
        (gaps.data.gaps.length === 0 ? (
          <Alert color="green" variant="light" data-testid="coverage-gaps" data-gaps="0">
            {t('onCall.noGaps')}
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="filled"
            role="alert"
            title={t('onCall.gapsCount', { count: gaps.data.gaps.length })}
            data-testid="coverage-gaps"
            data-gaps={gaps.data.gaps.length}
          >
            <Stack component="ul" gap={2} m={0} pl="md">
              {gaps.data.gaps.map((gap) => (
                <li key={`${gap.level}-${gap.from}`}>
                  <strong>{t(`level.${gap.level}`)}</strong>: {dateTime(gap.from)} – {dateTime(gap.to)}
                </li>
              ))}
            </Stack>
          </Alert>
        ))}
    </section>
  );
}

/** Who is on call right now at each level, or nobody (in red). */
export function OnCallNow({ roster }: { roster: OnCall }) {
  const { t } = useTranslation('dispatch');
  return (
    <section aria-labelledby="on-call-now">
      <Title order={2} size="h3" id="on-call-now" mt="lg" mb="xs">
        {t('onCall.now')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        {LEVELS.map((level) => {
          const who = roster.onCallNow.find((entry) => entry.level === level);
          return (
            <Card key={level} withBorder padding="sm" data-testid={`on-call-now-${level}`}>
              <Text size="sm" c="dimmed">
                {t(`level.${level}`)}
              </Text>
              <Text fw={700} c={who ? undefined : 'red'}>
                {who ? who.displayName : t('onCall.nobody')}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
