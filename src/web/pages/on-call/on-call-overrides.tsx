import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { addOverrideRequest } from '../../../contracts/on-call.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite, StaffMember } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import {
  AddFormCard,
  base,
  careTeamOptions,
  type Level,
  LevelSelect,
  type OnCall,
} from './on-call-shared.tsx';
import { siteInstant } from './roster-input.ts';

/**
 * The overrides (swaps, holidays): who covers a level from when to when, or nobody, and why.
 * Program managers add and remove them.
 */
export function Overrides({
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
        <AddFormCard title={t('onCall.addOverride')} onSubmit={submit}>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <LevelSelect value={form.level} onChange={(level) => setForm({ ...form, level })} />
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
              data={careTeamOptions(careTeam, t('onCall.nobodyHoliday'))}
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
        </AddFormCard>
      )}
    </section>
  );
}
