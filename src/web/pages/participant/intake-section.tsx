import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../review/format.ts';
import type { ParticipantSectionProps } from './section.ts';

/** The intake's answers: what they need now, needs by domain (those not "none"), its state. */
export function IntakeSection({ participant }: ParticipantSectionProps) {
  const { t, i18n } = useTranslation('participant');
  const intake = participant.intake;
  if (!intake) return null;
  const needs = intake.needs.filter((need) => need.level !== 'none');
  return (
    <section aria-labelledby="intake-heading">
      <Title order={2} size="h3" id="intake-heading" mb="xs">
        {t('intakeSection.heading')}
      </Title>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed" mb="xs">
          {intake.completedAt
            ? t('intakeSection.completed', { when: formatDateTime(intake.completedAt, i18n.language) })
            : t('intakeSection.draft', { when: formatDateTime(intake.updatedAt, i18n.language) })}
        </Text>
        {intake.neededNow && (
          <Text mb="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <b>{t('intake.neededNow')}</b> {intake.neededNow}
          </Text>
        )}
        {intake.priorities && (
          <Text mb="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <b>{t('intake.priorities')}</b> {intake.priorities}
          </Text>
        )}
        {needs.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {needs.map((need) => (
              <li key={need.domain}>
                <Text>
                  {t(`need.${need.domain}`)}: {t(`level.${need.level}`)}
                  {need.notes ? ` (${need.notes})` : ''}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
