import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../review/format.ts';
import type { ServiceReferral } from './directory-types.ts';

/** Every status change of a referral: the status, when, who, and their reason. */
export function ReferralHistory({ history }: { history: ServiceReferral['history'] }) {
  const { t, i18n } = useTranslation('directory');
  return (
    <>
      <Text size="sm" fw={600} mt="xs">
        {t('referrals.history')}
      </Text>
      <List size="sm" spacing={2}>
        {history.map((event) => (
          <List.Item key={`${event.at}-${event.to}`}>
            {t('history.entry', {
              status: t(`referralStatus.${event.to}`),
              when: formatDateTime(event.at, i18n.language),
              by: event.by,
            })}
            <Text size="sm" c="dimmed" component="span">
              {' '}
              — {event.reason}
            </Text>
          </List.Item>
        ))}
      </List>
    </>
  );
}
