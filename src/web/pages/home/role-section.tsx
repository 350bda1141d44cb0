import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, SessionSite } from '../../api/types.ts';
import { FeatureCard } from './feature-card.tsx';
import { ROLE_FEATURES } from './role-homes.ts';

/** One role's home: its heading and a card for each thing that role does. */
export function RoleSection({ role, site }: { role: Role; site: SessionSite }) {
  const { t } = useTranslation();
  const headingId = `role-${role}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mt="xl">
        {t(`home.sections.${role}.heading`)}
      </Title>
      <Text c="dimmed" mb="sm">
        {t(`home.sections.${role}.intro`)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {ROLE_FEATURES[role].map((feature) => {
          const allowed = feature.path && (!feature.action || site.actions.includes(feature.action));
          return (
            <FeatureCard
              key={feature.key}
              featureKey={feature.key}
              path={allowed ? feature.path : undefined}
            />
          );
        })}
      </SimpleGrid>
    </section>
  );
}
