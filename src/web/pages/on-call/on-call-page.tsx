import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  addOverrideRequest,
  gapsResponse,
  onCallResponse,
  patternShift,
} from '../../../contracts/on-call.ts';
import { CARE_TEAM } from '../../../domain/access/roles.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite, StaffMember } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { PATHS } from '../../routing.ts';
import { HandoffSettings } from './handoff-settings.tsx';
import { siteInstant } from './roster-input.ts';

type OnCall = z.infer<typeof onCallResponse>;
type Gaps = z.infer<typeof gapsResponse>;
type Shift = z.infer<typeof patternShift> & { displayName: string };
type Level = 1 | 2 | 3;
const LEVELS: Level[] = [1, 2, 3];
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

const base = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/on-call`;

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
  const gaps = useQuery({
    queryKey: ['on-call-gaps', site.id],
    queryFn: () => api.request<Gaps>('GET', `${base(site.id)}/gaps?days=14`),
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

      {roster.isPending && <PageLoader />}
      {roster.isError && <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.data && (
        <>
          <section aria-labelledby="on-call-now">
            <Title order={2} size="h3" id="on-call-now" mt="lg" mb="xs">
              {t('onCall.now')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              {LEVELS.map((level) => {
                const who = roster.data.onCallNow.find((entry) => entry.level === level);
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

function WeeklyPattern({
  site,
  roster,
  canManage,
  careTeam,
  weekday,
  onSaved,
}: {
  site: SessionSite;
  roster: OnCall;
  canManage: boolean;
  careTeam: StaffMember[];
  weekday: (day: number) => string;
  onSaved: (answer: OnCall) => void;
}) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const [draft, setDraft] = useState<Shift[]>(() =>
    roster.pattern.map(({ weekday, startsAt, endsAt, level, userId, displayName }) => ({
      weekday,
      startsAt,
      endsAt,
      level,
      userId,
      displayName,
    })),
  );
  const [changed, setChanged] = useState(false);
  const [form, setForm] = useState({
    weekday: '1',
    startsAt: '08:00',
    endsAt: '17:00',
    level: '1',
    userId: '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.request<OnCall>('PUT', `${base(site.id)}/pattern`, {
        body: { shifts: draft.map(({ displayName: _name, ...shift }) => shift) },
      }),
    onSuccess: (answer) => {
      setChanged(false);
      onSaved(answer);
    },
  });
  const add = (event: FormEvent) => {
    event.preventDefault();
    const person = careTeam.find((member) => member.userId === form.userId);
    if (!person) return;
    setDraft((shifts) => [
      ...shifts,
      {
        weekday: Number(form.weekday),
        startsAt: form.startsAt,
        endsAt: form.endsAt,
        level: Number(form.level) as Level,
        userId: person.userId,
        displayName: person.displayName,
      },
    ]);
    setChanged(true);
  };
  const order = (a: Shift, b: Shift) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt);
  return (
    <section aria-labelledby="on-call-pattern">
      <Title order={2} size="h3" id="on-call-pattern" mt="lg" mb="xs">
        {t('onCall.pattern')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('onCall.patternHint')}
      </Text>
      <Stack gap="sm">
        {LEVELS.map((level) => {
          const shifts = draft
            .map((shift, index) => ({ shift, index }))
            .filter(({ shift }) => shift.level === level)
            .sort((a, b) => order(a.shift, b.shift));
          return (
            <Card key={level} withBorder padding="sm" data-testid={`pattern-level-${level}`}>
              <Text fw={700} mb={4}>
                {t(`level.${level}`)}
              </Text>
              {shifts.length === 0 ? (
                <Text c="red" size="sm">
                  {t('onCall.noShifts')}
                </Text>
              ) : (
                <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
                  {shifts.map(({ shift, index }) => (
                    <Group
                      component="li"
                      key={`${index}-${shift.weekday}-${shift.startsAt}`}
                      justify="space-between"
                      gap="xs"
                      py={6}
                      wrap="nowrap"
                      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                      data-testid="pattern-shift"
                    >
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm">
                          {weekday(shift.weekday)} ·{' '}
                          {shift.startsAt === shift.endsAt
                            ? t('onCall.allDay', { time: shift.startsAt })
                            : `${shift.startsAt}–${shift.endsAt}${shift.endsAt < shift.startsAt ? ` ${t('onCall.nextDay')}` : ''}`}
                        </Text>
                        <Text fw={600}>{shift.displayName}</Text>
                      </div>
                      {canManage && (
                        <Button
                          size="sm"
                          variant="subtle"
                          color="red"
                          style={{ flexShrink: 0 }}
                          aria-label={t('onCall.removeShift', {
                            day: weekday(shift.weekday),
                            time: shift.startsAt,
                            name: shift.displayName,
                          })}
                          onClick={() => {
                            setDraft((all) => all.filter((_, each) => each !== index));
                            setChanged(true);
                          }}
                        >
                          {t('onCall.remove')}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          );
        })}
      </Stack>
      {canManage && (
        <Card
          withBorder
          padding="sm"
          mt="sm"
          component="form"
          onSubmit={add}
          aria-label={t('onCall.addShift')}
        >
          <Text fw={700} mb="xs">
            {t('onCall.addShift')}
          </Text>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('onCall.level')}
              value={form.level}
              onChange={(event) => setForm({ ...form, level: event.currentTarget.value })}
              data={LEVELS.map((level) => ({ value: String(level), label: t(`level.${level}`) }))}
            />
            <NativeSelect
              label={t('onCall.weekday')}
              value={form.weekday}
              onChange={(event) => setForm({ ...form, weekday: event.currentTarget.value })}
              data={WEEKDAYS.map((day) => ({ value: String(day), label: weekday(day) }))}
            />
            <TextInput
              label={t('onCall.from')}
              type="time"
              required
              value={form.startsAt}
              onChange={(event) => setForm({ ...form, startsAt: event.currentTarget.value })}
            />
            <TextInput
              label={t('onCall.to')}
              type="time"
              required
              value={form.endsAt}
              onChange={(event) => setForm({ ...form, endsAt: event.currentTarget.value })}
            />
            <NativeSelect
              label={t('onCall.person')}
              required
              value={form.userId}
              onChange={(event) => setForm({ ...form, userId: event.currentTarget.value })}
              data={[
                { value: '', label: t('onCall.choose') },
                ...careTeam.map((member) => ({ value: member.userId, label: member.displayName })),
              ]}
            />
            <Button type="submit" variant="light" disabled={form.userId === ''}>
              {t('onCall.add')}
            </Button>
          </Group>
          <Group mt="sm" gap="xs">
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>
              {t('onCall.savePattern')}
            </Button>
            {changed && (
              <Badge color="yellow" tt="none" variant="light">
                {t('onCall.unsaved')}
              </Badge>
            )}
          </Group>
          {save.isError && <ErrorAlert error={save.error} />}
        </Card>
      )}
    </section>
  );
}

function Overrides({
  site,
  roster,
  canManage,
  careTeam,
  dateTime,
  onChanged,
}: {
  site: SessionSite;
  roster: OnCall;
  canManage: boolean;
  careTeam: StaffMember[];
  dateTime: (iso: string) => string;
  onChanged: (answer?: OnCall) => void;
}) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ level: '1', startsAt: '', endsAt: '', userId: '', reason: '' });
  const startsAt = siteInstant(form.startsAt, site.timezone);
  const endsAt = siteInstant(form.endsAt, site.timezone);
  const backwards = startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt;
  const add = useMutation({
    mutationFn: (body: z.input<typeof addOverrideRequest>) =>
      api.request<OnCall>('POST', `${base(site.id)}/overrides`, {
        body,
        headers: { 'idempotency-key': newIdempotencyKey() },
      }),
    onSuccess: (answer) => {
      setForm({ level: '1', startsAt: '', endsAt: '', userId: '', reason: '' });
      onChanged(answer);
    },
  });
  const remove = useMutation({
    mutationFn: (overrideId: string) =>
      api.request('DELETE', `${base(site.id)}/overrides/${encodeURIComponent(overrideId)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['on-call', site.id] });
      onChanged();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!startsAt || !endsAt || backwards || form.reason.trim() === '') return;
    add.mutate({
      level: Number(form.level) as Level,
      startsAt,
      endsAt,
      userId: form.userId === '' ? null : form.userId,
      reason: form.reason.trim(),
    });
  };
  return (
    <section aria-labelledby="on-call-overrides">
      <Title order={2} size="h3" id="on-call-overrides" mt="lg" mb="xs">
        {t('onCall.overrides')}
      </Title>
      {roster.overrides.length === 0 ? (
        <Text c="dimmed">{t('onCall.noOverrides')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {roster.overrides.map((override) => (
            <Card key={override.id} component="li" withBorder padding="sm" data-testid="on-call-override">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={700}>
                    {t(`level.${override.level}`)}:{' '}
                    {override.displayName ?? (
                      <Text span c="red" fw={700}>
                        {t('onCall.nobodyHoliday')}
                      </Text>
                    )}
                  </Text>
                  <Text size="sm">
                    {dateTime(override.startsAt)} – {dateTime(override.endsAt)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {override.reason}
                  </Text>
                </div>
                {canManage && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    style={{ flexShrink: 0 }}
                    loading={remove.isPending && remove.variables === override.id}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(override.id)}
                  >
                    {t('onCall.remove')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {canManage && (
        <Card
          withBorder
          padding="sm"
          mt="sm"
          component="form"
          onSubmit={submit}
          aria-label={t('onCall.addOverride')}
        >
          <Text fw={700} mb="xs">
            {t('onCall.addOverride')}
          </Text>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <NativeSelect
              label={t('onCall.level')}
              value={form.level}
              onChange={(event) => setForm({ ...form, level: event.currentTarget.value })}
              data={LEVELS.map((level) => ({ value: String(level), label: t(`level.${level}`) }))}
            />
            <TextInput
              label={t('onCall.starts')}
              type="datetime-local"
              required
              value={form.startsAt}
              onChange={(event) => setForm({ ...form, startsAt: event.currentTarget.value })}
            />
            <TextInput
              label={t('onCall.ends')}
              type="datetime-local"
              required
              value={form.endsAt}
              error={backwards ? t('onCall.backwards') : undefined}
              onChange={(event) => setForm({ ...form, endsAt: event.currentTarget.value })}
            />
            <NativeSelect
              label={t('onCall.person')}
              value={form.userId}
              onChange={(event) => setForm({ ...form, userId: event.currentTarget.value })}
              data={[
                { value: '', label: t('onCall.nobodyHoliday') },
                ...careTeam.map((member) => ({ value: member.userId, label: member.displayName })),
              ]}
            />
            <TextInput
              label={t('onCall.reason')}
              required
              maxLength={500}
              value={form.reason}
              onChange={(event) => setForm({ ...form, reason: event.currentTarget.value })}
            />
          </Group>
          <Button mt="sm" type="submit" loading={add.isPending}>
            {t('onCall.addOverride')}
          </Button>
          {add.isError && <ErrorAlert error={add.error} />}
        </Card>
      )}
    </section>
  );
}
