import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { formatDate } from '../review/format.ts';
import { useParticipants } from './participant-api.ts';
import { participantPath } from './paths.ts';

/** The site's participants (care team): those in intake first, with status, case manager, enrolment. */
export function ParticipantsPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('participant');
  const { t: common } = useTranslation();
  const participants = useParticipants(site.id);
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('list.title')}</PageTitle>
      {participants.isPending && <PageLoader />}
      {participants.isError && (
        <ErrorAlert error={participants.error} onRetry={() => void participants.refetch()} />
      )}
      {participants.data &&
        (participants.data.participants.length === 0 ? (
          <Text c="dimmed">{t('list.empty')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {participants.data.participants.map((participant) => (
              <Card component="li" key={participant.id} withBorder padding="sm">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <AppLink
                      to={participantPath(participant.id)}
                      fw={700}
                      size="lg"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {participant.nameOrAlias}
                    </AppLink>
                    <Text size="sm">
                      {t('summary.caseManager')}:{' '}
                      {participant.caseManager?.name ?? t('summary.noCaseManager')}
                    </Text>
                    {participant.enrolledAt && (
                      <Text size="sm" c="dimmed">
                        {t('summary.enrolledOn', { date: formatDate(participant.enrolledAt, i18n.language) })}
                      </Text>
                    )}
                  </div>
                  <Badge tt="none" color={participant.status === 'enrolled' ? 'green' : 'blue'}>
                    {t(`status.${participant.status}`)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        ))}
    </>
  );
}
