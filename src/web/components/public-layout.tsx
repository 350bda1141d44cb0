import { Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';
import { SkipLink } from './skip-link.tsx';

/** The frame of the pages before sign-in is complete: name, language switch, one narrow column. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <Container size="sm" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={800} size="xl" c="blue.9">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
        </Container>
      </header>
      <main id="main" tabIndex={-1}>
        <Container size={460} py="xl">
          {children}
        </Container>
      </main>
    </>
  );
}
