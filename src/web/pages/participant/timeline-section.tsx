import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../review/format.ts';
import { useOlderTimeline } from './participant-api.ts';
import type { ParticipantSectionProps } from './section.ts';

/**
 * Everything that happened, newest first; each feature's items come from the server's timeline.
 * The record holds the newest page; "Show older" fetches the next, a page at a time.
 */
export function TimelineSection({ site, participant }: ParticipantSectionProps) {
  const { t, i18n } = useTranslation('participant');
  const [showOlder, setShowOlder] = useState(false);
  const older = useOlderTimeline(site.id, participant.id, participant.timelineCursor, showOlder);
  const seen = new Set<string>();
  const items = [
    ...participant.timeline,
    ...(showOlder ? (older.data?.pages.flatMap((page) => page.timeline) ?? []) : []),
  ].filter((item) => {
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const more = showOlder ? older.hasNextPage || older.isError : participant.timelineCursor !== null;
  const loading = showOlder && (older.isFetching || older.isFetchingNextPage);
  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} size="h3" id="timeline-heading" mb="xs">
        {t('timeline.heading')}
      </Title>
      <Stack component="ol" gap="xs" pl="lg" m={0} data-testid="timeline">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`}>
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
      {older.isError && (
        <Text role="alert" c="red" mt="xs">
          {t('timelinePages.failed')}
        </Text>
      )}
      {(more || loading) && (
        <Button
          variant="light"
          size="md"
          mt="sm"
          fullWidth
          loading={loading}
          onClick={() => {
            if (!showOlder) setShowOlder(true);
            else if (!older.data) void older.refetch();
            else void older.fetchNextPage();
          }}
        >
          {loading ? t('timelinePages.loading') : t('timelinePages.showOlder')}
        </Button>
      )}
    </section>
  );
}
