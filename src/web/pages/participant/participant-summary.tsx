import { Badge, Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.tsx';
import { followLink } from '../../routing.ts';
import { formatDate } from '../review/format.ts';
import { referralPath } from '../review/paths.ts';
import { intakePath } from './paths.ts';
import type { ParticipantSectionProps } from './section.ts';

/** Who, their status, case manager, the referral that brought them, and how to reach them. */
export function ParticipantSummarySection({ participant }: ParticipantSectionProps) {
  const { t, i18n } = useTranslation('participant');
  const { t: program } = useTranslation('program');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('summary.heading')}>
      <Group gap="xs" mb="xs">
        <Badge
          size="lg"
          tt="none"
          color={participant.status === 'enrolled' ? 'green' : 'blue'}
          data-testid="participant-status"
        >
          {t(`status.${participant.status}`)}
        </Badge>
        {participant.enrolledAt && (
          <Text size="sm">
            {t('summary.enrolledOn', { date: formatDate(participant.enrolledAt, i18n.language) })}
          </Text>
        )}
      </Group>
      <Text>
        {t('summary.caseManager')}: {participant.caseManager?.name ?? t('summary.noCaseManager')}
      </Text>
      <Text>
        {t('summary.referral')}:{' '}
        <AppLink to={referralPath(participant.referral.id)}>
          {program(`pathway.${participant.referral.pathway}`)} ·{' '}
          {formatDate(participant.referral.occurredAt, i18n.language)}
        </AppLink>
      </Text>
      <Text fw={600} mt="sm">
        {t('summary.reach')}
      </Text>
      {participant.contactMethods.length === 0 ? (
        <Text c="dimmed">{t('summary.noReach')}</Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {participant.contactMethods.map((method) => (
            <li key={`${method.kind}-${method.value}`}>
              <Text>
                {t(`method.${method.kind}`)}: {method.value}
                {method.note ? ` (${method.note})` : ''}
                {method.remindersAllowed ? ` · ${t('summary.remindersAllowed')}` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {participant.status === 'intake' && (
        <Button
          component="a"
          href={intakePath(participant.id)}
          onClick={followLink(intakePath(participant.id))}
          size="md"
          mt="md"
        >
          {t('summary.continueIntake')}
        </Button>
      )}
    </Card>
  );
}
