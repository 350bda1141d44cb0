import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../review/format.ts';
import {
  type Appointment,
  useAppointments,
  useBookAppointment,
  useRecordAppointment,
} from './casework-api.ts';
import type { ParticipantSectionProps } from './section.ts';

const STATUS_COLORS = { scheduled: 'blue', attended: 'green', missed: 'orange', cancelled: 'gray' } as const;

/** A participant's appointments: upcoming ones with attendance buttons, past ones, and a form to add one. */
export function AppointmentsSection({ site, participant }: ParticipantSectionProps) {
  const { t } = useTranslation('casework');
  const appointments = useAppointments(site.id, participant.id);
  const record = useRecordAppointment(site.id, participant.id);
  const [adding, setAdding] = useState(false);
  const exited = participant.status === 'exited';
  return (
    <section aria-labelledby="appointments-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="appointments-heading">
          {t('appointments.heading')}
        </Title>
        {!adding && !exited && (
          <Button size="md" onClick={() => setAdding(true)}>
            {t('appointments.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <AppointmentForm siteId={site.id} participantId={participant.id} onDone={() => setAdding(false)} />
      )}
      {record.data?.exitedByPolicy && (
        <Alert color="orange" variant="light" my="sm" role="status">
          {t('appointments.exitedByPolicy')}
        </Alert>
      )}
      {record.isError && <ErrorAlert error={record.error} />}
      {appointments.isPending && <PageLoader />}
      {appointments.isError && (
        <ErrorAlert error={appointments.error} onRetry={() => void appointments.refetch()} />
      )}
      {appointments.data && (
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" mb="xs">
              {t('appointments.upcoming')}
            </Title>
            {appointments.data.upcoming.length === 0 ? (
              <Text c="dimmed">{t('appointments.noneUpcoming')}</Text>
            ) : (
              <Stack gap="sm">
                {appointments.data.upcoming.map((appointment) => (
                  <AppointmentCard
                    key={appointment.id}
                    appointment={appointment}
                    busy={record.isPending}
                    onRecord={(status) => record.mutate({ appointmentId: appointment.id, status })}
                  />
                ))}
              </Stack>
            )}
          </div>
          {appointments.data.past.length > 0 && (
            <div>
              <Title order={3} size="h4" mb="xs">
                {t('appointments.past')}
              </Title>
              <Stack gap="xs">
                {appointments.data.past.map((appointment) => (
                  <AppointmentCard key={appointment.id} appointment={appointment} />
                ))}
              </Stack>
            </div>
          )}
        </Stack>
      )}
    </section>
  );
}

function AppointmentCard({
  appointment,
  busy = false,
  onRecord,
}: {
  appointment: Appointment;
  busy?: boolean;
  onRecord?: (status: 'attended' | 'missed' | 'cancelled') => void;
}) {
  const { t, i18n } = useTranslation('casework');
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  return (
    <Card withBorder padding="md" data-testid="appointment">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={700}>{formatDateTime(appointment.startsAt, i18n.language)}</Text>
        <Badge color={STATUS_COLORS[appointment.status]} tt="none" size="lg">
          {t(`appointments.status.${appointment.status}`)}
        </Badge>
      </Group>
      <Text>{appointment.place}</Text>
      <Text size="sm">
        {appointment.withWhom} · {appointment.purpose}
      </Text>
      {onRecord && (
        <Group mt="sm" gap="sm">
          {confirmingCancel ? (
            <>
              <Button size="md" color="red" loading={busy} onClick={() => onRecord('cancelled')}>
                {t('appointments.confirmCancel')}
              </Button>
              <Button size="md" variant="subtle" onClick={() => setConfirmingCancel(false)}>
                {t('appointments.keep')}
              </Button>
            </>
          ) : (
            <>
              <Button size="md" color="green" loading={busy} onClick={() => onRecord('attended')}>
                {t('appointments.attended')}
              </Button>
              <Button
                size="md"
                color="orange"
                variant="outline"
                loading={busy}
                onClick={() => onRecord('missed')}
              >
                {t('appointments.missed')}
              </Button>
              <Button size="md" variant="subtle" color="gray" onClick={() => setConfirmingCancel(true)}>
                {t('appointments.cancel')}
              </Button>
            </>
          )}
        </Group>
      )}
    </Card>
  );
}

function AppointmentForm({
  siteId,
  participantId,
  onDone,
}: {
  siteId: string;
  participantId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('casework');
  const book = useBookAppointment(siteId, participantId);
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const [withWhom, setWithWhom] = useState('');
  const [purpose, setPurpose] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = new Date(when);
    if (!when || Number.isNaN(startsAt.getTime()) || !place.trim() || !withWhom.trim() || !purpose.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // The time is typed in this device's time zone; the server stores the instant.
    book.mutate(
      {
        startsAt: startsAt.toISOString(),
        place: place.trim(),
        withWhom: withWhom.trim(),
        purpose: purpose.trim(),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Card
      withBorder
      padding="md"
      mb="md"
      component="form"
      onSubmit={submit}
      aria-label={t('appointments.add')}
    >
      <Stack gap="sm">
        <TextInput
          label={t('appointments.when')}
          type="datetime-local"
          size="md"
          required
          value={when}
          onChange={(event) => setWhen(event.currentTarget.value)}
        />
        <TextInput
          label={t('appointments.where')}
          size="md"
          required
          maxLength={300}
          value={place}
          onChange={(event) => setPlace(event.currentTarget.value)}
        />
        <TextInput
          label={t('appointments.withWhom')}
          size="md"
          required
          maxLength={200}
          value={withWhom}
          onChange={(event) => setWithWhom(event.currentTarget.value)}
        />
        <Textarea
          label={t('appointments.purpose')}
          description={t('appointments.purposeHint')}
          size="md"
          required
          maxLength={500}
          autosize
          minRows={2}
          value={purpose}
          onChange={(event) => setPurpose(event.currentTarget.value)}
        />
        {missing && (
          <Text c="red" role="alert">
            {t('appointments.required')}
          </Text>
        )}
        {book.isError && <ErrorAlert error={book.error} />}
        <Group>
          <Button type="submit" size="md" loading={book.isPending}>
            {t('appointments.save')}
          </Button>
          <Button size="md" variant="subtle" onClick={onDone}>
            {t('appointments.cancelForm')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
