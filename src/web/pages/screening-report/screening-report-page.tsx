import { Alert, Group, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { RuleCode } from '../rule-sets/rule-code.tsx';
import { useRuleSets } from '../rule-sets/rule-sets-api.ts';
import { FunnelTable } from './funnel-table.tsx';
import { DIMENSIONS, type Dimension, type ScreeningReport, useScreeningReport } from './report-api.ts';

const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Screenings and offers counted by pathway, race, ethnicity or gender over a period, and how often
 * each rule excluded someone or could not be decided: plain tables, numbers right-aligned.
 */
export function ScreeningReportPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation('program');
  const { t: common } = useTranslation();
  const [by, setBy] = useState<Dimension>('pathway');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const backwards = from !== '' && to !== '' && from > to;
  const report = useScreeningReport(site.id, by, backwards ? '' : from, backwards ? '' : to);
  const descriptions = useRuleDescriptions(site);
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('report.title')}</PageTitle>
      <Text mb="sm">{t('report.intro')}</Text>
      <Alert color="gray" variant="light" mb="md" title={t('report.demographicsTitle')}>
        {t('report.demographicsNote')}
      </Alert>
      <Group gap="sm" align="flex-start" wrap="wrap" mb="md">
        <NativeSelect
          label={t('report.by')}
          value={by}
          onChange={(event) => setBy(event.currentTarget.value as Dimension)}
          data={DIMENSIONS.map((dimension) => ({
            value: dimension,
            label: t(`report.dimensions.${dimension}`),
          }))}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          label={t('report.from')}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          w={{ base: 'calc(50% - 6px)', xs: 170 }}
        />
        <TextInput
          label={t('report.to')}
          type="date"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={backwards ? t('report.backwards') : undefined}
          w={{ base: 'calc(50% - 6px)', xs: 170 }}
        />
      </Group>
      {report.isPending && <PageLoader />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <ReportTables report={report.data} by={by} siteName={site.name} descriptions={descriptions} />
      )}
    </>
  );
}

/** Each rule code's description, from the site's rule sets (the newest version's wording wins). */
function useRuleDescriptions(site: SessionSite): Map<string, string> {
  const ruleSets = useRuleSets(site.id, site.actions.includes('rule_sets:view'));
  const descriptions = new Map<string, string>();
  const oldestFirst = [...(ruleSets.data?.ruleSets ?? [])].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  for (const ruleSet of oldestFirst)
    for (const rule of ruleSet.rules) descriptions.set(rule.code, rule.description);
  return descriptions;
}

function ReportTables({
  report,
  by,
  siteName,
  descriptions,
}: {
  report: ScreeningReport;
  by: Dimension;
  siteName: string;
  descriptions: Map<string, string>;
}) {
  const { t } = useTranslation('program');
  return (
    <>
      <section aria-labelledby="funnel-heading">
        <Title order={2} id="funnel-heading" mt="md" mb="xs">
          {t('report.funnelHeading', { dimension: t(`report.dimensionsInSentence.${by}`) })}
        </Title>
        {(by === 'race' || by === 'gender') && (
          <Text size="sm" mb="xs">
            {t('report.multipleNote')}
          </Text>
        )}
        {report.rows.length === 0 ? (
          <Text c="dimmed">{t('report.empty')}</Text>
        ) : (
          <FunnelTable
            rows={report.rows}
            by={by}
            caption={t('report.funnelCaption', {
              site: siteName,
              dimension: t(`report.dimensionsInSentence.${by}`),
            })}
            showTotal={by === 'pathway' || by === 'ethnicity'}
          />
        )}
      </section>
      <section aria-labelledby="rules-heading">
        <Title order={2} id="rules-heading" mt="xl" mb="xs">
          {t('report.rulesHeading')}
        </Title>
        <Text size="sm" mb="xs">
          {t('report.rulesIntro')}
        </Text>
        {report.rules.length === 0 ? (
          <Text c="dimmed">{t('report.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table striped verticalSpacing="xs" horizontalSpacing={6} captionSide="top">
              <Table.Caption className="visually-hidden">
                {t('report.rulesCaption', { site: siteName })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('report.rule')}</Table.Th>
                  <Table.Th scope="col" style={NUMBER}>
                    {t('report.failed')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUMBER}>
                    {t('report.unknown')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUMBER}>
                    {t('report.passed')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rules.map((rule) => (
                  <Table.Tr key={rule.code}>
                    <Table.Th scope="row" fw={500} miw="6.5rem">
                      <RuleCode code={rule.code} />
                      {descriptions.get(rule.code) && (
                        <Text size="sm" c="dimmed" fw={400}>
                          {descriptions.get(rule.code)}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td style={NUMBER}>{rule.failed}</Table.Td>
                    <Table.Td style={NUMBER}>{rule.unknown}</Table.Td>
                    <Table.Td style={NUMBER}>{rule.passed}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </>
  );
}
