import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** A page's one h1; also names the browser tab, so screen readers announce where the user is. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('app.titleSuffix')}`;
  }, [children, t]);
  return (
    <Title order={1} tabIndex={-1} mb="xs">
      {children}
    </Title>
  );
}
