import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { appointmentsTodayResponse } from '../../../contracts/appointments.ts';
import type { pendingIntakesResponse } from '../../../contracts/pending-intakes.ts';
import { useApi } from '../../api/api-context.tsx';
import type { Session, SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { POLL_MS, useLiveEvents, useStreamDown } from '../../live/use-live-events.ts';
import { PATHS } from '../../routing.ts';
import { listOpenHandoffs } from '../handoff/handoff-api.ts';
import { handoffPath } from '../handoff/paths.ts';
import { pendingIntakesKey } from '../handoff/pending-intakes.tsx';
import { useEngagementList } from '../participant/care-api.ts';
import { participantPath } from '../participant/paths.ts';
import { referralPath } from '../review/paths.ts';

type AppointmentsToday = z.infer<typeof appointmentsTodayResponse>;
type PendingIntakes = z.infer<typeof pendingIntakesResponse>;
type PendingIntake = PendingIntakes['pendingIntakes'][number];

/** When the person was handed off to the team in person or by phone, if their last hand-off was. */
const handedOffAt = (entry: PendingIntake): string | null =>
  entry.latestHandoff && HANDED_OFF.has(entry.latestHandoff.state) ? entry.latestHandoff.updatedAt : null;

const HANDOFF_EVENTS = ['handoff.offered', 'handoff.updated'] as const;
/** Hand-offs still waiting on the responder (the rest are over, or in someone else's hands). */
const OPEN_FOR_ME = new Set(['requested', 'acknowledged', 'en_route']);
const HANDED_OFF = new Set(['arrived', 'handed_off_by_phone']);
/** As the participant page's engagement badge. */
const LEVEL_COLORS = { active: 'green', inactive: 'yellow', in_the_wind: 'red' } as const;
/** "Going in the wind": this many days or fewer from the site's in-the-wind threshold (as /caseloads). */
const GOING_WITHIN_DAYS = 14;
/** How many pending intakes the home shows before "see all". */
const INTAKES_SHOWN = 5;

const siteUrl = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;

/**
 * The case manager's day, at the top of their home: hand-offs offered to them (live), intakes due
 * (theirs first), today's appointments in the site's own day (theirs, or the site's), and the people
 * on their caseload going "in the wind". Every item links to the hand-off or the person.
 */
export function MyDay({ session, site }: { session: Session; site: SessionSite }) {
  const { t } = useTranslation('myday');
  const can = (action: string) => site.actions.includes(action);
  return (
    <section aria-labelledby="my-day-heading" data-testid="my-day">
      <Title order={2} id="my-day-heading" mt="lg">
        {t('title')}
      </Title>
      <Stack gap="lg" mt="sm">
        {can('handoffs:queue') && <MyHandoffs site={site} />}
        {can('intakes:pending') && <IntakesDue session={session} site={site} />}
        {can('appointments:use') && <TodaysAppointments site={site} />}
        {can('participant_contacts:use') && <GoingInTheWind site={site} />}
      </Stack>
    </section>
  );
}

function Part({
  id,
  title,
  count,
  action,
  children,
}: {
  id: string;
  title: string;
  count?: number | undefined;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`my-day-${id}`} id={id}>
      <Group justify="space-between" gap="xs" mb="xs">
        <Title order={3} size="h4" id={`my-day-${id}`}>
          {title}
          {count !== undefined && count > 0 && (
            <Badge ml="xs" tt="none" variant="light">
              {count}
            </Badge>
          )}
        </Title>
        {action}
      </Group>
      {children}
    </section>
  );
}

function Items({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

function MyHandoffs({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('myday');
  const { t: dispatch } = useTranslation('dispatch');
  const api = useApi();
  const queryClient = useQueryClient();
  // The queue's data and live stream: an offer addressed to me refreshes the list at once.
  const connected = useLiveEvents(site.id, HANDOFF_EVENTS, () => {
    void queryClient.invalidateQueries({ queryKey: ['handoffs', site.id] });
    void queryClient.invalidateQueries({ queryKey: pendingIntakesKey(site.id) });
  });
  const streamDown = useStreamDown(connected);
  const handoffs = useQuery({
    queryKey: ['handoffs', site.id],
    queryFn: () => listOpenHandoffs(api, site.id),
    gcTime: 0,
    refetchInterval: streamDown ? POLL_MS : false,
  });
  const mine = (handoffs.data?.handoffs ?? [])
    .filter((each) => each.offeredToMe && OPEN_FOR_ME.has(each.state))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { timeStyle: 'short', timeZone: site.timezone });
  return (
    <Part
      id="my-handoffs"
      title={t('handoffs.title')}
      count={mine.length}
      action={<AppLink to={PATHS.handoffQueue}>{t('handoffs.queue')}</AppLink>}
    >
      {handoffs.isPending && <PageLoader />}
      {handoffs.isError && <ErrorAlert error={handoffs.error} onRetry={() => void handoffs.refetch()} />}
      {handoffs.data && mine.length === 0 && <Text c="dimmed">{t('handoffs.none')}</Text>}
      <Items label={t('handoffs.title')}>
        {mine.map((handoff) => (
          <Card
            key={handoff.id}
            component="li"
            withBorder
            padding="sm"
            data-testid="my-day-handoff"
            style={
              handoff.state === 'requested'
                ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 }
                : undefined
            }
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <AppLink to={handoffPath(handoff.id)} fw={700}>
                  {dispatch(handoff.mode === 'phone' ? 'mode.phone' : 'mode.in_person')} ·{' '}
                  {t('handoffs.at', { time: time(handoff.requestedAt) })}
                </AppLink>
                {handoff.etaMinutes !== null && (
                  <Text size="sm" c="dimmed">
                    {dispatch('queue.eta', { count: handoff.etaMinutes })}
                  </Text>
                )}
              </div>
              <Badge
                color={handoff.state === 'requested' ? 'red' : 'blue'}
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {dispatch(`state.${handoff.state}`)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Items>
    </Part>
  );
}

function IntakesDue({ session, site }: { session: Session; site: SessionSite }) {
  const { t } = useTranslation('myday');
  const { t: dispatch } = useTranslation('dispatch');
  const api = useApi();
  const intakes = useQuery({
    queryKey: pendingIntakesKey(site.id),
    queryFn: () => api.request<PendingIntakes>('GET', `${siteUrl(site.id)}/intakes/pending`),
    gcTime: 0,
  });
  const me = session.user.id;
  const isMine = (entry: PendingIntake) => entry.caseManager?.userId === me;
  // Mine first; then people just handed off to the team (the most recent first: they are with
  // someone now); then the rest in the API's soonest-deadline order.
  const all = intakes.data?.pendingIntakes ?? [];
  const handedOff = all
    .filter((entry) => !isMine(entry) && handedOffAt(entry) !== null)
    .sort((a, b) => (handedOffAt(b) ?? '').localeCompare(handedOffAt(a) ?? ''));
  const ordered = [
    ...all.filter(isMine),
    ...handedOff,
    ...all.filter((entry) => !isMine(entry) && handedOffAt(entry) === null),
  ];
  const shown = ordered.slice(0, INTAKES_SHOWN);
  const left = (daysLeft: number) => {
    if (daysLeft === 0) return dispatch('intakes.dueToday');
    if (daysLeft < 0) return dispatch('intakes.overdue', { count: -daysLeft });
    return dispatch('intakes.daysLeft', { count: daysLeft });
  };
  return (
    <Part
      id="my-intakes"
      title={t('intakes.title')}
      count={all.length}
      action={
        all.length > shown.length ? (
          <AppLink to={`${PATHS.handoffQueue}#intakes`}>{t('intakes.all', { count: all.length })}</AppLink>
        ) : undefined
      }
    >
      {intakes.isPending && <PageLoader />}
      {intakes.isError && <ErrorAlert error={intakes.error} onRetry={() => void intakes.refetch()} />}
      {intakes.data && all.length === 0 && <Text c="dimmed">{t('intakes.none')}</Text>}
      <Items label={t('intakes.title')}>
        {shown.map((entry) => (
          <Card key={entry.referralId} component="li" withBorder padding="sm" data-testid="my-day-intake">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <AppLink to={referralPath(entry.referralId)} fw={700}>
                  {entry.personName}
                </AppLink>
                <Text size="sm" c="dimmed">
                  {isMine(entry)
                    ? t('intakes.yours')
                    : (entry.caseManager?.displayName ?? t('intakes.unassigned'))}
                  {entry.latestHandoff ? ` · ${dispatch(`state.${entry.latestHandoff.state}`)}` : ''}
                </Text>
              </div>
              <Badge
                color={entry.daysLeft <= 2 ? 'red' : entry.daysLeft <= 7 ? 'orange' : 'gray'}
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {left(entry.daysLeft)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Items>
    </Part>
  );
}

function TodaysAppointments({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('myday');
  const api = useApi();
  const [scope, setScope] = useState<'mine' | 'site'>('mine');
  const today = useQuery({
    queryKey: ['appointments-today', site.id, scope],
    queryFn: () =>
      api.request<AppointmentsToday>('GET', `${siteUrl(site.id)}/appointments/today?scope=${scope}`),
  });
  const list = today.data?.appointments ?? [];
  const loaded = today.data !== undefined;
  useEffect(() => {
    // The home card "Today's appointments" opens /my-day#today: bring this part into view once loaded.
    if (loaded && window.location.hash === '#today') document.getElementById('today')?.scrollIntoView();
  }, [loaded]);
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { timeStyle: 'short', timeZone: site.timezone });
  return (
    <Part
      id="today"
      title={t('today.title')}
      count={list.filter((each) => each.status === 'scheduled').length}
      action={
        <SegmentedControl
          size="md"
          value={scope}
          onChange={(value) => setScope(value as 'mine' | 'site')}
          data={[
            { value: 'mine', label: t('today.mine') },
            { value: 'site', label: t('today.site') },
          ]}
          aria-label={t('today.whose')}
        />
      }
    >
      {today.isPending && <PageLoader />}
      {today.isError && <ErrorAlert error={today.error} onRetry={() => void today.refetch()} />}
      {today.data && list.length === 0 && (
        <Text c="dimmed">{scope === 'mine' ? t('today.noneMine') : t('today.noneSite')}</Text>
      )}
      <Items label={t('today.title')}>
        {list.map((appointment) => (
          <Card
            key={appointment.id}
            component="li"
            withBorder
            padding="sm"
            data-testid="my-day-appointment"
            data-status={appointment.status}
            style={appointment.status === 'cancelled' ? { opacity: 0.6 } : undefined}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={700}>{time(appointment.startsAt)}</Text>
                <AppLink to={participantPath(appointment.participantId)} fw={600}>
                  {appointment.personName}
                </AppLink>
                <Text size="sm" c="dimmed">
                  {appointment.place} · {appointment.withWhom}
                </Text>
              </div>
              {appointment.status !== 'scheduled' && (
                <Badge color="gray" tt="none" style={{ flexShrink: 0 }}>
                  {t(`today.status.${appointment.status}`)}
                </Badge>
              )}
            </Group>
          </Card>
        ))}
      </Items>
    </Part>
  );
}

function GoingInTheWind({ site }: { site: SessionSite }) {
  const { t } = useTranslation('myday');
  const { t: participant } = useTranslation('participant');
  const list = useEngagementList(site.id, { caseload: 'me', goingInTheWindWithinDays: GOING_WITHIN_DAYS });
  const people = list.data?.participants ?? [];
  return (
    <Part
      id="going-in-the-wind"
      title={t('wind.title')}
      count={people.length}
      action={<AppLink to={`${PATHS.caseloads}#in-the-wind`}>{t('wind.caseloads')}</AppLink>}
    >
      <Text size="sm" c="dimmed" mb="xs">
        {t('wind.hint', { days: GOING_WITHIN_DAYS })}
      </Text>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && people.length === 0 && <Text c="dimmed">{t('wind.none')}</Text>}
      <Items label={t('wind.title')}>
        {people.map((row) => (
          <Card key={row.participantId} component="li" withBorder padding="sm" data-testid="my-day-wind">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <AppLink to={participantPath(row.participantId)} fw={700}>
                  {row.personName}
                </AppLink>
                {/* The whole phrase, wrapped on a phone (a badge would cut it short). */}
                <Text size="sm" c="dimmed" data-testid="my-day-wind-since">
                  {participant(
                    row.engagement.since === 'last_contact'
                      ? 'engagement.daysSinceContact'
                      : 'engagement.daysSinceEnrolment',
                    { count: row.engagement.daysSince },
                  )}
                </Text>
              </div>
              <Badge
                color={LEVEL_COLORS[row.engagement.level]}
                variant="light"
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {participant(`engagement.level.${row.engagement.level}`)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Items>
    </Part>
  );
}

/** /my-day: the same, on its own page (linked from the care team's home cards). */
export function MyDayPage({ session, site }: { session: Session; site: SessionSite }) {
  const { t: common } = useTranslation();
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <MyDay session={session} site={site} />
    </>
  );
}
