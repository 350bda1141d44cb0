import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { AddStaffForm } from './add-staff-form.tsx';
import { StaffTable } from './staff-table.tsx';

/** Staff at the site (program managers and admins), and a form to give someone a role. */
export function StaffPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation();
  const api = useApi();
  const staff = useQuery({ queryKey: ['staff', site.id], queryFn: () => api.listStaff(site.id) });
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {t('common.backHome')}
      </AppLink>
      <PageTitle>{t('staff.title')}</PageTitle>
      <Text mb="md">{t('staff.intro', { site: site.name })}</Text>
      {staff.isPending && <PageLoader />}
      {staff.isError && <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.data && <StaffTable staff={staff.data.staff} siteName={site.name} />}
      {site.actions.includes('staff:manage') && <AddStaffForm siteId={site.id} />}
    </>
  );
}
