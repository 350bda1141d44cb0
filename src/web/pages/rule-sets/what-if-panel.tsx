import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { RuleCode } from './rule-code.tsx';
import { useWhatIf } from './rule-sets-api.ts';

const CAPTION = { textAlign: 'left', fontWeight: 600, color: 'inherit', marginBottom: 4 } as const;
const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** Every recorded screening re-run under one version: how many decisions would change, and how. */
export function WhatIfPanel({ site, ruleSetId }: { site: SessionSite; ruleSetId: string }) {
  const { t } = useTranslation('program');
  const whatIf = useWhatIf(site.id, ruleSetId);
  return (
    <Card
      withBorder
      padding="md"
      mt="md"
      component="section"
      aria-labelledby="what-if-heading"
      aria-live="polite"
    >
      {whatIf.isPending && <PageLoader />}
      {whatIf.isError && <ErrorAlert error={whatIf.error} onRetry={() => void whatIf.refetch()} />}
      {whatIf.data && (
        <>
          <Title order={3} id="what-if-heading" size="h4">
            {t('whatIf.title', { name: whatIf.data.ruleSet.name, version: whatIf.data.ruleSet.version })}
          </Title>
          <Text mt="xs">
            {t('whatIf.summary', { count: whatIf.data.screenings, unchanged: whatIf.data.unchanged })}
          </Text>
          {whatIf.data.changes.length > 0 && (
            <Table.ScrollContainer minWidth={300} mt="sm">
              <Table verticalSpacing="xs" horizontalSpacing="xs" captionSide="top">
                <Table.Caption style={CAPTION}>{t('whatIf.changesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('whatIf.from')}</Table.Th>
                    <Table.Th scope="col">{t('whatIf.to')}</Table.Th>
                    <Table.Th scope="col" style={NUMBER}>
                      {t('whatIf.screenings')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {whatIf.data.changes.map((change) => (
                    <Table.Tr key={`${change.from}-${change.to}`}>
                      <Table.Td>{t(`screening.${change.from}`, { defaultValue: change.from })}</Table.Td>
                      <Table.Td>{t(`screening.${change.to}`, { defaultValue: change.to })}</Table.Td>
                      <Table.Td style={NUMBER}>{change.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Table.ScrollContainer minWidth={260} mt="sm">
            <Table verticalSpacing="xs" horizontalSpacing="xs" captionSide="top">
              <Table.Caption style={CAPTION}>{t('whatIf.failuresCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('whatIf.rule')}</Table.Th>
                  <Table.Th scope="col" style={NUMBER}>
                    {t('whatIf.wouldExclude')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {whatIf.data.failuresByRule.map((rule) => (
                  <Table.Tr key={rule.code}>
                    <Table.Th scope="row" fw={500} miw="9rem">
                      <RuleCode code={rule.code} />
                    </Table.Th>
                    <Table.Td style={NUMBER}>{rule.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
