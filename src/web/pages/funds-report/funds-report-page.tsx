import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import {
  type FundTotals,
  formatCents,
  todayAt,
  useAddFundingSource,
  useFundingSources,
  useFundTotals,
  useSetFundingSourceActive,
} from '../participant/casework-api.ts';

const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The site's discretionary spending for a period (both days included), net of reversals: by
 * funding source, by category, and both, for funders' reports; and the list of funding sources,
 * kept by program managers.
 */
export function FundsReportPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('casework');
  const { t: common } = useTranslation();
  const today = todayAt(site.timezone);
  const [period, setPeriod] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const valid = DATE.test(period.from) && DATE.test(period.to) && period.from <= period.to;
  const totals = useFundTotals(site.id, period, valid);
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('report.title')}</PageTitle>
      <Text mb="md">{t('report.intro')}</Text>
      <Group gap="sm" align="flex-start" mb="md">
        <TextInput
          label={t('report.from')}
          type="date"
          size="md"
          value={period.from}
          onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
          w={{ base: 'calc(50% - 6px)', xs: 180 }}
        />
        <TextInput
          label={t('report.to')}
          type="date"
          size="md"
          value={period.to}
          error={valid ? undefined : t('report.backwards')}
          onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
          w={{ base: 'calc(50% - 6px)', xs: 180 }}
        />
      </Group>
      {totals.isPending && valid && <PageLoader />}
      {totals.isError && <ErrorAlert error={totals.error} onRetry={() => void totals.refetch()} />}
      {totals.data && <Totals totals={totals.data} language={i18n.language} />}
      {site.actions.includes('funding_sources:manage') && <FundingSources siteId={site.id} />}
    </>
  );
}

function Totals({ totals, language }: { totals: FundTotals; language: string }) {
  const { t } = useTranslation('casework');
  const money = (cents: number) => formatCents(cents, language);
  if (totals.rows.length === 0) return <Text c="dimmed">{t('report.none')}</Text>;
  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed">
          {t('report.total')}
        </Text>
        <Text fw={700} size="xl" data-testid="funds-total">
          {money(totals.totalCents)}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('report.bySource')}
          </Title>
          <Table striped>
            <Table.Tbody>
              {totals.bySource.map((source) => (
                <Table.Tr key={source.fundingSourceId}>
                  <Table.Td>{source.fundingSourceName}</Table.Td>
                  <Table.Td style={NUMBER}>{money(source.totalCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('report.byCategory')}
          </Title>
          <Table striped>
            <Table.Tbody>
              {totals.byCategory.map((category) => (
                <Table.Tr key={category.category}>
                  <Table.Td>{t(`funds.categories.${category.category}`)}</Table.Td>
                  <Table.Td style={NUMBER}>{money(category.totalCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </SimpleGrid>
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('report.detail')}
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.source')}</Table.Th>
                <Table.Th>{t('report.category')}</Table.Th>
                <Table.Th style={NUMBER}>{t('report.entries')}</Table.Th>
                <Table.Th style={NUMBER}>{t('report.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.rows.map((row) => (
                <Table.Tr key={`${row.fundingSourceId}-${row.category}`}>
                  <Table.Td>{row.fundingSourceName}</Table.Td>
                  <Table.Td>{t(`funds.categories.${row.category}`)}</Table.Td>
                  <Table.Td style={NUMBER}>{row.entries}</Table.Td>
                  <Table.Td style={NUMBER}>{money(row.totalCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
    </Stack>
  );
}

function FundingSources({ siteId }: { siteId: string }) {
  const { t } = useTranslation('casework');
  const sources = useFundingSources(siteId);
  const add = useAddFundingSource(siteId);
  const setActive = useSetFundingSourceActive(siteId);
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    add.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };
  return (
    <section aria-labelledby="funding-sources-heading">
      <Title order={2} size="h3" id="funding-sources-heading" mt="xl" mb="xs">
        {t('report.sources')}
      </Title>
      <Text size="sm" mb="sm">
        {t('report.sourcesIntro')}
      </Text>
      {sources.isError && <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} />}
      <Stack gap="xs" mb="md">
        {sources.data?.fundingSources.map((source) => (
          <Group key={source.id} justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Text>{source.name}</Text>
              {!source.active && (
                <Badge color="gray" tt="none">
                  {t('report.retired')}
                </Badge>
              )}
            </Group>
            <Button
              size="sm"
              variant="subtle"
              loading={setActive.isPending}
              onClick={() => setActive.mutate({ id: source.id, active: !source.active })}
            >
              {source.active ? t('report.retire') : t('report.reactivate')}
            </Button>
          </Group>
        ))}
      </Stack>
      <form onSubmit={submit} aria-label={t('report.addSource')}>
        <Group align="flex-end">
          <TextInput
            label={t('report.addSource')}
            placeholder={t('report.sourceName')}
            size="md"
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            style={{ flexGrow: 1 }}
          />
          <Button type="submit" size="md" loading={add.isPending}>
            {t('report.add')}
          </Button>
        </Group>
      </form>
      {(add.isError || setActive.isError) && <ErrorAlert error={add.error ?? setActive.error} />}
    </section>
  );
}
