import { Button, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Session, SessionSite } from '../api/types.ts';
import { useSignOut } from '../api/use-sign-out.ts';
import { getOutbox } from '../offline/outbox.ts';
import { followLink, PATHS } from '../routing.ts';
import { ErrorAlert } from './error-alert.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/**
 * The header once signed in. First row: the app's name, language and signing out; second row:
 * the current site and switching site. Both rows fit a 360-pixel phone in either language.
 */
export function AppHeader({ session, site }: { session: Session; site: SessionSite | undefined }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <Container size="lg" py="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text
            component="a"
            href={PATHS.home}
            onClick={followLink(PATHS.home)}
            fw={800}
            size="xl"
            c="blue.9"
            td="none"
            aria-label={t('header.home')}
          >
            {t('app.name')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button
              variant="default"
              size="sm"
              px="sm"
              onClick={() => {
                const unsent = getOutbox().items.filter((item) => item.userId === session.user.id).length;
                // Signing out clears the device, queued screenings included: say so first.
                if (unsent === 0 || window.confirm(t('header.signOutUnsent', { count: unsent })))
                  signOut.mutate();
              }}
              loading={signOut.isPending}
            >
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
        {site && (
          <Group gap="xs" wrap="nowrap" mt={6} justify="space-between">
            <Text fw={600} truncate="end" miw={0} data-testid="current-site">
              {site.name}
            </Text>
            {session.sites.length > 1 && (
              <Button
                component="a"
                href={PATHS.sites}
                onClick={followLink(PATHS.sites)}
                variant="subtle"
                size="compact-sm"
                style={{ flexShrink: 0 }}
              >
                {t('sites.switch')}
              </Button>
            )}
          </Group>
        )}
        {signOut.isError && <ErrorAlert error={signOut.error} />}
      </Container>
    </header>
  );
}
