import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite, StaffMember } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  AddFormCard,
  base,
  careTeamOptions,
  LEVELS,
  type Level,
  LevelSelect,
  type OnCall,
  type Shift,
  WEEKDAYS,
} from './on-call-shared.tsx';

/**
 * The weekly pattern by level: each level's shifts (weekday, from–to, who). Program managers add and
 * remove shifts in a draft and save the whole pattern at once.
 */
export function WeeklyPattern({
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
        <AddFormCard title={t('onCall.addShift')} onSubmit={add}>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <LevelSelect value={form.level} onChange={(level) => setForm({ ...form, level })} />
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
              data={careTeamOptions(careTeam, t('onCall.choose'))}
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
        </AddFormCard>
      )}
    </section>
  );
}
