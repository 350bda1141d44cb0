import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { formatDate, formatDateTime } from '../review/format.ts';
import { RuleEditor, RuleList } from './rule-editor.tsx';
import { type StoredRuleSet, TEMPLATES, useRuleSets, useSaveRuleSet } from './rule-sets-api.ts';
import { WhatIfPanel } from './what-if-panel.tsx';

/**
 * The site's eligibility rules: the current version (editable by program managers), starting
 * from a template, the earlier versions, and what each version would have decided (analysts).
 */
export function RuleSetsPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('program');
  const { t: common } = useTranslation();
  const ruleSets = useRuleSets(site.id);
  const save = useSaveRuleSet(site.id);
  const canManage = site.actions.includes('rule_sets:manage');
  const canAnalyse = site.actions.includes('screenings:analyse');
  const [whatIfId, setWhatIfId] = useState<string | undefined>();
  const current = ruleSets.data?.ruleSets.find((ruleSet) => ruleSet.current);
  const saveWith = (body: Parameters<typeof save.mutate>[0]['body']) =>
    save.mutate({ body, key: crypto.randomUUID() });

  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('rules.title')}</PageTitle>
      <Text mb="md">{t('rules.intro')}</Text>
      {ruleSets.isPending && <PageLoader />}
      {ruleSets.isError && <ErrorAlert error={ruleSets.error} onRetry={() => void ruleSets.refetch()} />}
      {save.isSuccess && (
        <Alert color="green" variant="light" role="status" title={t('rules.savedTitle')} mb="md">
          {t('rules.saved', { version: save.data.version, name: save.data.name })}
        </Alert>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {current && (
        <section aria-labelledby="current-heading">
          <Title order={2} id="current-heading" mt="md">
            {t('rules.currentHeading')}
          </Title>
          <Text mb="sm" data-testid="current-rule-set">
            {t('rules.currentVersion', {
              name: current.name,
              version: current.version,
              date: formatDate(current.createdAt, i18n.language),
            })}
          </Text>
          {canManage ? (
            <RuleEditor
              key={current.id}
              current={current}
              saving={save.isPending && 'rules' in save.variables.body}
              onSave={(rules) => saveWith({ rules })}
            />
          ) : (
            <RuleList rules={current.rules} />
          )}
        </section>
      )}
      {canManage && ruleSets.data && (
        <TemplateChooser
          saving={save.isPending && 'template' in save.variables.body}
          onChoose={(template) => saveWith({ template })}
        />
      )}
      {ruleSets.data && (
        <section aria-labelledby="versions-heading">
          <Title order={2} id="versions-heading" mt="xl">
            {t('rules.versionsHeading')}
          </Title>
          <Text mb="sm">{canAnalyse ? t('rules.versionsIntroWhatIf') : t('rules.versionsIntro')}</Text>
          <VersionsTable
            ruleSets={ruleSets.data.ruleSets}
            canAnalyse={canAnalyse}
            whatIfId={whatIfId}
            onWhatIf={setWhatIfId}
          />
          {canAnalyse && whatIfId && <WhatIfPanel site={site} ruleSetId={whatIfId} />}
        </section>
      )}
    </>
  );
}

function TemplateChooser({ saving, onChoose }: { saving: boolean; onChoose: (template: string) => void }) {
  const { t } = useTranslation('program');
  const [template, setTemplate] = useState<string>(TEMPLATES[0]);
  return (
    <section aria-labelledby="template-heading">
      <Title order={2} id="template-heading" mt="xl">
        {t('rules.templateHeading')}
      </Title>
      <Text mb="sm">{t('rules.templateIntro')}</Text>
      <Stack gap="sm" maw={560}>
        <NativeSelect
          label={t('rules.template')}
          value={template}
          onChange={(event) => setTemplate(event.currentTarget.value)}
          data={TEMPLATES.map((name) => ({ value: name, label: t(`rules.templates.${name}`) }))}
        />
        <Button
          variant="default"
          loading={saving}
          onClick={() => onChoose(template)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('rules.useTemplate')}
        </Button>
      </Stack>
    </section>
  );
}

function VersionsTable({
  ruleSets,
  canAnalyse,
  whatIfId,
  onWhatIf,
}: {
  ruleSets: StoredRuleSet[];
  canAnalyse: boolean;
  whatIfId: string | undefined;
  onWhatIf: (ruleSetId: string) => void;
}) {
  const { t, i18n } = useTranslation('program');
  const newestFirst = [...ruleSets].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped verticalSpacing="sm" horizontalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('rules.versionsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rules.version')}</Table.Th>
            <Table.Th scope="col">{t('rules.savedAt')}</Table.Th>
            {canAnalyse && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('rules.whatIf')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((ruleSet) => (
            <Table.Tr key={ruleSet.id}>
              <Table.Th scope="row">
                <Group gap={6} wrap="wrap">
                  <Text fw={600}>
                    {t('rules.versionName', { name: ruleSet.name, version: ruleSet.version })}
                  </Text>
                  {ruleSet.current && (
                    <Badge color="green" variant="dot" tt="none" c="dark.9">
                      {t('rules.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed" fw={400}>
                  {t('rules.ruleCount', { count: ruleSet.rules.length })}
                </Text>
              </Table.Th>
              <Table.Td>{formatDateTime(ruleSet.createdAt, i18n.language)}</Table.Td>
              {canAnalyse && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant={whatIfId === ruleSet.id ? 'filled' : 'light'}
                    aria-pressed={whatIfId === ruleSet.id}
                    onClick={() => onWhatIf(ruleSet.id)}
                    aria-label={t('rules.whatIfFor', { name: ruleSet.name, version: ruleSet.version })}
                  >
                    {t('rules.whatIf')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
