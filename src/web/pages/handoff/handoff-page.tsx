import '../field/field.css';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { POLL_MS, useLiveEvents, useStreamDown } from '../../live/use-live-events.ts';
import { useOnline } from '../../offline/use-online.ts';
import { PATHS } from '../../routing.ts';
import { getHandoff, type Handoff } from './handoff-api.ts';
import { mayRespond, ResponderActions } from './responder-actions.tsx';

const HANDOFF_EVENTS = ['handoff.offered', 'handoff.updated'] as const;

const ENDED: ReadonlySet<Handoff['state']> = new Set([
  'arrived',
  'handed_off_by_phone',
  'unable',
  'unanswered',
]);

/** The state in plain words, for the officer (a responder's reason for "unable" is not shown). */
function stateWords(t: (key: string, options?: Record<string, unknown>) => string, handoff: Handoff) {
  switch (handoff.state) {
    case 'requested':
      return handoff.level > 1 ? t('handoff.state.escalated') : t('handoff.state.requested');
    case 'acknowledged':
    case 'en_route':
      if (handoff.mode === 'phone')
        return handoff.etaMinutes === null
          ? t('handoff.state.willCall')
          : t('handoff.state.willCallEta', { count: handoff.etaMinutes });
      return handoff.etaMinutes === null
        ? t('handoff.state.onTheWay')
        : t('handoff.state.onTheWayEta', { count: handoff.etaMinutes });
    default:
      return t(`handoff.state.${handoff.state}`);
  }
}

/** Answered for good: nothing more to say (unanswered may still be acknowledged late). */
const FINAL: ReadonlySet<Handoff['state']> = new Set(['arrived', 'handed_off_by_phone', 'unable']);

const COLORS: Record<Handoff['state'], string> = {
  requested: 'blue',
  acknowledged: 'green',
  en_route: 'green',
  arrived: 'green',
  handed_off_by_phone: 'green',
  unable: 'red',
  unanswered: 'red',
};

/**
 * One hand-off's live status for the officer who asked for it: the state in plain words and each
 * step's time; for the person it is offered to (or a program manager), the answers too. It follows the live stream, and asks every 15 s while the stream is down. Read from
 * the server, kept in memory only.
 */
export function HandoffPage({ site, handoffId }: { site: SessionSite; handoffId: string }) {
  const { t, i18n } = useTranslation('field');
  const api = useApi();
  const online = useOnline();
  const queryClient = useQueryClient();
  const queryKey = ['handoff', site.id, handoffId];
  // Every hand-off event addressed to the viewer about this one (offered to them, or updated).
  const connected = useLiveEvents(site.id, HANDOFF_EVENTS, (_type, data) => {
    if (!data || data.handoffId === undefined || data.handoffId === handoffId)
      void queryClient.invalidateQueries({ queryKey });
  });
  const streamDown = useStreamDown(connected);
  const handoff = useQuery({
    queryKey,
    queryFn: () => getHandoff(api, site.id, handoffId),
    gcTime: 0,
    refetchInterval: (query) =>
      streamDown && !(query.state.data && ENDED.has(query.state.data.state)) ? POLL_MS : false,
  });

  const time = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleTimeString(i18n.language, { timeStyle: 'short', timeZone: site.timezone })
      : null;
  const current = handoff.data;
  const ended = current ? ENDED.has(current.state) : false;
  const expected =
    current?.acknowledgedAt && current.etaMinutes !== null && !ended
      ? time(new Date(Date.parse(current.acknowledgedAt) + current.etaMinutes * 60_000).toISOString())
      : null;
  const times = current
    ? (
        [
          ['requestedAt', current.requestedAt],
          ['acknowledgedAt', current.acknowledgedAt],
          ['enRouteAt', current.enRouteAt],
          ['endedAt', current.endedAt],
        ] as const
      ).filter((entry): entry is readonly [(typeof entry)[0], string] => entry[1] !== null)
    : [];

  return (
    <>
      {current && !current.requestedByMe && site.actions.includes('handoffs:queue') ? (
        <AppLink to={PATHS.handoffQueue} size="sm">
          {t('queue.title', { ns: 'dispatch' })}
        </AppLink>
      ) : (
        <AppLink to={PATHS.myReferrals} size="sm">
          {t('handoff.back')}
        </AppLink>
      )}
      <PageTitle>{t('handoff.title')}</PageTitle>
      {!online && (
        <Alert color="gray" variant="light" mb="md" role="status">
          {t('handoff.offline')}
        </Alert>
      )}
      {handoff.isPending && <PageLoader />}
      {handoff.isError && <ErrorAlert error={handoff.error} onRetry={() => void handoff.refetch()} />}
      {current && (
        <Stack gap="md">
          <Card withBorder padding="md" data-testid="handoff-status" data-state={current.state}>
            <Group justify="space-between" gap="xs" mb="xs">
              <Badge variant="light" tt="none" color={COLORS[current.state]}>
                {t(current.mode === 'phone' ? 'handoff.byPhone' : 'handoff.inPerson')}
              </Badge>
              {!ended && (
                <Text size="sm" c="dimmed" data-testid="handoff-live">
                  {connected ? t('handoff.live') : t('handoff.polling')}
                </Text>
              )}
            </Group>
            <Text size="xl" fw={700} role="status" aria-live="polite" data-testid="handoff-state">
              {stateWords(t, current)}
            </Text>
            {expected && (
              <Text mt={4} data-testid="handoff-expected">
                {t('handoff.expected', { time: expected })}
              </Text>
            )}
            {(current.state === 'unable' || current.state === 'unanswered') && (
              <Text mt={4} fw={600}>
                {t('handoff.callLine')}
              </Text>
            )}
          </Card>
          {mayRespond(site, current) && !FINAL.has(current.state) && (
            <ResponderActions site={site} handoff={current} />
          )}
          <Stack component="dl" gap={4} m={0} aria-label={t('handoff.times')}>
            {times.map(([key, at]) => (
              <Group key={key} justify="space-between" gap="xs" wrap="nowrap">
                <Text component="dt">{t(`handoff.at.${key}`)}</Text>
                <Text component="dd" m={0} fw={600}>
                  {time(at)}
                </Text>
              </Group>
            ))}
          </Stack>
          <Button size="lg" variant="default" onClick={() => void handoff.refetch()}>
            {t('handoff.refresh')}
          </Button>
        </Stack>
      )}
    </>
  );
}
