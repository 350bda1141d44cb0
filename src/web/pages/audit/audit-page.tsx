import { Button, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { AuditTable } from './audit-table.tsx';

const PAGE_SIZE = 100;

/** The site's audit log (admins): the newest entries, and older ones on request. */
export function AuditPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation();
  const api = useApi();
  const audit = useInfiniteQuery({
    queryKey: ['audit', site.id],
    queryFn: ({ pageParam }) => api.listAudit(site.id, { before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.entries.length === PAGE_SIZE ? last.entries.at(-1)?.seq : undefined),
  });
  const canListStaff = site.actions.includes('staff:list');
  const staff = useQuery({
    queryKey: ['staff', site.id],
    queryFn: () => api.listStaff(site.id),
    enabled: canListStaff,
  });
  const staffNames = new Map((staff.data?.staff ?? []).map((member) => [member.userId, member.displayName]));
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {t('common.backHome')}
      </AppLink>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text mb="md">{t('audit.intro', { site: site.name, timezone: site.timezone })}</Text>
      {audit.isPending && <PageLoader />}
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && entries.length === 0 && <Text>{t('audit.empty')}</Text>}
      {entries.length > 0 && (
        <AuditTable
          entries={entries}
          caption={t('audit.caption', { site: site.name })}
          timezone={site.timezone}
          staffNames={staffNames}
        />
      )}
      {audit.hasNextPage ? (
        <Button
          mt="md"
          variant="default"
          onClick={() => void audit.fetchNextPage()}
          loading={audit.isFetchingNextPage}
        >
          {t('audit.older')}
        </Button>
      ) : (
        entries.length > 0 && (
          <Text mt="md" c="dimmed" size="sm">
            {t('audit.noMore')}
          </Text>
        )
      )}
    </>
  );
}
