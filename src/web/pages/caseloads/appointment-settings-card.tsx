import { Alert, Button, Card, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOST_REMINDER_HOURS, MOST_REMINDERS } from '../../../domain/appointments/appointment.ts';
import type { SessionSite } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import {
  type AppointmentSettings,
  useAppointmentSettings,
  useSaveAppointmentSettings,
} from '../participant/casework-api.ts';
import { parseReminderHours } from './reminder-hours.ts';

/**
 * A program manager's appointment settings for the site: the hours before an appointment at which
 * reminders go out, and the missed-appointments exit policy (off by default).
 */
export function AppointmentSettingsCard({ site }: { site: SessionSite }) {
  const { t } = useTranslation('casework');
  const settings = useAppointmentSettings(site.id);
  // Kept here so "saved" stays shown when the form is rebuilt from the saved settings.
  const save = useSaveAppointmentSettings(site.id);
  return (
    <section aria-labelledby="appointment-settings-heading">
      <Title order={2} size="h3" id="appointment-settings-heading" mb="xs">
        {t('appointmentSettings.title')}
      </Title>
      {settings.isPending && <PageLoader />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <SettingsForm key={JSON.stringify(settings.data)} save={save} saved={settings.data} />
      )}
    </section>
  );
}

function SettingsForm({
  save,
  saved,
}: {
  save: ReturnType<typeof useSaveAppointmentSettings>;
  saved: AppointmentSettings;
}) {
  const { t } = useTranslation('casework');
  const [hoursText, setHoursText] = useState(saved.reminderHours.join(', '));
  const [exitOn, setExitOn] = useState(saved.missedAppointmentsExit !== null);
  const [exitAfter, setExitAfter] = useState<number | string>(saved.missedAppointmentsExit ?? 3);
  const hours = parseReminderHours(hoursText);
  const limits = { most: MOST_REMINDERS, max: MOST_REMINDER_HOURS };
  const exitValid =
    !exitOn || (typeof exitAfter === 'number' && Number.isInteger(exitAfter) && exitAfter >= 1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hours === null || !exitValid) return;
    save.mutate({ reminderHours: hours, missedAppointmentsExit: exitOn ? Number(exitAfter) : null });
  };
  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={submit}
      aria-label={t('appointmentSettings.title')}
    >
      <Stack gap="sm">
        <TextInput
          label={t('appointmentSettings.reminderHours')}
          description={t('appointmentSettings.reminderHoursHint', limits)}
          size="md"
          inputMode="numeric"
          value={hoursText}
          onChange={(event) => setHoursText(event.currentTarget.value)}
          error={hours === null ? t('appointmentSettings.reminderHoursInvalid', limits) : undefined}
          maw={420}
        />
        <Switch
          size="md"
          label={t('appointmentSettings.exitPolicy')}
          description={t('appointmentSettings.exitPolicyHint')}
          checked={exitOn}
          onChange={(event) => setExitOn(event.currentTarget.checked)}
        />
        {exitOn ? (
          <NumberInput
            label={t('appointmentSettings.exitAfter')}
            size="md"
            min={1}
            max={20}
            allowDecimal={false}
            value={exitAfter}
            onChange={setExitAfter}
            maw={260}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('appointmentSettings.exitOff')}
          </Text>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('appointmentSettings.saved')}
          </Alert>
        )}
        <Button
          type="submit"
          size="md"
          disabled={hours === null || !exitValid}
          loading={save.isPending}
          w="fit-content"
        >
          {t('appointmentSettings.save')}
        </Button>
      </Stack>
    </Card>
  );
}
