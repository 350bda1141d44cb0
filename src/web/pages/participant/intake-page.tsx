import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { navigate } from '../../routing.ts';
import { IntakeForm } from './intake-form.tsx';
import { type ParticipantDetail, useCompleteIntake, useParticipant } from './participant-api.ts';
import { participantPath } from './paths.ts';
import { ReleaseForm } from './release-form.tsx';

/**
 * A participant's intake, made for a phone in the field: the answers (saved as a draft as often as
 * needed), the release of information, then "Complete intake", which needs a signed release.
 */
export function IntakePage({ site, participantId }: { site: SessionSite; participantId: string }) {
  const { t } = useTranslation('participant');
  const participant = useParticipant(site.id, participantId);
  return (
    <>
      <AppLink to={participantPath(participantId)} size="sm">
        {t('intake.back')}
      </AppLink>
      {participant.isPending && <PageLoader />}
      {participant.isError && (
        <ErrorAlert error={participant.error} onRetry={() => void participant.refetch()} />
      )}
      {participant.data && <Intake site={site} participant={participant.data} />}
    </>
  );
}

function Intake({ site, participant }: { site: SessionSite; participant: ParticipantDetail }) {
  const { t } = useTranslation('participant');
  const complete = useCompleteIntake(site.id, participant.id);
  const inForce = participant.releases.filter((release) => release.inForce);
  const [signing, setSigning] = useState(inForce.length === 0);
  const completed = participant.intake?.state === 'completed';
  const [completionKey] = useState(() => crypto.randomUUID());
  return (
    <>
      <PageTitle>{t('intake.title', { name: participant.nameOrAlias })}</PageTitle>
      {completed ? (
        <Alert color="green" variant="light" mb="md">
          {t('intake.alreadyCompleted')}
        </Alert>
      ) : (
        <Text mb="md">{t('intake.intro')}</Text>
      )}
      <Stack gap="xl">
        {!completed && <IntakeForm siteId={site.id} participant={participant} />}

        {inForce.length > 0 && (
          <Card withBorder padding="md" data-testid="releases-in-force">
            <Text fw={600}>{t('intake.releasesInForce', { count: inForce.length })}</Text>
            <Text size="sm">
              {inForce
                .map((release) => release.recipients.map((recipient) => recipient.name).join(', '))
                .join(' · ')}
            </Text>
            {!signing && (
              <Button
                variant="subtle"
                mt="xs"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setSigning(true)}
              >
                {t('intake.signAnother')}
              </Button>
            )}
          </Card>
        )}
        {signing && (
          <ReleaseForm
            siteId={site.id}
            participant={participant}
            canReadDirectory={site.actions.includes('directory:view')}
            onSigned={() => setSigning(false)}
          />
        )}

        {!completed && (
          <section aria-labelledby="complete-heading">
            <Title order={2} size="h3" id="complete-heading" mb="xs">
              {t('intake.completeHeading')}
            </Title>
            <Text size="sm" mb="sm">
              {inForce.length > 0 ? t('intake.completeReady') : t('intake.completeNeedsRelease')}
            </Text>
            {complete.isError && <ErrorAlert error={complete.error} />}
            <Button
              size="lg"
              color="green"
              fullWidth
              disabled={inForce.length === 0}
              loading={complete.isPending}
              onClick={() =>
                complete.mutate(
                  { key: completionKey },
                  { onSuccess: () => navigate(participantPath(participant.id)) },
                )
              }
            >
              {t('intake.complete')}
            </Button>
          </section>
        )}
      </Stack>
    </>
  );
}
