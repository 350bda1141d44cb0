import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { AddPartnerForm } from './add-partner-form.tsx';
import { type DirectoryFilters, useDirectory, useDownloadHsds } from './directory-api.ts';
import { CAPACITIES, SERVICE_CATEGORIES } from './directory-types.ts';
import { LinkProviderForm } from './link-provider-form.tsx';
import { ServiceCard } from './service-card.tsx';

const NO_FILTERS: DirectoryFilters = { q: '', category: '', language: '', capacity: '' };
const LANGUAGES = ['en', 'es', 'fr', 'ht', 'vi', 'zh', 'ar'];

/** The partner directory for the care team: search and filter services, capacity at a glance. */
export function DirectoryPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('directory');
  const { t: common } = useTranslation();
  const [filters, setFilters] = useState<DirectoryFilters>(NO_FILTERS);
  const [words] = useDebouncedValue(filters.q, 250);
  const directory = useDirectory(site.id, { ...filters, q: words });
  const manages = site.actions.includes('directory:manage');
  const download = useDownloadHsds(site.id, `directory-${site.slug}.hsds.json`);
  const languageName = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const set = (key: keyof DirectoryFilters) => (value: string | null) =>
    setFilters((current) => ({ ...current, [key]: value ?? '' }));
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('page.title')}</PageTitle>
      <Text mb="md">{t('page.intro')}</Text>
      <Stack gap="sm" mb="md" role="search">
        <TextInput
          label={t('filters.q')}
          placeholder={t('filters.qPlaceholder')}
          size="md"
          type="search"
          value={filters.q}
          onChange={(event) => set('q')(event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('filters.category')}
            size="md"
            value={filters.category}
            onChange={(event) => set('category')(event.currentTarget.value)}
            data={[
              { value: '', label: t('filters.any') },
              ...SERVICE_CATEGORIES.map((category) => ({
                value: category,
                label: t(`category.${category}`),
              })),
            ]}
          />
          <NativeSelect
            label={t('filters.language')}
            size="md"
            value={filters.language}
            onChange={(event) => set('language')(event.currentTarget.value)}
            data={[
              { value: '', label: t('filters.any') },
              ...LANGUAGES.map((code) => ({ value: code, label: languageName.of(code) ?? code })),
            ]}
          />
          <NativeSelect
            label={t('filters.capacity')}
            size="md"
            value={filters.capacity}
            onChange={(event) => set('capacity')(event.currentTarget.value)}
            data={[
              { value: '', label: t('filters.any') },
              ...CAPACITIES.map((capacity) => ({ value: capacity, label: t(`capacity.${capacity}`) })),
            ]}
          />
        </SimpleGrid>
        <Group>
          <Button variant="subtle" size="md" onClick={() => setFilters(NO_FILTERS)}>
            {t('filters.clear')}
          </Button>
        </Group>
      </Stack>
      {manages && (
        <Stack gap="xs" mb="md">
          <Button
            variant="default"
            size="md"
            onClick={() => download.mutate()}
            loading={download.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('export.download')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('export.hint')}
          </Text>
          {download.isError && <ErrorAlert error={download.error} />}
        </Stack>
      )}
      {manages && <AddPartnerForm siteId={site.id} />}
      {manages && site.actions.includes('staff:manage') && <LinkProviderForm siteId={site.id} />}
      {directory.isPending && <PageLoader />}
      {directory.isError && <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />}
      {directory.data && (
        <>
          <Text fw={600} mb="xs" aria-live="polite">
            {directory.data.services.length === 0
              ? t('results.none')
              : t('results.count', { count: directory.data.services.length })}
          </Text>
          <Stack gap="sm">
            {directory.data.services.map((service) => (
              <ServiceCard key={service.id} siteId={site.id} service={service} canSetCapacity={manages} />
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
