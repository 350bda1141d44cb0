import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';

/** Signed in, but with no role anywhere yet. */
export function NoSitesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('sites.noneTitle')}</PageTitle>
      <Text>{t('sites.noneBody')}</Text>
    </>
  );
}
