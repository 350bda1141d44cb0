import '../field/field.css';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useOnline } from '../../offline/use-online.ts';
import { PATHS } from '../../routing.ts';
import { getHandoff, type Handoff, liveStreamUrl } from './handoff-api.ts';

/** When the live stream is down, the page asks the server this often instead. */
const POLL_MS = 15_000;

const ENDED: ReadonlySet<Handoff['state']> = new Set([
  'arrived',
  'handed_off_by_phone',
  'unable',
  'unanswered',
]);

/**
 * Listens to the site's live stream (Server-Sent Events, the session cookie) and calls `onUpdate`
 * for each 'handoff.updated' event about this hand-off, and again after a reconnection (an event
 * may have been missed meanwhile). Answers whether the stream is connected now.
 */
function useLiveUpdates(siteId: string, handoffId: string, onUpdate: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(liveStreamUrl(siteId));
    let opened = false;
    source.onopen = () => {
      setConnected(true);
      if (opened) latest.current();
      opened = true;
    };
    source.onerror = () => setConnected(false);
    source.addEventListener('handoff.updated', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { handoffId?: unknown };
        if (data.handoffId === handoffId) latest.current();
      } catch {
        latest.current();
      }
    });
    return () => {
      source.close();
      setConnected(false);
    };
  }, [siteId, handoffId]);
  return connected;
}

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
 * step's time. It follows the live stream, and asks every 15 s while the stream is down. Read from
 * the server, kept in memory only.
 */
export function HandoffPage({ site, handoffId }: { site: SessionSite; handoffId: string }) {
  const { t, i18n } = useTranslation('field');
  const api = useApi();
  const online = useOnline();
  const [streamDown, setStreamDown] = useState(false);
  const handoff = useQuery({
    queryKey: ['handoff', site.id, handoffId],
    queryFn: () => getHandoff(api, site.id, handoffId),
    gcTime: 0,
    refetchInterval: (query) =>
      streamDown && !(query.state.data && ENDED.has(query.state.data.state)) ? POLL_MS : false,
  });
  const connected = useLiveUpdates(site.id, handoffId, () => void handoff.refetch());
  useEffect(() => {
    // A short grace period: the stream takes a moment to open; polling starts if it stays down.
    if (connected) {
      setStreamDown(false);
      return;
    }
    const timer = setTimeout(() => setStreamDown(true), 3_000);
    return () => clearTimeout(timer);
  }, [connected]);

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
      <AppLink to={PATHS.myReferrals} size="sm">
        {t('handoff.back')}
      </AppLink>
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
