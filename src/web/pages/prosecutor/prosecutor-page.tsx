import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  arrestDiversionDeadline,
  arrestDiversionDeadlinesResponse,
  prosecutorDecisionRequest,
} from '../../../contracts/intake-deadlines.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { PATHS } from '../../routing.ts';

type ArrestDiversion = z.infer<typeof arrestDiversionDeadline>;
type Decision = z.infer<typeof prosecutorDecisionRequest>['decision'];

const base = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}/prosecutor/arrest-diversions`;

/** Passed with no intake: the prosecutor may record a decision. */
function expired(entry: ArrestDiversion, now: number): boolean {
  return !entry.intakeCompleted && Date.parse(entry.deadline) <= now;
}

/**
 * The prosecutor's arrest diversions: exactly the fields the API gives (incident number, referring
 * officer, referral date, deadline, intake completed yes/no and its date), expired ones first with
 * "Declined to file" and "Filed". Nothing about the person.
 */
export function ProsecutorPage({ site }: { site: SessionSite }) {
  const { t, i18n } = useTranslation('dispatch');
  const { t: common } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['prosecutor', site.id],
    queryFn: () => api.request<z.infer<typeof arrestDiversionDeadlinesResponse>>('GET', base(site.id)),
    gcTime: 0,
  });
  // A decision is asked twice (tap, then "Record it"): a mis-tap must not record "Filed".
  const [confirming, setConfirming] = useState<{ id: string; decision: Decision } | null>(null);
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: Decision }) =>
      api.request<ArrestDiversion>('POST', `${base(site.id)}/${encodeURIComponent(id)}/decision`, {
        body: { decision },
        headers: { 'idempotency-key': newIdempotencyKey() },
      }),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: ['prosecutor', site.id] });
    },
  });
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium', timeZone: site.timezone });
  const now = Date.now();
  const entries = [...(list.data?.arrestDiversions ?? [])].sort((a, b) => {
    const rank = (entry: ArrestDiversion) => (expired(entry, now) ? (entry.decision ? 1 : 0) : 2);
    return rank(a) - rank(b) || a.deadline.localeCompare(b.deadline);
  });
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('prosecutor.title')}</PageTitle>
      <Text mb="md">{t('prosecutor.intro')}</Text>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && entries.length === 0 && <Text c="dimmed">{t('prosecutor.empty')}</Text>}
      {decide.isError && <ErrorAlert error={decide.error} />}
      <SimpleGrid
        component="ul"
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('prosecutor.title')}
      >
        {entries.map((entry) => {
          const passed = expired(entry, now);
          const fields: [string, string][] = [
            [t('prosecutor.incidentNumber'), entry.incidentNumber ?? t('prosecutor.none')],
            [t('prosecutor.referringOfficer'), entry.referringOfficer ?? t('prosecutor.none')],
            [t('prosecutor.referralDate'), date(entry.referralDate)],
            [t('prosecutor.deadline'), date(entry.deadline)],
            [
              t('prosecutor.intakeCompleted'),
              entry.intakeCompleted
                ? entry.intakeCompletedOn
                  ? t('prosecutor.yesOn', { date: date(entry.intakeCompletedOn) })
                  : t('prosecutor.yes')
                : t('prosecutor.no'),
            ],
          ];
          return (
            <Card
              key={entry.id}
              component="li"
              withBorder
              padding="sm"
              data-testid="arrest-diversion"
              data-expired={passed ? 'true' : 'false'}
              style={
                passed && !entry.decision
                  ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 }
                  : undefined
              }
            >
              {passed && (
                <Badge color="red" tt="none" mb="xs">
                  {t('prosecutor.expired')}
                </Badge>
              )}
              <Stack component="dl" gap={4} m={0}>
                {fields.map(([label, value]) => (
                  <Group key={label} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Text component="dt" c="dimmed" size="sm" data-testid="field-label">
                      {label}
                    </Text>
                    <Text component="dd" m={0} fw={600} ta="right" data-testid="field-value">
                      {value}
                    </Text>
                  </Group>
                ))}
              </Stack>
              {entry.decision && (
                <Text mt="xs" fw={700} data-testid="decision">
                  {t(`prosecutor.decision.${entry.decision}`)}
                </Text>
              )}
              {passed && !entry.decision && confirming?.id !== entry.id && (
                <Group grow gap="xs" mt="sm">
                  {(['declined_to_file', 'filed'] as const).map((decision) => (
                    <Button
                      key={decision}
                      size="md"
                      variant={decision === 'declined_to_file' ? 'filled' : 'light'}
                      disabled={decide.isPending}
                      onClick={() => setConfirming({ id: entry.id, decision })}
                    >
                      {t(`prosecutor.decide.${decision}`)}
                    </Button>
                  ))}
                </Group>
              )}
              {passed && !entry.decision && confirming?.id === entry.id && (
                <Stack gap="xs" mt="sm">
                  <Text fw={600}>
                    {t('prosecutor.confirm', {
                      decision: t(`prosecutor.decide.${confirming.decision}`),
                      incident: entry.incidentNumber ?? t('prosecutor.none'),
                    })}
                  </Text>
                  <Group grow gap="xs">
                    <Button size="md" loading={decide.isPending} onClick={() => decide.mutate(confirming)}>
                      {t('prosecutor.confirmYes')}
                    </Button>
                    <Button
                      size="md"
                      variant="default"
                      disabled={decide.isPending}
                      onClick={() => setConfirming(null)}
                    >
                      {t('prosecutor.cancel')}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </>
  );
}
