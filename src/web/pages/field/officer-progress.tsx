import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfficerProgress } from '../../../contracts/referrals.ts';

const ENGAGEMENT_COLOR = { active: 'green', inactive: 'yellow', in_the_wind: 'red' } as const;

/** A site-local calendar date (YYYY-MM-DD) in the reader's language, with no time zone shift. */
function formatDay(day: string, language: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' });
}

/**
 * What the person agreed the police may know of their progress: enrolment (and its date) and
 * engagement, each shown only when the server sent it. Nothing is shown when nothing was shared.
 */
export function OfficerProgressBadges({ progress }: { progress: OfficerProgress | undefined }) {
  const { t, i18n } = useTranslation('field');
  if (!progress || (!progress.enrolment && !progress.engagement)) return null;
  return (
    <Group gap="xs" mt={4} data-testid="officer-progress">
      {progress.enrolment && (
        <Badge
          variant="light"
          tt="none"
          size="lg"
          color={progress.enrolment.status === 'enrolled' ? 'blue' : 'gray'}
          data-testid="progress-enrolment"
        >
          {t(`progress.${progress.enrolment.status}`, {
            date: formatDay(progress.enrolment.on, i18n.language),
          })}
        </Badge>
      )}
      {progress.engagement && (
        <Badge
          variant="light"
          tt="none"
          size="lg"
          color={ENGAGEMENT_COLOR[progress.engagement]}
          data-testid="progress-engagement"
        >
          {t('progress.engagementLabel', { level: t(`progress.engagement.${progress.engagement}`) })}
        </Badge>
      )}
      <Text size="xs" c="dimmed" w="100%">
        {t('progress.label')}
      </Text>
    </Group>
  );
}
