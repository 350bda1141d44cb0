import {
  Alert,
  Card,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { handoffFigures } from '../../../contracts/handoff-figures.ts';
import { addDays, localDateOf } from '../../../domain/on-call/local-time.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';

type Figures = z.infer<typeof handoffFigures>;

const PRESETS = ['7', '30', '90', '365', 'custom'] as const;
type Preset = (typeof PRESETS)[number];

const STATES = [
  'requested',
  'acknowledged',
  'en_route',
  'arrived',
  'handed_off_by_phone',
  'unable',
  'unanswered',
] as const;

const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** 'YYYY-MM-DD' of a local date from localDateOf (UTC midnight of that calendar day). */
const isoDate = (localDate: number) => new Date(localDate).toISOString().slice(0, 10);

/** The last `days` site-local days, today included: [from, to) with `to` tomorrow. */
function lastDays(days: number, timeZone: string): { from: string; to: string } {
  const today = localDateOf(new Date(), timeZone);
  return { from: isoDate(addDays(today, 1 - days)), to: isoDate(addDays(today, 1)) };
}

/**
 * The site's warm hand-off response figures over a period (aggregates only, no one named): time to
 * acknowledge and to arrival (median and 90th percentile), the share of accepted referrals with a
 * warm hand-off, the hand-offs over the site's target, and the unanswered ones.
 */
export function HandoffReportPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('dispatch');
  const { t: common } = useTranslation();
  const api = useApi();
  const [preset, setPreset] = useState<Preset>('30');
  const [custom, setCustom] = useState(() => lastDays(30, site.timezone));
  const period = preset === 'custom' ? custom : lastDays(Number(preset), site.timezone);
  // The API's period is [from, to); the page asks for the last day included, so "to" is shown minus one.
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(period.from) &&
    /^\d{4}-\d{2}-\d{2}$/.test(period.to) &&
    period.from < period.to;
  const figures = useQuery({
    queryKey: ['handoff-figures', site.id, period.from, period.to],
    queryFn: () =>
      api.request<Figures>(
        'GET',
        `/api/v1/sites/${encodeURIComponent(site.id)}/reports/handoffs?${new URLSearchParams(period)}`,
      ),
    enabled: valid,
  });
  const lastIncluded = (to: string) => isoDate(Date.parse(to) - 86_400_000);
  const nextDay = (date: string) => isoDate(Date.parse(date) + 86_400_000);
  const percent = (share: number | null) =>
    share === null
      ? '—'
      : share.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const duration = (seconds: number | null) => {
    if (seconds === null) return '—';
    if (seconds < 60) return t('report.seconds', { count: seconds });
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return t('report.minutes', { count: minutes });
    return t('report.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('report.title')}</PageTitle>
      <Text mb="md">{t('report.intro')}</Text>
      <Group gap="sm" align="flex-start" wrap="wrap" mb="md">
        <NativeSelect
          label={t('report.period')}
          value={preset}
          onChange={(event) => setPreset(event.currentTarget.value as Preset)}
          data={PRESETS.map((value) => ({ value, label: t(`report.presets.${value}`) }))}
          w={{ base: '100%', xs: 200 }}
        />
        {preset === 'custom' && (
          <>
            <TextInput
              label={t('report.from')}
              type="date"
              value={custom.from}
              onChange={(event) => setCustom({ ...custom, from: event.currentTarget.value })}
              w={{ base: 'calc(50% - 6px)', xs: 170 }}
            />
            <TextInput
              label={t('report.to')}
              type="date"
              value={/^\d{4}-\d{2}-\d{2}$/.test(custom.to) ? lastIncluded(custom.to) : ''}
              onChange={(event) =>
                setCustom({
                  ...custom,
                  to: /^\d{4}-\d{2}-\d{2}$/.test(event.currentTarget.value)
                    ? nextDay(event.currentTarget.value)
                    : '',
                })
              }
              error={valid ? undefined : t('report.backwards')}
              w={{ base: 'calc(50% - 6px)', xs: 170 }}
            />
          </>
        )}
      </Group>
      {figures.isPending && valid && <PageLoader />}
      {figures.isError && <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />}
      {figures.data && <FigureCards figures={figures.data} percent={percent} duration={duration} />}
    </>
  );
}

function FigureCards({
  figures,
  percent,
  duration,
}: {
  figures: Figures;
  percent: (share: number | null) => string;
  duration: (seconds: number | null) => string;
}) {
  const { t } = useTranslation('dispatch');
  const { handoffs, timeToAcknowledge, timeToArrival, acceptedReferrals } = figures;
  return (
    <>
      {handoffs.count === 0 && (
        <Alert color="gray" variant="light" mb="md">
          {t('report.none')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Card withBorder padding="md" data-testid="figure-acknowledge">
          <Text c="dimmed" size="sm">
            {t('report.timeToAcknowledge', { count: timeToAcknowledge.count })}
          </Text>
          <Text size="xl" fw={700}>
            {t('report.median', { value: duration(timeToAcknowledge.medianSeconds) })}
          </Text>
          <Text>{t('report.p90', { value: duration(timeToAcknowledge.p90Seconds) })}</Text>
        </Card>
        <Card withBorder padding="md" data-testid="figure-arrival">
          <Text c="dimmed" size="sm">
            {t('report.timeToArrival', { count: timeToArrival.count })}
          </Text>
          <Text size="xl" fw={700}>
            {t('report.median', { value: duration(timeToArrival.medianSeconds) })}
          </Text>
          <Text>{t('report.p90', { value: duration(timeToArrival.p90Seconds) })}</Text>
        </Card>
        <Card withBorder padding="md" data-testid="figure-warm">
          <Text c="dimmed" size="sm">
            {t('report.warmShare')}
          </Text>
          <Text size="xl" fw={700}>
            {percent(acceptedReferrals.warmHandoffShare)}
          </Text>
          <Progress
            value={(acceptedReferrals.warmHandoffShare ?? 0) * 100}
            color="green"
            my={4}
            aria-hidden="true"
          />
          <Text size="sm">
            {t('report.warmOf', { warm: acceptedReferrals.warmHandoff, count: acceptedReferrals.count })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('report.byPhone', {
              count: acceptedReferrals.byPhone,
              share: percent(acceptedReferrals.byPhoneShare),
            })}
          </Text>
        </Card>
        <Card withBorder padding="md" data-testid="figure-over-target">
          <Text c="dimmed" size="sm">
            {t('report.overTarget', { minutes: figures.targetMinutes })}
          </Text>
          <Text size="xl" fw={700} c={handoffs.overTarget > 0 ? 'red' : undefined}>
            {t('report.ofHandoffs', { value: handoffs.overTarget, count: handoffs.count })}
          </Text>
          <Text size="sm">{percent(handoffs.overTargetShare)}</Text>
        </Card>
        <Card withBorder padding="md" data-testid="figure-unanswered">
          <Text c="dimmed" size="sm">
            {t('report.unanswered')}
          </Text>
          <Text size="xl" fw={700} c={handoffs.unanswered > 0 ? 'red' : undefined}>
            {t('report.ofHandoffs', { value: handoffs.unanswered, count: handoffs.count })}
          </Text>
        </Card>
      </SimpleGrid>
      <Title order={2} size="h3" mt="lg" mb="xs">
        {t('report.byState')}
      </Title>
      <Table.ScrollContainer minWidth={280}>
        <Table striped withTableBorder>
          <Table.Tbody>
            {STATES.map((state) => (
              <Table.Tr key={state}>
                <Table.Td>{t(`state.${state}`)}</Table.Td>
                <Table.Td style={NUMBER}>{handoffs.byState[state]}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700}>{t('report.total')}</Table.Td>
              <Table.Td style={NUMBER} fw={700}>
                {handoffs.count}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed" mt="sm">
        {t('report.note', { timezone: figures.timezone })}
      </Text>
    </>
  );
}
