import { Button, Card, Group, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { E164, type staffContact } from '../../../contracts/staff-contacts.ts';
import { useApi } from '../../api/api-context.tsx';
import { useSession } from '../../api/session.ts';
import type { SessionSite } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

type Contact = z.infer<typeof staffContact>;

/**
 * The responder's own SMS alerts (hand-offs offered to them and intake reminders, as well as
 * e-mail): a number in E.164 form and on/off. Folded away until opened; the number is the user's.
 */
export function MyAlerts({ site }: { site: SessionSite }) {
  const { t } = useTranslation('dispatch');
  const session = useSession();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const userId = session.data?.user.id;
  const url = `/api/v1/sites/${encodeURIComponent(site.id)}/staff/${encodeURIComponent(userId ?? '')}/contact`;
  const contact = useQuery({
    queryKey: ['my-contact', site.id, userId],
    queryFn: () => api.request<Contact>('GET', url),
    enabled: open && userId !== undefined,
    gcTime: 0,
  });
  if (!site.actions.includes('staff_contact:manage') || !userId) return null;
  if (!open)
    return (
      <Button variant="subtle" size="sm" px={0} mb="sm" onClick={() => setOpen(true)}>
        {t('alerts.open')}
      </Button>
    );
  return (
    <Card withBorder padding="sm" mb="md">
      <Text fw={700}>{t('alerts.title')}</Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('alerts.intro')}
      </Text>
      {contact.isError && <ErrorAlert error={contact.error} onRetry={() => void contact.refetch()} />}
      {contact.data && (
        <AlertsForm
          key={contact.dataUpdatedAt}
          url={url}
          saved={contact.data}
          onClose={() => setOpen(false)}
        />
      )}
    </Card>
  );
}

function AlertsForm({ url, saved, onClose }: { url: string; saved: Contact; onClose: () => void }) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState(saved.smsNumber ?? '');
  const [enabled, setEnabled] = useState(saved.smsEnabled);
  const trimmed = number.replace(/[\s()-]/g, '');
  const numberOk = trimmed === '' || E164.test(trimmed);
  const save = useMutation({
    mutationFn: () =>
      api.request<Contact>('PUT', url, {
        body: { smsNumber: trimmed === '' ? null : trimmed, smsEnabled: enabled },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['my-contact'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (numberOk && !(enabled && trimmed === '')) save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <TextInput
        label={t('alerts.number')}
        description={t('alerts.numberHint')}
        type="tel"
        autoComplete="tel"
        value={number}
        onChange={(event) => setNumber(event.currentTarget.value)}
        error={numberOk ? undefined : t('alerts.numberInvalid')}
        size="md"
      />
      <Switch
        mt="sm"
        size="md"
        label={t('alerts.enabled')}
        checked={enabled}
        onChange={(event) => setEnabled(event.currentTarget.checked)}
        error={enabled && trimmed === '' ? t('alerts.needsNumber') : undefined}
      />
      <Group mt="sm" gap="xs">
        <Button type="submit" loading={save.isPending} disabled={!numberOk || (enabled && trimmed === '')}>
          {t('alerts.save')}
        </Button>
        <Button variant="default" onClick={onClose} disabled={save.isPending}>
          {t('alerts.cancel')}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
    </form>
  );
}
