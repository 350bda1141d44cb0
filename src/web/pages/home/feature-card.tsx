import { Badge, Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { followLink } from '../../routing.ts';

/**
 * One thing a role does. Built features are links; the rest say "coming soon" and are plain,
 * non-interactive cards, so nothing pretends to work.
 */
export function FeatureCard({ featureKey, path }: { featureKey: string; path: string | undefined }) {
  const { t } = useTranslation();
  const title = t(`features.${featureKey}.title`);
  const description = t(`features.${featureKey}.description`);
  if (path) {
    return (
      <Card
        component="a"
        href={path}
        onClick={followLink(path)}
        withBorder
        padding="md"
        className="feature-card-link"
      >
        <Title order={3} size="h4" c="blue.9">
          {title}
        </Title>
        <Text size="sm" mt={4}>
          {description}
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder padding="md" bg="gray.0" data-coming-soon="true">
      <Title order={3} size="h4" c="gray.8">
        {title}
      </Title>
      <Text size="sm" mt={4} c="dimmed">
        {description}
      </Text>
      <Badge mt="sm" color="gray" variant="outline" tt="none">
        {t('common.comingSoon')}
      </Badge>
    </Card>
  );
}
