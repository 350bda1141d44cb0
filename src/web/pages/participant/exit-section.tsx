import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOSEN_EXIT_REASONS } from '../../../domain/participants/participant-status.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDate, formatDateTime } from '../review/format.ts';
import { useExitParticipant, useParticipantStatus, useReEnterParticipant } from './casework-api.ts';
import type { ParticipantSectionProps } from './section.ts';

/**
 * Exit with a reason (removal for violence or threats toward staff offered to program managers
 * only; the server holds to it) or, once exited, re-entry; and the status history.
 */
export function ExitSection({ site, participant }: ParticipantSectionProps) {
  const { t, i18n } = useTranslation('casework');
  const status = useParticipantStatus(site.id, participant.id);
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="exit-heading">
      <Title order={2} size="h3" id="exit-heading" mb="xs">
        {t('exit.heading')}
      </Title>
      {status.isPending && <PageLoader />}
      {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <Stack gap="sm">
          <Text>
            {status.data.status === 'exited'
              ? t('exit.exited', {
                  date: status.data.exitedAt ? formatDate(status.data.exitedAt, i18n.language) : '',
                  reason: status.data.exitReason ? t(`exit.reasons.${status.data.exitReason}`) : '',
                })
              : status.data.status === 'intake'
                ? t('exit.inIntake')
                : t('exit.enrolled', {
                    date: formatDate(
                      status.data.events.findLast((event) => event.toStatus === 'enrolled')?.at ??
                        status.data.events[0]?.at ??
                        new Date().toISOString(),
                      i18n.language,
                    ),
                  })}
          </Text>
          {!open && (
            <Button
              size="md"
              variant="outline"
              color={status.data.status === 'exited' ? 'blue' : 'red'}
              onClick={() => setOpen(true)}
              style={{ alignSelf: 'flex-start' }}
            >
              {status.data.status === 'exited' ? t('exit.reEnter') : t('exit.exit')}
            </Button>
          )}
          {open &&
            (status.data.status === 'exited' ? (
              <ReEntryForm
                siteId={site.id}
                participantId={participant.id}
                mayOverride={site.actions.includes('caseloads:manage')}
                onDone={() => setOpen(false)}
              />
            ) : (
              <ExitForm
                siteId={site.id}
                participantId={participant.id}
                programManager={site.roles.includes('program_manager')}
                onDone={() => setOpen(false)}
              />
            ))}
          {status.data.events.length > 0 && (
            <details>
              <summary>{t('exit.history')}</summary>
              <Stack component="ol" gap={4} pl="lg" m={0} mt="xs">
                {status.data.events.map((event) => (
                  <li key={event.seq}>
                    <Text size="sm">
                      <b>{t(`exit.events.${event.event}`)}</b>
                      {event.exitReason ? ` · ${t(`exit.reasons.${event.exitReason}`)}` : ''} ·{' '}
                      {formatDateTime(event.at, i18n.language)}
                    </Text>
                    {event.note && (
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {event.note}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            </details>
          )}
        </Stack>
      )}
    </section>
  );
}

function ExitForm({
  siteId,
  participantId,
  programManager,
  onDone,
}: {
  siteId: string;
  participantId: string;
  programManager: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('casework');
  const exit = useExitParticipant(siteId, participantId);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const reasons = CHOSEN_EXIT_REASONS.filter(
    (candidate) => programManager || candidate !== 'removed_for_violence',
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = reasons.find((candidate) => candidate === reason);
    if (!chosen) return;
    exit.mutate({ reason: chosen, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: onDone });
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-label={t('exit.exit')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('exit.reason')}
          size="md"
          required
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data={[
            { value: '', label: t('exit.chooseReason'), disabled: true },
            ...reasons.map((value) => ({ value, label: t(`exit.reasons.${value}`) })),
          ]}
        />
        {!programManager && (
          <Text size="sm" c="dimmed">
            {t('exit.violenceHint')}
          </Text>
        )}
        {reason === 'no_contact_past_limit' && (
          <Text size="sm" c="dimmed">
            {t('exit.noContactHint')}
          </Text>
        )}
        <Textarea
          label={t('exit.note')}
          size="md"
          maxLength={500}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Text size="sm">{t('exit.keepsHistory')}</Text>
        {exit.isError && <ErrorAlert error={exit.error} />}
        <Group>
          <Button type="submit" size="md" color="red" disabled={!reason} loading={exit.isPending}>
            {t('exit.confirm')}
          </Button>
          <Button size="md" variant="subtle" onClick={onDone}>
            {t('exit.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ReEntryForm({
  siteId,
  participantId,
  mayOverride,
  onDone,
}: {
  siteId: string;
  participantId: string;
  /** A program manager may keep the case manager past the caseload maximum, with a reason. */
  mayOverride: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('casework');
  const reEnter = useReEnterParticipant(siteId, participantId);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  // Their case manager is at the hard maximum: a program manager may go past it with a reason.
  const full = reEnter.error instanceof ApiError && reEnter.error.code === 'CASELOAD_FULL';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reEnter.mutate(
      {
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(full && mayOverride && reason.trim() ? { overrideReason: reason.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-label={t('exit.reEnter')}>
      <Stack gap="sm">
        <Textarea
          label={t('exit.reEnterNote')}
          size="md"
          maxLength={500}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {full && mayOverride && (
          <Textarea
            label={t('caseloads.overrideReason', { ns: 'participant' })}
            description={t('caseloads.overrideHint', { ns: 'participant' })}
            size="md"
            maxLength={500}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        )}
        {reEnter.isError && <ErrorAlert error={reEnter.error} />}
        <Group>
          <Button type="submit" size="md" loading={reEnter.isPending}>
            {t('exit.confirmReEnter')}
          </Button>
          <Button size="md" variant="subtle" onClick={onDone}>
            {t('exit.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
