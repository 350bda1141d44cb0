import { Button, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { navigate } from '../../routing.ts';
import { useStartIntake } from './participant-api.ts';
import { intakePath } from './paths.ts';

/**
 * "Start intake" on an accepted referral (the care team's referral page): makes the person a
 * participant in intake, or reopens the intake already started, and goes to the intake page.
 */
export function StartIntake({ siteId, referralId }: { siteId: string; referralId: string }) {
  const { t } = useTranslation('participant');
  const start = useStartIntake(siteId);
  return (
    <Card withBorder padding="md" mb="md" component="section" aria-labelledby="start-intake-heading">
      <Title order={2} size="h3" id="start-intake-heading" mb="xs">
        {t('start.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('start.intro')}
      </Text>
      {start.isError && <ErrorAlert error={start.error} />}
      <Button
        size="lg"
        loading={start.isPending}
        onClick={() =>
          start.mutate(referralId, { onSuccess: (participant) => navigate(intakePath(participant.id)) })
        }
      >
        {t('start.action')}
      </Button>
    </Card>
  );
}
