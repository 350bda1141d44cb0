import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Engagement } from './care-api.ts';

const COLORS = { active: 'green', inactive: 'yellow', in_the_wind: 'red' } as const;

/** Engagement, derived from contacts: its level and how many days since the last contact. */
export function EngagementBadge({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation('participant');
  return (
    <Badge
      color={COLORS[engagement.level]}
      variant="light"
      size="lg"
      tt="none"
      py={4}
      // A badge keeps to one line and cuts the rest off; on a phone this one must wrap instead.
      styles={{
        root: { height: 'auto', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible' },
      }}
      data-testid="engagement"
    >
      {t(`engagement.level.${engagement.level}`)} ·{' '}
      {t(
        engagement.since === 'last_contact' ? 'engagement.daysSinceContact' : 'engagement.daysSinceEnrolment',
        {
          count: engagement.daysSince,
        },
      )}
    </Badge>
  );
}
