import { Badge, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { PageTitle } from '../../components/page-title.tsx';

/** For people who work at several sites: which one they are working at now. */
export function SitePickerPage({
  sites,
  currentSiteId,
  onChoose,
}: {
  sites: SessionSite[];
  currentSiteId: string | undefined;
  onChoose: (siteId: string) => void;
}) {
  const { t } = useTranslation();
  const sorted = [...sites].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageTitle>{t('sites.chooseTitle')}</PageTitle>
      <Text mb="lg">{t('sites.chooseIntro')}</Text>
      <Stack gap="sm" maw={560}>
        {sorted.map((site) => (
          <Card
            key={site.id}
            component="button"
            type="button"
            withBorder
            padding="md"
            className="site-choice"
            aria-current={site.id === currentSiteId ? 'true' : undefined}
            onClick={() => onChoose(site.id)}
          >
            <Text fw={700} size="lg">
              {site.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t('sites.yourRoles', { roles: site.roles.map((role) => t(`roles.${role}`)).join(', ') })}
            </Text>
            {site.id === currentSiteId && (
              <Badge mt="xs" variant="light">
                {t('sites.currentBadge')}
              </Badge>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
