import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../review/format.ts';
import type { ParticipantSectionProps } from './section.ts';

/** Everything that happened, newest first; each feature's items come from the server's timeline. */
export function TimelineSection({ participant }: ParticipantSectionProps) {
  const { t, i18n } = useTranslation('participant');
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading" mb="xs">
        {t('timeline.heading')}
      </Title>
      <Stack component="ol" gap="xs" pl="lg" m={0} data-testid="timeline">
        {participant.timeline.map((item) => (
          <li key={`${item.at}-${item.what}-${item.detail ?? ''}`}>
            <Text fw={600}>{t(`timeline.${item.what}`, { defaultValue: item.what })}</Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(item.at, i18n.language)}
              {item.by ? ` · ${item.by}` : ''}
            </Text>
            {item.detail && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {item.detail}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </section>
  );
}
