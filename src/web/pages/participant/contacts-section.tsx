import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_KINDS } from '../../../contracts/participant-contacts.ts';
import { useSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useCaseloads } from '../caseloads/caseloads-api.ts';
import { formatDateTime } from '../review/format.ts';
import { type Contact, useContactLog, useLogContact } from './care-api.ts';
import { EngagementBadge } from './engagement-badge.tsx';
import type { ParticipantSectionProps } from './section.ts';

type Kind = (typeof CONTACT_KINDS)[number];
const DURATIONS = [5, 15, 30, 60] as const;

const newKey = () => crypto.randomUUID();

/** "2026-06-01T14:30" in the device's time zone, for a datetime-local input. */
function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * The contact log, phone-first: tap how you met, add a note if you like, tap "Log contact" (now,
 * unless "Earlier" is chosen). Engagement is shown, never typed: it comes from these contacts.
 */
export function ContactsSection({ site, participant }: ParticipantSectionProps) {
  const { t } = useTranslation('participant');
  const log = useContactLog(site.id, participant.id);
  return (
    <section aria-labelledby="contacts-heading">
      <Group justify="space-between" align="center" mb="xs" gap="xs">
        <Title order={2} size="h3" id="contacts-heading">
          {t('contacts.heading')}
        </Title>
        {log.data && <EngagementBadge engagement={log.data.engagement} />}
      </Group>
      <ContactForm siteId={site.id} participantId={participant.id} />
      {log.isPending && <PageLoader />}
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && <ContactList contacts={log.data.contacts} />}
    </section>
  );
}

function ContactForm({ siteId, participantId }: { siteId: string; participantId: string }) {
  const { t } = useTranslation('participant');
  const logContact = useLogContact(siteId, participantId);
  const me = useSession().data?.user.id;
  const careTeam = useCaseloads(siteId).data?.staff ?? [];
  const [others, setOthers] = useState<string[]>([]);
  const [kind, setKind] = useState<Kind | null>(null);
  const [note, setNote] = useState('');
  const [duration, setDuration] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<string | null>(null);
  // One key per contact being logged, kept across retries, renewed once it is logged.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [logged, setLogged] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    const occurredAt = earlier ? new Date(earlier) : new Date();
    logContact.mutate(
      {
        idempotencyKey,
        body: {
          kind,
          occurredAt: occurredAt.toISOString(),
          ...(duration ? { durationMinutes: Number(duration) } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          // The one logging it was there, with anyone named (the server assumes only them otherwise).
          ...(others.length > 0 && me ? { staffIds: [me, ...others] } : {}),
        },
      },
      {
        onSuccess: () => {
          setKind(null);
          setNote('');
          setDuration(null);
          setEarlier(null);
          setOthers([]);
          setIdempotencyKey(newKey());
          setLogged(true);
        },
      },
    );
  };

  return (
    <Card
      withBorder
      padding="sm"
      mb="sm"
      component="form"
      onSubmit={submit}
      aria-label={t('contacts.logTitle')}
    >
      <Text fw={600} mb={4} id="contact-kind-label">
        {t('contacts.how')}
      </Text>
      <SimpleGrid cols={{ base: 2, xs: 5 }} spacing="xs" role="group" aria-labelledby="contact-kind-label">
        {CONTACT_KINDS.map((candidate) => (
          <Button
            key={candidate}
            size="lg"
            px={4}
            variant={kind === candidate ? 'filled' : 'default'}
            aria-pressed={kind === candidate}
            onClick={() => {
              setKind(candidate);
              setLogged(false);
            }}
          >
            {t(`contacts.kind.${candidate}`)}
          </Button>
        ))}
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t('contacts.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Text size="sm" mt="sm" mb={4} id="contact-duration-label">
        {t('contacts.duration')}
      </Text>
      <Chip.Group value={duration} onChange={(value) => setDuration(value === duration ? null : value)}>
        <Group gap="xs" role="group" aria-labelledby="contact-duration-label">
          {DURATIONS.map((minutes) => (
            <Chip key={minutes} value={String(minutes)} size="md">
              {t('contacts.minutes', { count: minutes })}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {careTeam.length > 1 && me && (
        <MultiSelect
          mt="sm"
          label={t('contacts.alsoThere')}
          placeholder={others.length === 0 ? t('contacts.justMe') : undefined}
          data={careTeam
            .filter((member) => member.userId !== me)
            .map((member) => ({ value: member.userId, label: member.displayName }))}
          value={others}
          onChange={setOthers}
          clearable
          w={{ base: '100%', xs: 360 }}
        />
      )}
      {earlier === null ? (
        <Button
          variant="subtle"
          size="compact-sm"
          mt="sm"
          onClick={() => setEarlier(localInputValue(new Date()))}
        >
          {t('contacts.earlier')}
        </Button>
      ) : (
        <TextInput
          mt="sm"
          type="datetime-local"
          label={t('contacts.when')}
          value={earlier}
          max={localInputValue(new Date())}
          onChange={(event) => setEarlier(event.currentTarget.value || null)}
          w={{ base: '100%', xs: 260 }}
        />
      )}
      {logContact.isError && <ErrorAlert error={logContact.error} />}
      {logged && (
        <Alert color="green" variant="light" mt="sm" role="status">
          {t('contacts.logged')}
        </Alert>
      )}
      <Button type="submit" size="lg" fullWidth mt="sm" disabled={!kind} loading={logContact.isPending}>
        {t('contacts.log')}
      </Button>
    </Card>
  );
}

function ContactList({ contacts }: { contacts: Contact[] }) {
  const { t, i18n } = useTranslation('participant');
  if (contacts.length === 0) return <Text c="dimmed">{t('contacts.none')}</Text>;
  return (
    <Stack component="ol" gap="xs" pl={0} m={0} style={{ listStyle: 'none' }} data-testid="contacts">
      {contacts.map((contact) => (
        <Card component="li" key={contact.id} withBorder padding="xs" opacity={contact.correctedBy ? 0.6 : 1}>
          <Group gap="xs" justify="space-between">
            <Text fw={600}>{t(`contacts.kind.${contact.kind}`)}</Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(contact.occurredAt, i18n.language)}
              {contact.durationMinutes !== null
                ? ` · ${t('contacts.minutes', { count: contact.durationMinutes })}`
                : ''}
            </Text>
          </Group>
          {contact.correctedBy && (
            <Badge color="gray" variant="light" tt="none">
              {t('contacts.corrected')}
            </Badge>
          )}
          {contact.correctsContactId && (
            <Badge color="blue" variant="light" tt="none">
              {t('contacts.correction')}
            </Badge>
          )}
          {contact.note && (
            <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{contact.note}</Text>
          )}
          <Text size="sm" c="dimmed">
            {contact.staff.map((member) => member.displayName).join(', ')}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
