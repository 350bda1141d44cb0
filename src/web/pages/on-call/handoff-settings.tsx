import { Button, Card, Group, NumberInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { handoffSettings, handoffSettingsRequest } from '../../../contracts/handoff-settings.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { readReminderDays } from './roster-input.ts';

type Settings = z.infer<typeof handoffSettings>;

const url = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/handoff-settings`;

/**
 * The program manager's hand-off settings: how long the on-call person has to acknowledge before
 * it escalates, the warm hand-off target, and the intake reminders (days before the deadline, and
 * the program's phone number the reminders give).
 */
export function HandoffSettings({ site }: { site: SessionSite }) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const settings = useQuery({
    queryKey: ['handoff-settings', site.id],
    queryFn: () => api.request<Settings>('GET', url(site.id)),
  });
  return (
    <section aria-labelledby="handoff-settings">
      <Title order={2} size="h3" id="handoff-settings" mt="lg" mb="xs">
        {t('settings.title')}
      </Title>
      {settings.isPending && <PageLoader />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <SettingsForm key={settings.dataUpdatedAt} site={site} saved={settings.data} />}
    </section>
  );
}

function SettingsForm({ site, saved }: { site: SessionSite; saved: Settings }) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const queryClient = useQueryClient();
  const [acknowledge, setAcknowledge] = useState<number | string>(saved.acknowledgeMinutes);
  const [target, setTarget] = useState<number | string>(saved.targetMinutes);
  const [days, setDays] = useState(saved.intakeReminderDays.join(', '));
  const [phone, setPhone] = useState(saved.reminderPhone ?? '');
  const save = useMutation({
    mutationFn: (body: z.input<typeof handoffSettingsRequest>) =>
      api.request<Settings>('PUT', url(site.id), { body }),
    onSuccess: (answer) => queryClient.setQueryData(['handoff-settings', site.id], answer),
  });
  const parsedDays = readReminderDays(days);
  const acknowledgeOk = typeof acknowledge === 'number' && acknowledge >= 1 && acknowledge <= 120;
  const targetOk = typeof target === 'number' && target >= 5 && target <= 240;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!acknowledgeOk || !targetOk || !parsedDays) return;
    save.mutate({
      acknowledgeMinutes: acknowledge,
      targetMinutes: target,
      intakeReminderDays: parsedDays,
      reminderPhone: phone.trim() === '' ? null : phone.trim(),
    });
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('settings.title')}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <NumberInput
          label={t('settings.acknowledge')}
          description={t('settings.acknowledgeHint')}
          value={acknowledge}
          onChange={setAcknowledge}
          min={1}
          max={120}
          allowDecimal={false}
          error={acknowledgeOk ? undefined : t('settings.range', { min: 1, max: 120 })}
          w={{ base: '100%', xs: 220 }}
        />
        <NumberInput
          label={t('settings.target')}
          description={t('settings.targetHint')}
          value={target}
          onChange={setTarget}
          min={5}
          max={240}
          allowDecimal={false}
          error={targetOk ? undefined : t('settings.range', { min: 5, max: 240 })}
          w={{ base: '100%', xs: 220 }}
        />
        <TextInput
          label={t('settings.reminderDays')}
          description={t('settings.reminderDaysHint')}
          value={days}
          onChange={(event) => setDays(event.currentTarget.value)}
          error={parsedDays ? undefined : t('settings.reminderDaysInvalid')}
          w={{ base: '100%', xs: 220 }}
        />
        <TextInput
          label={t('settings.reminderPhone')}
          description={t('settings.reminderPhoneHint')}
          type="tel"
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          maxLength={30}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      <Group mt="sm" gap="sm">
        <Button type="submit" loading={save.isPending} disabled={!acknowledgeOk || !targetOk || !parsedDays}>
          {t('settings.save')}
        </Button>
        {save.isSuccess && (
          <Text c="green" fw={600} role="status">
            {t('settings.saved')}
          </Text>
        )}
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </Card>
  );
}
