import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useDirectory } from '../directory/directory-api.ts';
import { formatDateTime } from '../review/format.ts';
import {
  type Appointment,
  type AppointmentChangeBody,
  useAppointments,
  useBookAppointment,
  useMoveAppointment,
  useRecordAppointment,
} from './casework-api.ts';
import type { ParticipantSectionProps } from './section.ts';

const STATUS_COLORS = { scheduled: 'blue', attended: 'green', missed: 'orange', cancelled: 'gray' } as const;

const ALL_SERVICES = { q: '', category: '', language: '', capacity: '' };

/** An instant as a datetime-local field's value, in this device's time zone. */
function localInputValue(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A participant's appointments: upcoming ones with attendance buttons, past ones, and a form to add one. */
export function AppointmentsSection({ site, participant }: ParticipantSectionProps) {
  const { t } = useTranslation('casework');
  const appointments = useAppointments(site.id, participant.id);
  const record = useRecordAppointment(site.id, participant.id);
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<string | null>(null);
  const [moved, setMoved] = useState(false);
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
      {moved && (
        <Alert
          color="green"
          variant="light"
          my="sm"
          role="status"
          withCloseButton
          onClose={() => setMoved(false)}
        >
          {t('appointments.moved')}
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
                {appointments.data.upcoming.map((appointment) =>
                  moving === appointment.id ? (
                    <AppointmentForm
                      key={appointment.id}
                      siteId={site.id}
                      participantId={participant.id}
                      editing={appointment}
                      onDone={(changed) => {
                        setMoving(null);
                        setMoved(changed);
                      }}
                    />
                  ) : (
                    <AppointmentCard
                      key={appointment.id}
                      appointment={appointment}
                      busy={record.isPending}
                      onRecord={(status) => record.mutate({ appointmentId: appointment.id, status })}
                      onMove={
                        exited
                          ? undefined
                          : () => {
                              setMoved(false);
                              setMoving(appointment.id);
                            }
                      }
                    />
                  ),
                )}
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
  onMove,
}: {
  appointment: Appointment;
  busy?: boolean;
  onRecord?: (status: 'attended' | 'missed' | 'cancelled') => void;
  onMove?: (() => void) | undefined;
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
              {onMove && (
                <Button size="md" variant="light" onClick={onMove}>
                  {t('appointments.move')}
                </Button>
              )}
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

/**
 * Books an appointment, or with `editing` moves one (a new time, place, person or purpose; only what
 * changed is sent, and a new time replaces its reminders). "With whom" may name a partner service.
 */
function AppointmentForm({
  siteId,
  participantId,
  editing,
  onDone,
}: {
  siteId: string;
  participantId: string;
  editing?: Appointment | undefined;
  /** Whether anything was saved. */
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation('casework');
  const book = useBookAppointment(siteId, participantId);
  const move = useMoveAppointment(siteId, participantId);
  const services = useDirectory(siteId, ALL_SERVICES).data?.services ?? [];
  const [when, setWhen] = useState(editing ? localInputValue(editing.startsAt) : '');
  const [place, setPlace] = useState(editing?.place ?? '');
  const [withWhom, setWithWhom] = useState(editing?.withWhom ?? '');
  const [serviceId, setServiceId] = useState(editing?.partnerServiceId ?? '');
  const [purpose, setPurpose] = useState(editing?.purpose ?? '');
  const [missing, setMissing] = useState(false);
  const saving = editing ? move : book;
  const label = editing ? t('appointments.moveTitle') : t('appointments.add');
  const chooseService = (id: string) => {
    setServiceId(id);
    const service = services.find((candidate) => candidate.id === id);
    if (service && !withWhom.trim()) setWithWhom(`${service.name} — ${service.organizationName}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = new Date(when);
    if (!when || Number.isNaN(startsAt.getTime()) || !place.trim() || !withWhom.trim() || !purpose.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // The time is typed in this device's time zone; the server stores the instant.
    const details = {
      startsAt: startsAt.toISOString(),
      place: place.trim(),
      withWhom: withWhom.trim(),
      partnerServiceId: serviceId || null,
      purpose: purpose.trim(),
    };
    if (!editing) {
      book.mutate(details, { onSuccess: () => onDone(true) });
      return;
    }
    const changes: AppointmentChangeBody = {};
    if (startsAt.getTime() !== new Date(editing.startsAt).getTime()) changes.startsAt = details.startsAt;
    if (details.place !== editing.place) changes.place = details.place;
    if (details.withWhom !== editing.withWhom) changes.withWhom = details.withWhom;
    if (details.partnerServiceId !== editing.partnerServiceId)
      changes.partnerServiceId = details.partnerServiceId;
    if (details.purpose !== editing.purpose) changes.purpose = details.purpose;
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    move.mutate({ appointmentId: editing.id, changes }, { onSuccess: () => onDone(true) });
  };
  return (
    <Card withBorder padding="md" mb="md" component="form" onSubmit={submit} aria-label={label}>
      <Stack gap="sm">
        {editing && (
          <>
            <Title order={3} size="h4">
              {label}
            </Title>
            <Text size="sm" c="dimmed">
              {t('appointments.moveHint')}
            </Text>
          </>
        )}
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
        {(services.length > 0 || serviceId) && (
          <NativeSelect
            label={t('appointments.partnerService')}
            description={t('appointments.partnerServiceHint')}
            size="md"
            value={serviceId}
            onChange={(event) => chooseService(event.currentTarget.value)}
            data={[
              { value: '', label: t('appointments.noPartnerService') },
              ...services.map((service) => ({
                value: service.id,
                label: `${service.name} — ${service.organizationName}`,
              })),
              ...(serviceId && !services.some((service) => service.id === serviceId)
                ? [{ value: serviceId, label: t('appointments.partnerServiceUnlisted') }]
                : []),
            ]}
          />
        )}
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
        {saving.isError && <ErrorAlert error={saving.error} />}
        <Group>
          <Button type="submit" size="md" loading={saving.isPending}>
            {editing ? t('appointments.saveMove') : t('appointments.save')}
          </Button>
          <Button size="md" variant="subtle" onClick={() => onDone(false)}>
            {t('appointments.cancelForm')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
