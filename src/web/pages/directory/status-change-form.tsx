import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ServiceReferralStatus } from './directory-types.ts';

/** Moves a service referral to one of the statuses the server offers next, with a reason. */
export function StatusChangeForm({
  nextStatuses,
  pending,
  error,
  onChange,
  label,
}: {
  nextStatuses: ServiceReferralStatus[];
  pending: boolean;
  error: unknown;
  onChange: (change: { status: ServiceReferralStatus; reason: string }, done: () => void) => void;
  label: string;
}) {
  const { t } = useTranslation('directory');
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  if (nextStatuses.length === 0) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return;
    onChange({ status: status as ServiceReferralStatus, reason }, () => {
      setStatus('');
      setReason('');
    });
  }
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="xs" mt="sm">
        <NativeSelect
          label={t('referrals.newStatus')}
          size="md"
          required
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value)}
          data={[
            { value: '', label: t('choose') },
            ...nextStatuses.map((next) => ({ value: next, label: t(`referralStatus.${next}`) })),
          ]}
        />
        <TextInput
          label={t('referrals.changeReason')}
          size="md"
          required
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Button type="submit" size="md" loading={pending} disabled={!status || reason.trim() === ''}>
          {t('referrals.save')}
        </Button>
      </Stack>
    </form>
  );
}
