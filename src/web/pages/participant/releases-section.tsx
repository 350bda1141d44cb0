import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../review/format.ts';
import { type Release, useRevokeRelease } from './participant-api.ts';
import { releasePrintPath } from './paths.ts';
import type { ParticipantSectionProps } from './section.ts';

/** The participant's releases of information: each one's terms, a printable copy, and revoking. */
export function ReleasesSection({ site, participant }: ParticipantSectionProps) {
  const { t } = useTranslation('participant');
  return (
    <section aria-labelledby="releases-heading">
      <Title order={2} size="h3" id="releases-heading" mb="xs">
        {t('releases.heading')}
      </Title>
      {participant.releases.length === 0 ? (
        <Text c="dimmed">{t('releases.none')}</Text>
      ) : (
        <Stack gap="sm">
          {participant.releases.map((release) => (
            <ReleaseCard key={release.id} siteId={site.id} participantId={participant.id} release={release} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function ReleaseCard({
  siteId,
  participantId,
  release,
}: {
  siteId: string;
  participantId: string;
  release: Release;
}) {
  const { t, i18n } = useTranslation('participant');
  const revoke = useRevokeRelease(siteId, participantId);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  return (
    <Card withBorder padding="md" data-testid="release">
      <Group justify="space-between" mb="xs">
        <Badge color={release.inForce ? 'green' : 'gray'} tt="none" size="lg">
          {release.revokedAt
            ? t('releases.revoked')
            : release.inForce
              ? t('releases.inForce')
              : t('releases.expired')}
        </Badge>
        <AppLink to={releasePrintPath(participantId, release.id)}>{t('releases.print')}</AppLink>
      </Group>
      <Text>
        <b>{t('releases.to')}</b>{' '}
        {release.recipients
          .map((recipient) => `${recipient.name} (${t(`recipient.${recipient.kind}`)})`)
          .join(', ')}
      </Text>
      <Text>
        <b>{t('releases.what')}</b>{' '}
        {release.categories.map((category) => t(`category.${category}`)).join(', ')}
      </Text>
      <Text>
        <b>{t('releases.until')}</b> {release.expiresOn ?? release.expiryEvent}
      </Text>
      <Text size="sm" c="dimmed">
        {t('releases.signedOn', { date: release.signedOn })}
        {release.revokedAt &&
          ` · ${t('releases.revokedAt', { when: formatDateTime(release.revokedAt, i18n.language) })}`}
      </Text>
      {!release.revokedAt &&
        (confirming ? (
          <Stack gap="xs" mt="sm">
            <TextInput
              label={t('releases.revokeNote')}
              size="md"
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {revoke.isError && <ErrorAlert error={revoke.error} />}
            <Group>
              <Button
                color="red"
                loading={revoke.isPending}
                onClick={() =>
                  revoke.mutate(
                    { releaseId: release.id, ...(note.trim() ? { note: note.trim() } : {}) },
                    { onSuccess: () => setConfirming(false) },
                  )
                }
              >
                {t('releases.revokeConfirm')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                {t('releases.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button variant="outline" color="red" mt="sm" onClick={() => setConfirming(true)}>
            {t('releases.revoke')}
          </Button>
        ))}
    </Card>
  );
}
