import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text mb="md">{t('notFound.body')}</Text>
      <AppLink to={PATHS.home}>{t('common.backHome')}</AppLink>
    </>
  );
}
