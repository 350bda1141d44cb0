import '../field/field.css';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { beep } from '../../live/beep.ts';
import { POLL_MS, useLiveEvents, useStreamDown } from '../../live/use-live-events.ts';
import { PATHS } from '../../routing.ts';
import { referralPath } from '../review/paths.ts';
import { type HandoffSummary, listOpenHandoffs } from './handoff-api.ts';
import { MyAlerts } from './my-alerts.tsx';
import { handoffPath } from './paths.ts';
import { PendingIntakes, pendingIntakesKey } from './pending-intakes.tsx';
import { mayRespond, ResponderActions } from './responder-actions.tsx';

const HANDOFF_EVENTS = ['handoff.offered', 'handoff.updated'] as const;

/** How often the queue refreshes hand-offs offered to other people while the stream is up. */
const OTHERS_MS = 30_000;

/** Offered to me first, then the oldest first (the one waiting longest). */
function queueOrder(a: HandoffSummary, b: HandoffSummary): number {
  if (a.offeredToMe !== b.offeredToMe) return a.offeredToMe ? -1 : 1;
  return a.requestedAt.localeCompare(b.requestedAt);
}

/**
 * The care team's queue: live incoming hand-offs first (the open-queue route, refetched on each
 * live event addressed to the viewer, every 30 s for the others', every 15 s while the stream is
 * down), each with the answers the viewer may
 * give; then pending intakes by deadline. A new offer shows an obvious banner (and beeps).
 */
export function QueuePage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('dispatch');
  const { t: common } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<number | null>(null);
  const connected = useLiveEvents(site.id, HANDOFF_EVENTS, (type, data) => {
    void queryClient.invalidateQueries({ queryKey: ['handoffs', site.id] });
    void queryClient.invalidateQueries({ queryKey: pendingIntakesKey(site.id) });
    if (type === 'handoff.offered') {
      // The server's time of the offer (the event's), not this device's clock.
      const at = data?.at ? Date.parse(data.at) : Number.NaN;
      setAlert(Number.isNaN(at) ? Date.now() : at);
      beep();
    }
  });
  const streamDown = useStreamDown(connected);
  const handoffs = useQuery({
    queryKey: ['handoffs', site.id],
    queryFn: () => listOpenHandoffs(api, site.id),
    gcTime: 0,
    // The stream carries only events addressed to the viewer (offered to them, or theirs that
    // changed); hand-offs offered to others are refreshed every 30 s, every 15 s with no stream.
    refetchInterval: streamDown ? POLL_MS : OTHERS_MS,
  });

  const time = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: site.timezone,
    });
  const list = [...(handoffs.data?.handoffs ?? [])].sort(queueOrder);
  const waitingForMe = list.filter((each) => each.offeredToMe && each.state === 'requested').length;

  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('queue.title')}</PageTitle>
      <Group justify="space-between" mb="sm" gap="xs">
        <Text>{t('queue.intro')}</Text>
        <Badge
          variant="dot"
          tt="none"
          color={connected ? 'green' : 'gray'}
          data-testid="queue-live"
          data-connected={connected ? 'true' : 'false'}
        >
          {connected ? t('queue.live') : streamDown ? t('queue.polling') : t('queue.connecting')}
        </Badge>
      </Group>
      <MyAlerts site={site} />
      {alert !== null && (
        <Alert
          color="red"
          variant="filled"
          mb="md"
          role="alert"
          data-testid="handoff-alert"
          title={t('queue.alertTitle')}
          withCloseButton
          closeButtonLabel={t('queue.dismiss')}
          onClose={() => setAlert(null)}
        >
          {t('queue.alertBody', { time: time(new Date(alert).toISOString()) })}
        </Alert>
      )}
      <section aria-labelledby="queue-handoffs">
        <Title order={2} id="queue-handoffs" size="h3" mb="xs">
          {t('queue.handoffs')}
          {waitingForMe > 0 && (
            <Badge ml="xs" color="red" tt="none" data-testid="waiting-for-me">
              {t('queue.waitingForMe', { count: waitingForMe })}
            </Badge>
          )}
        </Title>
        {handoffs.isPending && <PageLoader />}
        {handoffs.isError && <ErrorAlert error={handoffs.error} onRetry={() => void handoffs.refetch()} />}
        {handoffs.data && list.length === 0 && <Text c="dimmed">{t('queue.noHandoffs')}</Text>}
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('queue.handoffs')}
        >
          {list.map((handoff) => (
            <Card
              key={handoff.id}
              component="li"
              withBorder
              padding="sm"
              data-testid="queue-handoff"
              data-handoff-id={handoff.id}
              data-state={handoff.state}
              style={
                handoff.offeredToMe && handoff.state === 'requested'
                  ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 }
                  : undefined
              }
            >
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={700} data-testid="queue-handoff-state">
                    {t(`state.${handoff.state}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t(handoff.mode === 'phone' ? 'mode.phone' : 'mode.in_person')} ·{' '}
                    {t('queue.requestedAt', { time: time(handoff.requestedAt) })}
                  </Text>
                  <Text size="sm">
                    {handoff.offeredToMe ? t('queue.offeredToYou') : t(`level.${handoff.level}`)}
                    {handoff.etaMinutes !== null ? ` · ${t('queue.eta', { count: handoff.etaMinutes })}` : ''}
                  </Text>
                </div>
                {handoff.offeredToMe && handoff.state === 'requested' && (
                  <Badge color="red" tt="none" style={{ flexShrink: 0 }}>
                    {t('queue.forYou')}
                  </Badge>
                )}
              </Group>
              <Group gap="md" mt="xs">
                <AppLink to={handoffPath(handoff.id)}>{t('queue.open')}</AppLink>
                {site.actions.includes('referrals:review') && (
                  <AppLink to={referralPath(handoff.referralId)}>{t('queue.referral')}</AppLink>
                )}
              </Group>
              {mayRespond(site, handoff) && (
                <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
                  <ResponderActions site={site} handoff={handoff} />
                </div>
              )}
            </Card>
          ))}
        </Stack>
        {streamDown && (
          <Button mt="sm" size="md" variant="default" onClick={() => void handoffs.refetch()}>
            {t('queue.refresh')}
          </Button>
        )}
      </section>
      <PendingIntakes site={site} />
    </>
  );
}
